// name: plan_responsibilities
// title_zh: 规划的责任分工
// title_en: Responsibilities in plans
// description: Every body named for a measure of the plans `plans`: its function, role (lead 牵头 / support 配合 / responsible 责任单位), whether a scope statement implies it, and the clause as printed with its file and lines.
// params: plans=["handan-eco-plan-2021-2025"]
// example: plankg query --name plan_responsibilities --param 'plans=["ningjin-gazette-2023-01/1"]'
MATCH (p:Plan)-[:HAS_MEASURE]->(m:Measure)<-[r:RESPONSIBLE_FOR]-(d:Department)
WHERE p.id IN $plans
RETURN p.id AS plan_id, p.region AS region, p.title AS plan, p.doc_number AS doc_number, m.id AS measure_id,
       d.name AS department, d.function AS function, r.role AS role, r.implied AS implied, r.clause AS clause,
       r.source_file AS source_file, r.line_start AS line_start, r.line_end AS line_end
ORDER BY plan_id, line_start, role, department
