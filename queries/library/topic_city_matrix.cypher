// name: topic_city_matrix
// title_zh: 主题 × 城市矩阵
// title_en: Topic × city matrix
// description: For every top topic, how many measures of each plan are about it, with one example measure id; sub-topics count under their top topic.
// params: level=city
// example: plankg query --name topic_city_matrix --param level=county
MATCH (p:Plan)-[:HAS_MEASURE]->(m:Measure)-[:ABOUT]->(t:Topic)
WHERE p.level = $level AND t.parent IS NULL
RETURN t.id AS topic_id, t.name AS topic, t.name_en AS topic_en, p.region AS region, p.id AS plan_id,
       count(m) AS measures
ORDER BY topic_id, region, plan_id
