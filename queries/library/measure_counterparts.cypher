// name: measure_counterparts
// title_zh: 任务在其他规划中的对应任务
// title_en: Counterparts of measures in other plans
// description: For each measure of `ids`, its counterparts (SIMILAR_TO with status counterpart) in other plans, with the other plan's id, title and region, the score and the shared terms.
// params: ids=["handan-eco-plan-2021-2025/m/1"]
// example: plankg query --name measure_counterparts --param 'ids=["handan-eco-plan-2021-2025/m/10"]'
MATCH (a:Measure)-[s:SIMILAR_TO]-(b:Measure)<-[:HAS_MEASURE]-(p:Plan)
WHERE a.id IN $ids AND s.status = 'counterpart'
RETURN a.id AS measure_id, b.id AS other, p.id AS plan_id, p.title AS plan, p.region AS region, s.score AS score,
       s.shared_terms AS shared_terms
ORDER BY measure_id, score DESC
