// name: measure_goals
// title_zh: 任务文本中的量化目标
// title_en: Goals stated in measure text
// description: Quantitative goals written inside measures (到2025年…下降18%) for one indicator, beside the plan's own indicator-table target, so the two can be checked against each other.
// params: indicator=indicator/pm25
// example: plankg query --name measure_goals --param indicator=indicator/non_fossil_share
MATCH (p:Plan)-[:HAS_MEASURE]->(m:Measure)-[g:TARGETS]->(i:Indicator)
WHERE i.id = $indicator
OPTIONAL MATCH (p)-[t:TARGETS]->(i)
WHERE t.target_year = g.target_year
RETURN p.region AS region, p.title AS plan, m.id AS measure_id, g.target AS goal_in_text, g.target_value AS goal_value,
       g.target_year AS goal_year, t.target AS table_target, t.target_value AS table_value, g.name_as_written AS sentence
ORDER BY region, plan, measure_id
