// name: county_alignment
// title_zh: 县市省指标衔接
// title_en: County targets beside their city's and province's
// description: Each county plan's targets beside the same indicator in the plans of its city and province, and whether the county defers to the level above (达到市要求, 以市下达目标为准…).
// params: year=2025
// example: plankg query --name county_alignment
MATCH (p:Plan)-[t:TARGETS]->(i:Indicator), (p)-[:COVERS]->(county:Region)-[:PART_OF]->(city:Region)
WHERE p.level = 'county' AND t.target_year = $year
OPTIONAL MATCH (city)<-[:COVERS]-(cp:Plan)-[ct:TARGETS]->(i)
WHERE ct.target_year = $year
RETURN p.title AS county_plan, i.name AS indicator, t.name_as_written AS as_written, t.target AS county_target,
       t.cumulative AS county_cumulative, city.name AS city, ct.target AS city_target, ct.cumulative AS city_cumulative,
       (coalesce(t.target, '') + coalesce(t.cumulative, '')) CONTAINS '要求' AS defers_to_higher_level
ORDER BY county_plan, indicator
