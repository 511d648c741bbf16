// name: measures_without_counterpart
// title_zh: 无对应任务的措施
// title_en: Measures with no counterpart in another plan
// description: Measures of one plan that have no SIMILAR_TO link to any measure of another plan (score ≥ 0.25 on TF-IDF character n-grams): what one city plans and the other does not say in similar words.
// params: plan=handan-eco-plan-2021-2025, other=xingtai-eco-plan-2021-2025
// example: plankg query --name measures_without_counterpart --param plan=hengshui-eco-plan-2021-2025 --param other=handan-eco-plan-2021-2025
MATCH (p:Plan)-[:HAS_MEASURE]->(m:Measure)
WHERE p.id = $plan
OPTIONAL MATCH (m)-[s:SIMILAR_TO]-(x:Measure)<-[:HAS_MEASURE]-(o:Plan)
WHERE o.id = $other
WITH m, count(x) AS counterparts
WHERE counterparts = 0
RETURN m.id AS measure_id, m.section_path AS section, m.text AS measure, m.line_start AS line_start
ORDER BY line_start
