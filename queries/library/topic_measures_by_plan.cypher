// name: topic_measures_by_plan
// title_zh: 各规划每个主题的任务数
// title_en: Measures per topic in plans
// description: For every topic and sub-topic (with its parent; null for a top topic), how many measures of each plan of `plans` are about it; a sub-topic's measures count under its top topic too. Divide by the plan's measures for shares.
// params: plans=["handan-eco-plan-2021-2025"]
// example: plankg query --name topic_measures_by_plan --param 'plans=["xingtai-eco-plan-2021-2025"]'
MATCH (p:Plan)-[:HAS_MEASURE]->(m:Measure)-[:ABOUT]->(t:Topic)
WHERE p.id IN $plans
RETURN t.id AS topic_id, t.name + ' ' + t.name_en AS topic, t.parent AS parent, p.id AS plan_id, count(m) AS measures
ORDER BY topic_id, plan_id
