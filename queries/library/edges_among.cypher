// name: edges_among
// title_zh: 节点之间的关系
// title_en: Relationships among nodes
// description: Every relationship of `types` between two nodes of `ids`, with its role (lead/support/responsible) and status (counterpart/uncertain) where it has one.
// params: ids=["dept/130400/生态环境局", "region/130400"], types=["BELONGS_TO"]
// example: plankg query --name edges_among --param 'ids=["handan-eco-plan-2021-2025", "region/130400"]' --param 'types=["COVERS"]'
MATCH (a)-[r]->(b)
WHERE a.id IN $ids AND b.id IN $ids AND type(r) IN $types
RETURN a.id AS tail, type(r) AS type, b.id AS head, r.role AS role, r.status AS status
