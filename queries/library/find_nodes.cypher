// name: find_nodes
// title_zh: 查找节点
// title_en: Find nodes
// description: Nodes whose id or words (name, title, heading or text) contain `find`, with their label, the first `limit` by label and id.
// params: find=散煤, limit=500
// example: plankg query --name find_nodes --param find=生态环境局
MATCH (n)
WHERE n.id CONTAINS $find OR coalesce(n.name, n.title, n.heading, n.text, '') CONTAINS $find
RETURN n.id AS id, labels(n)[0] AS label, coalesce(n.name, n.title, n.heading, n.text, '') AS words
ORDER BY label, id
LIMIT $limit
