// name: node
// title_zh: 节点及其出处
// title_en: A node and where it was read
// description: The node with id `id`, all its properties, and its source file and lines (null for nodes not read from one place in the text).
// params: id=handan-eco-plan-2021-2025/m/1
// example: plankg query --name node --param id=dept/130400/生态环境局
MATCH (n)
WHERE n.id = $id
RETURN n AS node, n.source_file AS source_file, n.line_start AS line_start, n.line_end AS line_end
