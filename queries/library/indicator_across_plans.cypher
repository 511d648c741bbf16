// name: indicator_across_plans
// title_zh: 单项指标跨规划对比
// title_en: One indicator across plans
// description: One canonical indicator in every plan that targets it: literals as printed, values, relative change from baseline to target where both are numbers, and the scope, so rows of different scope are not compared silently, with the row's file and lines. A progress-table row (REPORTS_PROGRESS) has no baseline: it gives the earlier target, what was achieved and whether it was met (是/否, as printed).
// params: indicator=indicator/pm25, year=2025
// example: plankg query --name indicator_across_plans --param indicator=indicator/good_air_days
MATCH (p:Plan)-[t:TARGETS|REPORTS_PROGRESS]->(i:Indicator)
WHERE i.id = $indicator AND t.target_year = $year
RETURN p.region AS region, p.title AS plan, p.level AS level, t.name_as_written AS as_written, t.scope AS scope,
       t.baseline AS baseline, t.target AS target, t.achieved AS achieved, t.met AS met, t.attribute AS attribute,
       t.target_value AS target_value, t.value_unit AS unit,
       CASE WHEN t.baseline_value IS NOT NULL AND t.target_value IS NOT NULL AND t.baseline_value <> 0
            THEN round((t.target_value - t.baseline_value) / t.baseline_value * 100, 1)
            ELSE NULL END AS change_pct,
       CASE WHEN t.target_value IS NULL THEN 'not a number: ' + t.target ELSE 'numeric' END AS comparable,
       t.source_file AS source_file, t.line_start AS line_start, t.line_end AS line_end
ORDER BY target_value, region
