// name: provenance
// title_zh: 出处
// title_en: Provenance of a node
// description: Where any node was read: source file and line span (null for nodes not read from one place, such as regions and canonical indicators).
// params: id=handan-eco-plan-2021-2025/m/1
// example: plankg query --name provenance --param id=hengshui-eco-plan-2021-2025
MATCH (n)
WHERE n.id = $id
RETURN n.id AS id, n.source_file AS source_file, n.line_start AS line_start, n.line_end AS line_end
