"""Om radaren: the method, scales, cut-offs and data behind every number."""

import streamlit as st

from radar import config, edition, explain, ui, ui_maturity
from radar.i18n import number

ui.page_header("about_title")
st.write(ui.tr("about_intro"))
ui.sample_notice()
st.header(ui.tr("about_rings_heading"))
for ring in config.RINGS:
    st.markdown(f"**{ui.tr('ring_' + ring.key)}** — {ui.tr(ring.help_key)}")
st.header(ui.tr("about_method_heading"))
st.markdown(ui.tr("about_method", low_n=config.LOW_N))
st.markdown(ui.tr("about_timeline"))
st.subheader(ui.tr("about_example_heading"))
st.markdown(
    ui.tr("about_example", maturity=explain.EXAMPLE_MATURITY, adoption=explain.index_text(explain.EXAMPLE_ADOPTION, ui.lang()))
)
st.markdown("> " + explain.example_reason(ui.lang()))
st.caption(ui.tr("about_digits"))
st.subheader(ui.tr("about_counts_heading"))
st.markdown(ui.tr("about_counts"))
st.markdown(ui.tr("about_value_count"))
st.markdown(ui.tr("about_value_filter", **ui.value_filter_bar()))
st.subheader(ui.tr("about_cutoffs_heading"))
for ring, (low, high) in zip(config.RINGS, config.ring_score_bands(), strict=True):
    row_key = "about_cutoff_row_top" if ring.index == 0 else "about_cutoff_row"
    bounds = {"low": explain.bound_text(low, ui.lang()), "high": explain.bound_text(high, ui.lang())}
    st.markdown(f"- **{ui.tr('ring_' + ring.key)}**: {ui.tr(row_key, **bounds)}")
st.caption(ui.tr("about_cutoffs_note"))
left, right = st.columns(2)
with left:
    st.subheader(ui.tr("about_maturity_heading"))
    st.markdown("\n".join(f"- {ui.tr(f'maturity_{m}')}" for m in config.MATURITY_LEVELS))
with right:
    st.subheader(ui.tr("about_stages_heading"))
    stages = [*(f"stage_{s}" for s in config.ADOPTION_STAGES), "stage_dont_know"]
    st.markdown("\n".join(f"- {ui.tr(k)}" for k in stages))
st.subheader(ui.tr("about_workshop_heading"))
st.markdown(ui.tr("about_workshop", margin=number(config.DISAGREEMENT_MARGIN, ui.lang(), digits=0, percent=True)))
ui_maturity.about_section()
st.subheader(ui.tr("about_data_heading"))
for _, row in ui.editions().iterrows():
    st.markdown(
        "- "
        + ui.tr(
            "about_data_row",
            year=row["year"],
            respondents=explain.count_text(row["respondents"], ui.lang()),
            municipalities=explain.count_text(row["municipalities"], ui.lang()),
        )
    )
st.subheader(ui.tr("about_sample_heading"))
st.write(ui.tr("about_sample"))
st.subheader(ui.tr("edition_templates_heading"))
st.markdown(ui.tr("edition_templates_help"))
left, right = st.columns(2)
for column, key, data, name in (
    (left, "edition_template_answers", edition.template_answers_csv(), "svar-skabelon.csv"),
    (right, "edition_template_maturity", edition.template_maturity_csv(), "modenhed-skabelon.csv"),
):
    column.download_button(ui.tr(key), data, file_name=name, mime="text/csv", icon=":material/download:", on_click="ignore")
