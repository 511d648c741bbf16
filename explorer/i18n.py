"""Interface labels in Chinese with English beside them; the data itself is shown as written."""

LABELS = {
    "title": ("规划知识图谱", "Plan knowledge graph"),
    "page": ("页面", "Page"),
    "overview": ("概览", "Overview"),
    "compare": ("城市对比", "Compare cities"),
    "departments": ("部门", "Departments"),
    "owners": ("谁负责", "Who owns this task"),
    "graph": ("图谱", "Graph"),
    "console": ("Cypher 控制台", "Cypher console"),
    "sources": ("原文", "Sources"),
    "no_build": ("还没有构建图谱", "No graph has been built yet"),
    "build": ("构建", "Build"),
    "plans": ("规划", "Plans"),
    "measures": ("任务措施", "Measures"),
    "indicators": ("指标", "Indicators"),
    "projects": ("重点工程", "Projects"),
    "topics": ("主题", "Topics"),
    "indicator": ("指标", "Indicator"),
    "year": ("目标年", "Target year"),
    "department": ("部门（可输入名称或简称搜索）", "Department (type a name or alias)"),
    "run": ("运行", "Run"),
    "example": ("示例查询", "Example query"),
    "node": ("中心节点（可输入搜索）", "Centre node (type to search)"),
    "find_node": ("查找节点（编号或名称中的文字）", "Find nodes (text in their id or name)"),
    "hops": ("跳数", "Hops"),
    "labels": ("节点类型", "Node labels"),
    "types": ("关系类型", "Relationship types"),
    "more": ("显示更多", "Show more"),
    "recentre": ("以此节点为中心", "Re-centre on"),
    "download": ("下载", "Download"),
    "source": ("原文", "Source"),
    "topic_matrix": ("主题 × 规划", "Topic × plan"),
    "topic": ("主题", "Topic"),
    "side_by_side": ("同一主题的任务并列", "Measures of one topic side by side"),
    "no_topics": ("本次构建没有主题数据", "Not available in this build (no Topic nodes)"),
    "same_kind": ("其他地方的同类部门", "The same kind of body elsewhere"),
    "group_by": ("分组", "Group by"),
    "level": ("层级", "Level"),
}


def t(key: str) -> str:
    """``中文 / English`` for an interface label."""
    zh, en = LABELS[key]
    return f"{zh} / {en}"
