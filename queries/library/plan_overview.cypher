// name: plan_overview
// title_zh: 规划概览
// title_en: What each plan holds
// description: Every plan with its region, kind, document number and date, and how many measures, responsible bodies, indicators and key projects it holds.
// params:
// example: plankg query --name plan_overview
MATCH (p:Plan)-[:COVERS]->(r:Region)
OPTIONAL MATCH (p)-[:HAS_MEASURE]->(m:Measure)
WITH p, r, count(m) AS measures
OPTIONAL MATCH (p)-[:HAS_MEASURE]->(:Measure)<-[:RESPONSIBLE_FOR]-(d:Department)
WITH p, r, measures, count(DISTINCT d) AS departments
OPTIONAL MATCH (p)-[:TARGETS|REPORTS_PROGRESS]->(i:Indicator)
WITH p, r, measures, departments, count(DISTINCT i) AS indicators
OPTIONAL MATCH (p)-[:HAS_PROJECT]->(j:Project)
RETURN p.id AS plan_id, p.title AS title, p.kind AS kind, p.level AS level, r.id AS region_id, r.name AS region,
       p.doc_number AS doc_number, p.issued AS issued, measures, departments, indicators, count(j) AS projects
ORDER BY plan_id
