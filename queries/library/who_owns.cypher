// name: who_owns
// title_zh: 谁负责这项任务
// title_en: Who owns this task?
// description: Measures whose text contains a keyword, in every plan, each with the bodies that lead, support or are responsible for it (one row per measure and body, with the clause as printed; measures nobody is named for come with an empty department).
// params: keyword=散煤
// example: plankg who 散煤
MATCH (p:Plan)-[:HAS_MEASURE]->(m:Measure)
WHERE m.text CONTAINS $keyword
OPTIONAL MATCH (d:Department)-[r:RESPONSIBLE_FOR]->(m)
RETURN p.region AS region, p.title AS plan, m.id AS measure_id, m.text AS measure, m.source_file AS source_file,
       m.line_start AS line_start, m.line_end AS line_end, d.name AS department, r.role AS role, r.implied AS implied,
       r.clause AS clause
ORDER BY region, plan, line_start, role, department
