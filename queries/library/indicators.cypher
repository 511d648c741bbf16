// name: indicators
// title_zh: 指标列表
// title_en: Indicators
// description: Every canonical indicator with its name, unit and category (环境治理, 应对气候变化, 环境风险防控, 生态保护…).
// params:
// example: plankg query --name indicators
MATCH (i:Indicator)
RETURN i.id AS id, i.name AS name, i.unit AS unit, i.category AS category
ORDER BY id
