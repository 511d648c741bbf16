// name: measure_facts
// title_zh: 从任务读出的事实
// title_en: Facts read from a measure
// description: The responsibility clauses (body and role) and the goals (indicator and target) read from one measure, each with the clause or sentence as printed and its own lines.
// params: id=handan-eco-plan-2021-2025/m/1
// example: plankg query --name measure_facts --param id=handan-eco-plan-2021-2025/m/10
MATCH (m:Measure)<-[r:RESPONSIBLE_FOR]-(d:Department)
WHERE m.id = $id
RETURN '责任 responsibility' AS fact, d.name + '（' + r.role + '）' AS what, r.clause AS as_written,
       r.source_file AS source_file, r.line_start AS line_start, r.line_end AS line_end
UNION ALL
MATCH (m:Measure)-[g:TARGETS]->(i:Indicator)
WHERE m.id = $id
RETURN '目标 goal' AS fact, i.name + '：' + g.target AS what, g.name_as_written AS as_written,
       g.source_file AS source_file, g.line_start AS line_start, g.line_end AS line_end
