// name: measures_by_department_kind
// title_zh: 同类部门跨城市任务数
// title_en: Bodies of one kind across governments
// description: Every body of one kind (e.g. all 生态环境局 / 生态环境厅), the government it belongs to, and how many measures it leads, supports or is responsible for.
// params: kind=生态环境局
// example: plankg query --name measures_by_department_kind --param kind=发展和改革委员会
MATCH (d:Department)-[:BELONGS_TO]->(g:Region)
WHERE d.kind = $kind
OPTIONAL MATCH (d)-[r:RESPONSIBLE_FOR]->(m:Measure)
RETURN d.name AS department, g.name AS government, g.level AS level,
       sum(CASE WHEN r.role = 'lead' THEN 1 ELSE 0 END) AS leads,
       sum(CASE WHEN r.role = 'support' THEN 1 ELSE 0 END) AS supports,
       sum(CASE WHEN r.role = 'responsible' THEN 1 ELSE 0 END) AS responsible,
       count(m) AS measures
ORDER BY measures DESC, department
