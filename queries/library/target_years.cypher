// name: target_years
// title_zh: 目标年份
// title_en: Target years
// description: The years that indicator targets and progress rows are set for (2025 for the 14th Five-Year plans, 2020 for a “十三五” completion table).
// params:
// example: plankg query --name target_years
MATCH (:Plan)-[t:TARGETS|REPORTS_PROGRESS]->(:Indicator)
RETURN DISTINCT t.target_year AS year
ORDER BY year
