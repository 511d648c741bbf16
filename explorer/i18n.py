"""Interface labels in Chinese with English beside them; the data itself is shown as written."""

LABELS = {
    "title": ("规划知识图谱", "Plan knowledge graph"),
    "overview": ("概览", "Overview"),
    "compare": ("城市对比", "Compare cities"),
    "departments": ("部门", "Departments"),
    "graph": ("图谱", "Graph"),
    "console": ("Cypher 控制台", "Cypher console"),
    "sources": ("原文", "Sources"),
    "no_build": ("还没有构建图谱", "No graph has been built yet"),
    "plans": ("规划", "Plans"),
    "measures": ("任务措施", "Measures"),
    "indicator": ("指标", "Indicator"),
    "department": ("部门", "Department"),
    "search": ("搜索（名称或简称）", "Search (name or alias)"),
    "run": ("运行", "Run"),
    "example": ("示例查询", "Example query"),
    "node": ("节点", "Node"),
    "hops": ("跳数", "Hops"),
    "max_nodes": ("最多节点数", "Node cap"),
    "download": ("下载", "Download"),
    "topic_matrix": ("主题 × 城市", "Topic × city"),
    "same_kind": ("其他地方的同类部门", "The same kind of body elsewhere"),
}


def t(key: str) -> str:
    """``中文 / English`` for an interface label."""
    zh, en = LABELS[key]
    return f"{zh} / {en}"
