// name: topics
// title_zh: 主题列表
// title_en: Topics
// description: Every topic of the plans' own taxonomy with its English name and parent (null for a top topic).
// params:
// example: plankg query --name topics
MATCH (t:Topic)
RETURN t.id AS id, t.name AS name, t.name_en AS name_en, t.parent AS parent
ORDER BY id
