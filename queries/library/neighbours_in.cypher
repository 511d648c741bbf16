// name: neighbours_in
// title_zh: 入边邻居
// title_en: Neighbours along incoming relationships
// description: The nodes that point to nodes `ids` along relationships of `types`, of the labels `labels`, at most `limit` rows, by label and id.
// params: ids=["region/130400"], labels=["Department"], types=["BELONGS_TO"], limit=5000
// example: plankg query --name neighbours_in --param 'ids=["topic/air"]' --param 'labels=["Measure"]' --param 'types=["ABOUT"]'
MATCH (n)<-[r]-(m)
WHERE n.id IN $ids AND labels(m)[0] IN $labels AND type(r) IN $types
RETURN m AS node
ORDER BY labels(m)[0], m.id
LIMIT $limit
