"""Shareable state: what a page shows lives in the URL query parameters, so a view can be sent on.

A bound widget takes its first value from ``?key=…`` and writes its value back
after each run; parameters no widget of the current page wrote are dropped, so
the URL always describes the view on screen. Keys (each also the parameter name):
``page``, ``year``, ``indicator``, ``level``, ``topic``, ``department``, ``node``,
``hops``, ``example``, ``id``, ``plans``, ``plan``, ``other``, ``task``, ``city``, ``cypher``. The URL holds ids
and names, never display labels; a value the build does not have is said to be unknown, not silently replaced.
"""

from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlencode

import streamlit as st

_WRITTEN = "_url_keys"


def begin() -> None:
    """Start a run: no parameter written yet."""
    st.session_state[_WRITTEN] = set()


def bound(widget: Callable, label: str, options: Sequence, key: str, default: Any, **kwargs) -> Any:
    """Draw ``widget(label, options, key=key, **kwargs)`` seeded from ``?key=`` (else ``default``); URL follows it."""
    if key not in st.session_state or (st.session_state[key] is not None and st.session_state[key] not in options):
        wanted = st.query_params.get(key)
        fallback = default if default in options or default is None else options[0]
        st.session_state[key] = next((option for option in options if str(option) == wanted), fallback)
        if wanted is not None and str(st.session_state[key]) != wanted:
            unknown(key, [wanted], st.session_state[key])
    return publish(key, widget(label, options, key=key, **kwargs))


def bound_many(widget: Callable, label: str, options: Sequence, key: str, default: Sequence, **kwargs) -> list:
    """A multi-choice widget seeded from ``?key=a,b`` (else ``default``); unknown values, and any beyond
    ``max_selections``, are said and left out."""
    if key not in st.session_state:
        wanted = [item for item in st.query_params.get(key, "").split(",") if item]
        known = [option for option in options if str(option) in wanted]
        if wanted and len(known) < len(wanted):
            unknown(key, [item for item in wanted if item not in map(str, options)], None)
        chosen = known if wanted else [option for option in default if option in options]
        limit = kwargs.get("max_selections") or len(chosen)
        if len(chosen) > limit:
            st.warning(
                f"链接中的 {key} 太多，只取前 {limit} 个 / Too many {key} in the link: the first {limit} are shown"
            )
        st.session_state[key] = chosen[:limit]
    chosen = widget(label, options, key=key, **kwargs)
    publish(key, ",".join(map(str, chosen)) or None)
    return chosen


def unknown(key: str, values: list[str], instead: Any) -> None:
    """Say that the URL asked for values of ``key`` the build does not have, and what is shown instead."""
    shown = f"；显示 {instead} / showing {instead}" if instead is not None else ""
    st.warning(f"链接中的 {key} 未找到 / Unknown {key} in the link: {'、'.join(values)}{shown}")


def bound_text(widget: Callable, label: str, key: str, default: str, **kwargs) -> str:
    """A text widget seeded from ``?key=`` (else ``default``); the URL follows what is typed."""
    if key not in st.session_state:
        st.session_state[key] = st.query_params.get(key, default)
    return publish(key, widget(label, key=key, **kwargs))


def publish(key: str, value: Any) -> Any:
    """Write ``value`` as ``?key=`` (None removes it) and return it."""
    st.session_state.setdefault(_WRITTEN, set()).add(key)
    if value is None:
        st.query_params.pop(key, None)
    elif st.query_params.get(key) != str(value):
        st.query_params[key] = str(value)
    return value


def end() -> None:
    """Drop the parameters this run did not write (another page's)."""
    written = st.session_state.get(_WRITTEN, set())
    for key in [key for key in st.query_params if key not in written]:
        del st.query_params[key]


def go(page: str, **values: Any) -> None:
    """Callback: switch to ``page`` showing ``values`` (widget keys → values)."""
    st.session_state["page"] = page
    for key, value in values.items():
        st.session_state[key] = value


def link(page: str, **params: Any) -> str:
    """A relative URL opening ``page`` with ``params``, for link columns and Markdown links."""
    return "?" + urlencode({"page": page, **params})
