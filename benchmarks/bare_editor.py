"""The floor for the entries table (`make bench`): a bare Streamlit page with one st.data_editor of
25 rows and one Plotly chart drawn from what the editor returns. Nothing of ours."""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

st.set_page_config(layout="wide")
frame = pd.DataFrame({"name": [f"Teknologi {i + 1}" for i in range(25)], "value": [3] * 25})
edited = st.data_editor(frame, key="editor", num_rows="fixed", hide_index=True, disabled=["name"])
values = edited["value"].tolist()
st.plotly_chart(go.Figure(go.Scatter(x=list(range(25)), y=values, mode="markers+text", text=[str(v) for v in values])))
