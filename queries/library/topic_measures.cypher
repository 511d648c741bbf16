// name: topic_measures
// title_zh: 同一主题的各地任务
// title_en: Measures of one topic side by side
// description: The measures of one topic (or sub-topic) in every plan, with their lead and support bodies counted and their main-topic flag, for reading side by side.
// params: topic=topic/loose-coal
// example: plankg query --name topic_measures --param topic=topic/black-odorous-water
MATCH (p:Plan)-[:HAS_MEASURE]->(m:Measure)-[a:ABOUT]->(t:Topic)
WHERE t.id = $topic
OPTIONAL MATCH (d:Department)-[r:RESPONSIBLE_FOR]->(m)
RETURN p.region AS region, p.title AS plan, m.id AS measure_id, a.main AS main_topic, a.keywords AS keywords,
       m.text AS measure, count(d) AS bodies, m.source_file AS source_file, m.line_start AS line_start
ORDER BY region, plan, line_start
