// name: department_load
// title_zh: 部门任务量排名
// title_en: Departments ranked by load
// description: The bodies of one government ranked by the number of measures they carry, with lead and implied counts; collective names (各县<市、区>政府) are listed as written.
// params: region=邯郸市
// example: plankg query --name department_load --param region=宁晋县
MATCH (d:Department)-[:BELONGS_TO]->(g:Region)
WHERE g.name = $region
MATCH (d)-[r:RESPONSIBLE_FOR]->(m:Measure)
RETURN d.name AS department, d.kind AS kind, d.category AS category, count(m) AS measures,
       sum(CASE WHEN r.role = 'lead' THEN 1 ELSE 0 END) AS leads,
       sum(CASE WHEN r.implied THEN 1 ELSE 0 END) AS implied
ORDER BY measures DESC, department
