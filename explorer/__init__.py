"""The Streamlit explorer's parts: one module per page, shared data access and labels."""
