"""A neighbourhood drawn with pyvis as offline standalone HTML: styled by label and role, click to expand, properties.

Clicking a node shows all its properties and a link to its source text in a panel
under the drawing, and unfolds its neighbours that are drawn folded (the hop beyond
those shown), so a view opens readable and grows where it is clicked. Lead and support look different (solid and dashed), as do
counterparts and uncertain near misses.
"""

import json
import re

from pyvis.network import Network

from queries.neighbourhood import Neighbourhood

STYLES = {  # label → colour, shape
    "Plan": ("#1f77b4", "box"),
    "Section": ("#9ecae1", "dot"),
    "Measure": ("#ff7f0e", "dot"),
    "Department": ("#2ca02c", "diamond"),
    "Region": ("#9467bd", "triangle"),
    "Indicator": ("#d62728", "star"),
    "Project": ("#8c564b", "square"),
    "Topic": ("#e377c2", "hexagon"),
}
EDGE_STYLES = {  # role or status → colour, width, dashes
    "lead": ("#2ca02c", 3, False),
    "support": ("#2ca02c", 1.5, True),
    "responsible": ("#7fbf7f", 1.5, False),
    "counterpart": ("#ff7f0e", 2, False),
    "uncertain": ("#ffbb78", 1, True),
}
FONT = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, WenQuanYi Zen Hei, sans-serif"
EDGE_LABELS = 40
"""Above this many edges their type shows on hover only, so the drawing stays readable."""
_REMOTE = re.compile(r'<(?:link|script)\b[^>]*\b(?:href|src)\s*=\s*"https?://[^"]*"[^>]*>(?:\s*</script>)?', re.I)


def words(node: dict, longest: int = 40) -> str:
    """The node's name, title, heading or text (its id if none), cut at ``longest`` characters."""
    text = next((str(node[key]) for key in ("name", "title", "heading", "text") if node.get(key)), node["id"])
    return text if len(text) <= longest else text[: longest - 1] + "…"


def caption(node: dict, regions: dict[str, str], width: int = 10) -> str:
    """A short readable label: for a plan's part (measure, section, project), the plan's region and number first."""
    text = words(node, 2 * width)
    text = text if len(text) <= width else text[:width] + "\n" + text[width:]
    plan, _, rest = node["id"].partition("/")
    return f"{regions[plan]} {rest.rsplit('/', 1)[-1]}\n{text}" if plan in regions and rest else text


def tooltip(node: dict) -> str:
    """Plain-text hover text: label, id and the node's words (vis-network shows it as text, not HTML)."""
    return f"{node['label']} · {node['id']}\n{words(node, 200)}"


def network_html(found: Neighbourhood, centre: str, regions: dict[str, str] | None = None, folded: int = 2) -> str:
    """Standalone HTML drawing ``found``: vis-network and its CSS inlined, no request leaves the page.

    ``regions`` maps plan ids to their region, for captions; nodes at hop ``folded`` or
    beyond start hidden and unfold when a neighbour is clicked (0: none hidden).
    """
    regions = regions or {}
    net = Network(height="640px", width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    for node_id, node in found.nodes.items():
        colour, shape = STYLES.get(node["label"], ("#7f7f7f", "dot"))
        hop = found.hops[node_id]
        net.add_node(
            node_id,
            label=caption(node, regions),
            title=tooltip(node),
            color=colour,
            shape=shape,
            size=30 if node_id == centre else 16 if hop == 1 else 10,
            borderWidth=4 if node_id == centre else 1,
            hidden=0 < folded <= hop,
            font={"face": FONT, "size": 16 if node_id == centre else 13 if hop == 1 else 11},
        )
    labelled = len(found.edges) <= EDGE_LABELS
    for tail, head, kind, qualifier in found.edges:
        colour, width, dashes = EDGE_STYLES.get(qualifier, ("#bbbbbb", 1, False))
        name = f"{kind} {qualifier}" if qualifier else kind
        net.add_edge(
            tail, head, title=name, arrows="to", color=colour, width=width, dashes=dashes,
            **({"label": name} if labelled else {}),
        )  # fmt: skip
    net.set_options(
        '{"edges": {"font": {"size": 9, "color": "#555"}, "smooth": false},'
        ' "physics": {"solver": "forceAtlas2Based", "forceAtlas2Based": {"gravitationalConstant": -80,'
        ' "springLength": 110}, "stabilization": {"iterations": 250}},'
        ' "interaction": {"hover": true, "navigationButtons": false}}'
    )
    page = _REMOTE.sub("", net.generate_html())
    page = page.replace("<body>", "<body>" + legend_html(found), 1)
    page = page.replace("</body>", _panel(found) + "</body>", 1)
    if re.search(r'(?:src|href)\s*=\s*"https?://', page, re.I):
        raise RuntimeError("the network page still loads something from the internet")
    return page


def legend_html(found: Neighbourhood) -> str:
    """A one-line key of the labels drawn and of the edge styles."""
    labels = sorted({node["label"] for node in found.nodes.values()})
    keys = "".join(
        f'<span style="margin-right:14px"><span style="color:{STYLES.get(label, ("#7f7f7f",))[0]}">●</span> {label}</span>'
        for label in labels
    )
    lines = "━ 牵头 lead · ┅ 配合 support · ━ 对应 counterpart · ┅ 存疑 uncertain · 点击节点展开并查看属性 / click a node: expand, properties"
    return f'<div style="font:13px {FONT};padding:4px 2px">{keys}<br><span style="color:#555">{lines}</span></div>'


def _panel(found: Neighbourhood) -> str:
    """The property panel and the click handler: show a node's properties and source link, unfold its neighbours."""
    properties = {node_id: node for node_id, node in found.nodes.items()}
    data = json.dumps(properties, ensure_ascii=False, default=str).replace("</", "<\\/")
    return (
        f'<div id="panel" style="font:13px {FONT};padding:6px;border-top:1px solid #ddd;max-height:260px;'
        'overflow:auto"><i>点击一个节点 / click a node</i></div>'
        f"<script>const PROPERTIES = {data};\n{_CLICK}</script>"
    )


_CLICK = """
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}
network.on('click', function (event) {
  if (!event.nodes.length) return;
  const id = event.nodes[0];
  const shown = [];
  network.getConnectedNodes(id).forEach(function (other) {
    if (nodes.get(other).hidden) shown.push({id: other, hidden: false});
  });
  nodes.update(shown);
  const node = PROPERTIES[id] || {};
  const base = window.parent.location.origin + window.parent.location.pathname;
  const link = base + '?page=sources&id=' + encodeURIComponent(id);
  const rows = Object.keys(node).filter(k => node[k] !== null && node[k] !== '').map(
    k => '<tr><td style="color:#777;padding-right:8px;vertical-align:top">' + escapeHtml(k) + '</td><td>'
      + escapeHtml(typeof node[k] === 'object' ? JSON.stringify(node[k]) : node[k]) + '</td></tr>').join('');
  document.getElementById('panel').innerHTML = '<b>' + escapeHtml(node.label || '') + '</b> · '
    + (node.source_file ? '<a target="_blank" href="' + link + '">原文 source ↗</a> · ' : '')
    + '<a target="_blank" href="' + base + '?page=graph&node=' + encodeURIComponent(id) + '">以此为中心 centre ↗</a>'
    + (shown.length ? ' · 展开 ' + shown.length + ' unfolded' : '')
    + '<table>' + rows + '</table>';
});
"""
