// name: region_parents
// title_zh: 行政区划上级
// title_en: Each region's parent
// description: Every region with the region it is part of (PART_OF), its name and level, to walk a plan's region up to its city and province.
// params:
// example: plankg query --name region_parents
MATCH (r:Region)-[:PART_OF]->(up:Region)
RETURN r.id AS id, up.id AS up, up.name AS name, up.level AS level
ORDER BY id
