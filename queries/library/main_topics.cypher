// name: main_topics
// title_zh: 任务的主要主题
// title_en: Main topics of measures
// description: The main top topic (or topics, on a tie) of each measure of `ids`.
// params: ids=["handan-eco-plan-2021-2025/m/1"]
// example: plankg query --name main_topics --param 'ids=["handan-eco-plan-2021-2025/m/10"]'
MATCH (m:Measure)-[a:ABOUT]->(t:Topic)
WHERE m.id IN $ids AND t.parent IS NULL AND a.main
RETURN m.id AS measure_id, t.id AS topic_id, t.name AS topic
ORDER BY measure_id, topic
