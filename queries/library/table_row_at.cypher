// name: table_row_at
// title_zh: 某行所在的指标表
// title_en: The indicator table a line belongs to
// description: The title of the indicator table (as printed) whose row starts at line `line` of `source_file`, so the row can be shown under its column headers; no row when the line is no table row.
// params: source_file=handan-eco-plan-2021-2025.txt, line=164
// example: plankg query --name table_row_at --param source_file=hengshui-eco-plan-2021-2025.txt --param line=650
MATCH (:Plan)-[t:TARGETS|REPORTS_PROGRESS]->(:Indicator)
WHERE t.source_file = $source_file AND t.line_start = $line
RETURN DISTINCT t.table_title AS table_title
