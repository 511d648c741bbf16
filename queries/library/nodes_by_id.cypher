// name: nodes_by_id
// title_zh: 按编号取节点
// title_en: Nodes by id
// description: The nodes whose id is in `ids`, with their label and words (name, title, heading or text).
// params: ids=["dept/130400/生态环境局"]
// example: plankg query --name nodes_by_id --param 'ids=["region/130400"]'
MATCH (n)
WHERE n.id IN $ids
RETURN n.id AS id, labels(n)[0] AS label, coalesce(n.name, n.title, n.heading, n.text, '') AS words
