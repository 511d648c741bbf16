// name: co_responsible
// title_zh: 共同负责的部门
// title_en: Bodies sharing measures with a department
// description: The bodies named on the same measures as `department`, with how many measures they share and how many of those `department` leads while the other supports, and the other way round.
// params: department=邯郸市生态环境局
// example: plankg query --name co_responsible --param department=邯郸市发展和改革委员会
MATCH (d:Department)-[r:RESPONSIBLE_FOR]->(m:Measure)<-[o:RESPONSIBLE_FOR]-(other:Department)
WHERE d.name = $department AND other.name <> $department
RETURN other.name AS department, other.category AS category, count(DISTINCT m) AS shared,
       count(DISTINCT CASE WHEN r.role = 'lead' AND o.role = 'support' THEN m.id END) AS it_supports,
       count(DISTINCT CASE WHEN r.role = 'support' AND o.role = 'lead' THEN m.id END) AS it_leads
ORDER BY shared DESC, department
