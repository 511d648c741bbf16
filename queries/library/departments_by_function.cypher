// name: departments_by_function
// title_zh: 按职能对齐各级部门
// title_en: Bodies of one function at every level
// description: The bodies serving one function at every level (the province's 生态环境厅 beside the cities' and counties' 生态环境局), with their lead, support and total measure counts.
// params: function=生态环境
// example: plankg query --name departments_by_function --param function=住房和城乡建设
MATCH (d:Department)-[:BELONGS_TO]->(g:Region)
WHERE d.function = $function
OPTIONAL MATCH (d)-[r:RESPONSIBLE_FOR]->(m:Measure)
RETURN d.name AS department, d.kind AS kind, g.name AS government, g.level AS level,
       sum(CASE WHEN r.role = 'lead' THEN 1 ELSE 0 END) AS leads,
       sum(CASE WHEN r.role = 'support' THEN 1 ELSE 0 END) AS supports,
       count(m) AS measures
ORDER BY level DESC, government
