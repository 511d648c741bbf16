// name: department_measures
// title_zh: 部门负责的任务
// title_en: Measures a department is responsible for
// description: Every measure one body leads, supports or is responsible for, with the clause as printed and where it stands (implied rows come from a scope statement such as 以下均含…不再列出).
// params: department=邯郸市生态环境局
// example: plankg query --name department_measures --param department=宁晋县民政局
MATCH (d:Department)-[r:RESPONSIBLE_FOR]->(m:Measure)<-[:HAS_MEASURE]-(p:Plan)
WHERE d.name = $department
RETURN p.title AS plan, m.id AS measure_id, m.section_path AS section, r.role AS role, r.implied AS implied,
       m.text AS measure, r.clause AS clause, m.source_file AS source_file, m.line_start AS line_start,
       m.line_end AS line_end
ORDER BY plan, line_start
