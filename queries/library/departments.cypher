// name: departments
// title_zh: 部门列表
// title_en: Departments
// description: Every body with its kind, function, level, category, aliases as written, the government it belongs to and how many measures it leads, supports or is responsible for.
// params:
// example: plankg query --name departments
MATCH (d:Department)-[:BELONGS_TO]->(g:Region)
OPTIONAL MATCH (d)-[r:RESPONSIBLE_FOR]->(:Measure)
RETURN d.name AS name, d.kind AS kind, d.function AS function, d.level AS level, d.category AS category,
       d.aliases AS aliases, g.name AS government, count(r) AS measures
ORDER BY measures DESC, name
