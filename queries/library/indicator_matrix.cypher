// name: indicator_matrix
// title_zh: 指标对比矩阵
// title_en: Indicator matrix
// description: Every canonical indicator × plan for one target year: baseline, target, cumulative and attribute as printed, values in the indicator's unit, the scope each row measures, the indicator's category (环境治理, 应对气候变化…) and the row's file and lines. Rows of a progress table (REPORTS_PROGRESS, e.g. a “十三五” completion table for 2020) give the earlier target, what was achieved and whether it was met instead of a baseline.
// params: year=2025
// example: plankg query --name indicator_matrix --param year=2020
MATCH (p:Plan)-[t:TARGETS|REPORTS_PROGRESS]->(i:Indicator)
WHERE t.target_year = $year
OPTIONAL MATCH (p)-[:COVERS]->(g:Region)
RETURN i.id AS indicator_id, i.name AS indicator, i.category AS category, p.id AS plan_id, p.title AS plan,
       p.region AS region, g.id AS region_id, p.level AS level,
       t.name_as_written AS as_written, t.scope AS scope, t.baseline AS baseline, t.target AS target,
       t.achieved AS achieved, t.met AS met, t.cumulative AS cumulative, t.attribute AS attribute,
       t.baseline_value AS baseline_value, t.target_value AS target_value, t.achieved_value AS achieved_value,
       t.cumulative_value AS cumulative_value, t.value_unit AS unit, t.unit AS unit_as_written,
       t.source_file AS source_file, t.line_start AS line_start, t.line_end AS line_end
ORDER BY indicator_id, level, region, plan_id
