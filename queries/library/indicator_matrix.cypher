// name: indicator_matrix
// title_zh: 指标对比矩阵
// title_en: Indicator matrix
// description: Every canonical indicator × plan for one target year: baseline, target, cumulative and attribute as printed, values in the indicator's unit, and the scope each row measures. Rows of a progress table (REPORTS_PROGRESS, e.g. a “十三五” completion table for 2020) give the earlier target, what was achieved and whether it was met instead of a baseline.
// params: year=2025
// example: plankg query --name indicator_matrix --param year=2020
MATCH (p:Plan)-[t:TARGETS|REPORTS_PROGRESS]->(i:Indicator)
WHERE t.target_year = $year
RETURN i.id AS indicator_id, i.name AS indicator, p.id AS plan_id, p.region AS region, p.level AS level,
       t.name_as_written AS as_written, t.scope AS scope, t.baseline AS baseline, t.target AS target,
       t.achieved AS achieved, t.met AS met, t.cumulative AS cumulative, t.attribute AS attribute,
       t.baseline_value AS baseline_value, t.target_value AS target_value, t.achieved_value AS achieved_value,
       t.cumulative_value AS cumulative_value, t.value_unit AS unit, t.unit AS unit_as_written
ORDER BY indicator_id, level, region, plan_id
