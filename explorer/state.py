"""Shareable state: the selected page and item live in the URL query parameters."""

import streamlit as st


def get(name: str, default: str | None = None) -> str | None:
    """A query parameter of the current URL."""
    return st.query_params.get(name, default)


def put(**values: str | None) -> None:
    """Set query parameters (None removes one), so the URL reproduces the view."""
    for name, value in values.items():
        if value is None:
            st.query_params.pop(name, None)
        elif st.query_params.get(name) != value:
            st.query_params[name] = value
