// name: plans
// title_zh: 规划列表
// title_en: Plans
// description: Every plan's id, title, region (name and id) and level, with how many responsibilities (RESPONSIBLE_FOR) its measures carry: 0 means the plan names no responsible units.
// params:
// example: plankg query --name plans
MATCH (p:Plan)
OPTIONAL MATCH (p)-[:COVERS]->(g:Region)
OPTIONAL MATCH (p)-[:HAS_MEASURE]->(:Measure)<-[r:RESPONSIBLE_FOR]-(:Department)
RETURN p.id AS plan_id, p.title AS title, p.region AS region, g.id AS region_id, p.level AS level,
       p.doc_number AS doc_number, count(r) AS responsibilities
ORDER BY plan_id
