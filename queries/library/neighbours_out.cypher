// name: neighbours_out
// title_zh: 出边邻居
// title_en: Neighbours along outgoing relationships
// description: The nodes that nodes `ids` point to along relationships of `types`, of the labels `labels`, at most `limit` rows, by label and id.
// params: ids=["dept/130400/生态环境局"], labels=["Measure"], types=["RESPONSIBLE_FOR"], limit=5000
// example: plankg query --name neighbours_out --param 'ids=["handan-eco-plan-2021-2025"]' --param 'labels=["Section"]' --param 'types=["HAS_SECTION"]'
MATCH (n)-[r]->(m)
WHERE n.id IN $ids AND labels(m)[0] IN $labels AND type(r) IN $types
RETURN m AS node
ORDER BY labels(m)[0], m.id
LIMIT $limit
