// name: plan_measures
// title_zh: 规划的任务措施
// title_en: Measures of plans
// description: Every measure of the plans `plans`, with the plan's title and document number, the section, the text and its file and lines.
// params: plans=["handan-eco-plan-2021-2025"]
// example: plankg query --name plan_measures --param 'plans=["xingtai-eco-plan-2021-2025"]'
MATCH (p:Plan)-[:HAS_MEASURE]->(m:Measure)
WHERE p.id IN $plans
RETURN p.id AS plan_id, p.region AS region, p.title AS plan, p.doc_number AS doc_number, m.id AS measure_id,
       m.section_path AS section, m.text AS measure, m.source_file AS source_file, m.line_start AS line_start,
       m.line_end AS line_end
ORDER BY plan_id, line_start
