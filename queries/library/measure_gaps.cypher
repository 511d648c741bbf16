// name: measure_gaps
// title_zh: 无对应任务的措施（未找到 / 存疑）
// title_en: Measures of one plan with no counterpart in another: none found, or uncertain
// description: Measures of `plan` with no SIMILAR_TO counterpart in `other`. verdict `none found`: no measure of `other` comes near (no link at all); `uncertain`: only near misses (status uncertain), listed with their scores (the links hold the matched sentences), to be read. `topic` (a Topic id such as topic/air, or empty for all) keeps the measures about that topic. With file and lines.
// params: plan=handan-eco-plan-2021-2025, other=xingtai-eco-plan-2021-2025, topic=
// example: plankg query --name measure_gaps --param plan=hengshui-eco-plan-2021-2025 --param other=handan-eco-plan-2021-2025 --param topic=topic/water
MATCH (p:Plan)-[:HAS_MEASURE]->(m:Measure)
WHERE p.id = $plan AND ($topic = '' OR EXISTS { MATCH (m)-[:ABOUT]->(t:Topic) WHERE t.id = $topic })
OPTIONAL MATCH (m)-[s:SIMILAR_TO]-(x:Measure)<-[:HAS_MEASURE]-(o:Plan)
WHERE o.id = $other
WITH m, collect(CASE WHEN s.status = 'counterpart' THEN x.id END) AS counterparts,
     collect(CASE WHEN s.status = 'uncertain' THEN x.id END) AS near_misses,
     collect(CASE WHEN s.status = 'uncertain' THEN s.score END) AS near_scores
WHERE size(counterparts) = 0
RETURN CASE WHEN size(near_misses) = 0 THEN 'none found' ELSE 'uncertain' END AS verdict,
       m.id AS measure_id, m.section_path AS section, m.text AS measure,
       m.source_file AS source_file, m.line_start AS line_start, m.line_end AS line_end, near_misses, near_scores
ORDER BY verdict, line_start
