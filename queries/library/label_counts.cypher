// name: label_counts
// title_zh: 各类节点数
// title_en: Nodes per label
// description: How many plans, measures, departments, indicators, projects and topics the graph holds (0 for a label a build lacks).
// params:
// example: plankg query --name label_counts
MATCH (n:Plan) RETURN 'Plan' AS label, count(n) AS nodes
UNION ALL MATCH (n:Measure) RETURN 'Measure' AS label, count(n) AS nodes
UNION ALL MATCH (n:Department) RETURN 'Department' AS label, count(n) AS nodes
UNION ALL MATCH (n:Indicator) RETURN 'Indicator' AS label, count(n) AS nodes
UNION ALL MATCH (n:Project) RETURN 'Project' AS label, count(n) AS nodes
UNION ALL MATCH (n:Topic) RETURN 'Topic' AS label, count(n) AS nodes
