"""The start of "Lav jeres egen radar": the list of radars (local mode), the bin, a new radar, opening an export."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from radar import config, export, maturity, own, ui, ui_dialogue, workshop
from radar.db import maturity as mdb
from radar.db import own as db
from radar.db import workshop as wdb
from radar.errors import RadarError, ValidationError
from radar.formats import ReadResult
from radar.formats.jsonutil import load_json
from radar.i18n import DATE_INPUT_FORMATS
from radar.safe import plain
from radar.ui import lang, tr, tr_text
from radar.ui_own.state import (
    catalogue,
    categories,
    delete,
    domain_names,
    flash,
    message,
    national_scores,
    open_radar,
    own_db,
    restore,
    show_flash,
    technologies,
)


def manage_radars() -> None:
    """The start: a new radar and opening an export; in `local` mode also the saved radars
    (open, rename, duplicate, delete) and the bin. In `hosted` mode a radar is reached only by its links."""
    show_flash()
    if config.hosted():
        st.caption(tr("own_hosted_intro"))
    else:
        radars = db.list_radars(own_db())
        st.subheader(tr("own_list_heading"))
        if radars.empty:
            st.caption(tr("own_list_empty"))
        for _, row in radars.iterrows():
            _radar_row(row)
    left, right = st.columns(2, gap="large")
    with left:
        new_radar_form()
    with right:
        open_export_form()
    if not config.hosted():
        recycle_bin()


def recycle_bin() -> None:
    """Deleted radars with the day each is removed for good, and a restore button (`local` mode)."""
    binned = db.list_bin(own_db())
    if binned.empty:
        return
    with st.expander(f"{tr('own_bin_heading')} ({len(binned)})", icon=":material/delete:"):
        st.caption(tr("own_bin_intro", days=db.BIN_DAYS))
        for _, row in binned.iterrows():
            name_col, info_col, button_col = st.columns([4, 4, 1.6], vertical_alignment="center")
            name_col.markdown(f"**{plain(row['name'])}**  \n{plain(row['municipality'] or '')}")
            info_col.caption(
                tr(
                    "own_bin_row",
                    deleted=own.local_time(row["deleted_at"], lang()),
                    until=own.format_date(row["purge_on"], lang()),
                )
            )
            button_col.button(
                tr("own_bin_restore"), key=f"own-restore-{row['edit_token']}", on_click=restore, args=(row["edit_token"],),
                icon=":material/restore_from_trash:", width="stretch",
            )  # fmt: skip


def _radar_row(row: pd.Series) -> None:
    rid = row["edit_token"]
    with st.container(border=True):
        name_col, info_col, open_col, more_col = st.columns([4, 4, 1.3, 1.3], vertical_alignment="center")
        name_col.markdown(f"**{plain(row['name'])}**  \n{plain(row['municipality'] or '')}")
        info_col.caption(f"{tr('own_col_updated')}: {own.local_time(row['updated'], lang())} · {technologies(row['entries'])}")
        open_col.button(tr("own_open"), key=f"own-open-{rid}", on_click=open_radar, args=(rid,), type="primary", width="stretch")
        with more_col.popover("⋯", width="stretch"):
            st.text_input(tr("own_new_name_label"), value=row["name"], key=f"own-rename-{rid}")
            st.button(tr("own_rename"), key=f"own-rename-btn-{rid}", on_click=_rename, args=(rid, int(row["version"])))
            st.button(tr("own_duplicate"), key=f"own-dup-{rid}", on_click=_duplicate, args=(rid, str(row["name"])))
            st.button(
                tr("own_delete"), key=f"own-del-{rid}", on_click=st.session_state.__setitem__, args=("own_confirm_delete", rid)
            )
        if st.session_state.get("own_confirm_delete") == rid:
            st.warning(
                tr_text("own_delete_confirm", name=row["name"], technologies=technologies(row["entries"]), days=db.BIN_DAYS)
            )
            yes, no = st.columns([1, 4])
            yes.button(
                tr("own_delete_yes"),
                key=f"own-del-yes-{rid}",
                type="primary",
                on_click=delete,
                args=(rid, int(row["version"]), str(row["name"])),
            )
            no.button(tr("own_cancel"), key=f"own-del-no-{rid}", on_click=st.session_state.pop, args=("own_confirm_delete", None))


def _rename(link: str, version: int) -> None:
    name = st.session_state.get(f"own-rename-{link}", "")
    try:
        db.update_meta(own_db(), link, version, {"name": name})
        flash("success", tr_text("own_renamed", name=name.strip()))
    except RadarError as error:
        flash("error", message(error))


def _duplicate(link: str, name: str) -> None:
    copy = tr("own_copy_name", name=name)[: own.MAX_RADAR_NAME]
    try:
        copy_id = db.duplicate_radar(own_db(), link, copy)  # "Kopi af X (2)" when "Kopi af X" exists
        flash("success", tr_text("own_duplicated", name=db.load_radar(own_db(), copy_id)["name"]))
    except RadarError as error:
        flash("error", message(error))


def new_radar_form() -> None:
    """Name, municipality, optional domain, date, and where to start from; creates and opens the radar."""
    names = domain_names()
    starts = ["combined", "domain", "blank"]
    with st.form("own-new", border=True):
        st.subheader(tr("own_new_heading"))
        st.text_input(tr("own_field_radar_name"), key="own-new-name", max_chars=own.MAX_RADAR_NAME)
        st.text_input(tr("own_field_municipality"), key="own-new-municipality", max_chars=own.MAX_RADAR_NAME)
        st.selectbox(
            tr("own_field_domain"), ["", *names], key="own-new-domain", format_func=lambda d: names.get(d, tr("own_no_domain"))
        )
        st.date_input(tr("own_field_date"), value=date.today(), key="own-new-date", format=DATE_INPUT_FORMATS[lang()])
        st.radio(tr("own_new_start"), starts, key="own-new-start", format_func=lambda s: tr(f"own_start_{s}"))
        st.radio(
            tr("own_new_bring"), list(own.STARTER_CHOICES), key="own-new-bring", format_func=lambda s: tr(f"own_bring_{s}"),
            horizontal=True, help=tr("own_new_bring_help"),
        )  # fmt: skip
        cat = catalogue()
        tech_names = dict(zip(cat["id"], cat["name"], strict=True))
        st.multiselect(
            tr("own_new_pick"), list(tech_names), key="own-new-pick", format_func=tech_names.get,
            placeholder=tr("own_pick_placeholder"),
        )  # fmt: skip
        st.form_submit_button(tr("own_new_create"), type="primary", on_click=_create)


def _create() -> None:
    state = st.session_state
    domain, start = state.get("own-new-domain") or None, state.get("own-new-start")
    meta = {
        "name": state.get("own-new-name"),
        "municipality": state.get("own-new-municipality"),
        "domain": domain,
        "date": state.get("own-new-date"),
    }
    try:
        if start == "domain" and domain is None:
            raise ValidationError("own_error_domain_needed")
        bring, picked = state.get("own-new-bring") or "all", list(state.get("own-new-pick") or [])
        if start != "blank" and bring == "pick" and not picked:
            raise ValidationError("own_error_pick_needed")
        scores = national_scores(domain if start == "domain" else None)
        entries = [] if start == "blank" else own.starter_entries(scores, catalogue(), bring, picked)
        link = db.create_radar(own_db(), meta, entries)
    except RadarError as error:
        flash("error", message(error))
        return
    for key in ("own-new-name", "own-new-municipality"):
        state[key] = ""
    flash("success", tr_text("own_created", name=str(meta["name"]).strip(), technologies=technologies(len(entries))))
    if config.hosted():
        flash("success", tr("own_keep_link"))
    open_radar(link)


def open_export_form() -> None:
    """Upload our own JSON/XLSX (or CSV) export and create a new radar from it."""
    with st.container(border=True):
        st.subheader(tr("own_open_file_heading"))
        st.caption(tr("own_open_file_help"))
        upload = st.file_uploader(
            tr("own_open_file_heading"), type=["json", "xlsx", "csv"], key="own-upload", label_visibility="collapsed"
        )
        if st.button(tr("own_open_file_button"), disabled=upload is None, key="own-upload-go") and upload is not None:
            try:
                link, made, result = create_from_export(upload.getvalue(), upload.name)
            except RadarError as error:
                st.error(message(error))
                return
            name = db.load_radar(own_db(), link)["name"]
            text = tr_text("own_opened", name=name, technologies=technologies(len(made.entries)))
            wanted = str(made.meta["name"])
            if own.name_key(wanted) != own.name_key(name):
                text += " " + tr_text("own_name_made_free", wanted=wanted, name=name)
            flash("success", text)
            changed, rejected = result.count("accepted_with_change"), result.count("rejected")
            if rejected:
                flash("error", tr("own_opened_report", changed=changed, rejected=rejected))
            open_radar(link)
            st.rerun()


def create_from_export(data: bytes, filename: str) -> tuple[str, own.FileRadar, ReadResult]:
    """A new radar from our own export file: (id, the radar made of it, what was read).

    The file's radar name is kept when it is free, else the radar gets "name (2)", "name (3)", ...
    """
    ours = pd.concat([ui.categories("da"), ui.categories("en")], ignore_index=True)
    result = export.read_own_export(data, filename, categories()["id"].tolist())
    made = own.radar_from_file(result, filename, catalogue(), ours, domain_names(), lang())
    rounds = _exported_rounds(data)
    agenda = _exported_part(data, "dialogue")
    link = db.create_radar(own_db(), made.meta, made.entries, free_name=True)
    if rounds is not None:
        # The workshop rounds of a JSON export come back with the radar, closed, with new join codes.
        try:
            wdb.restore_rounds(own_db(), link, workshop.rounds_from_export(rounds, db.load_entries(own_db(), link)))
        except RadarError as error:
            flash("error", message(error))  # the radar is kept; only its rounds could not be read
    assessments = _exported_part(data, "maturity")
    if assessments is not None:
        # Its maturity assessments come back too; a file from before them has no "maturity" key.
        try:
            mdb.restore_for_radar(own_db(), link, maturity.list_from_data(assessments))
        except RadarError as error:
            flash("error", message(error))  # the radar is kept; only its assessments could not be read
    if agenda is not None:
        ui_dialogue.restore_from_file(link, agenda)
    return link, made, result


def _exported_rounds(data: bytes) -> object:
    """The workshop rounds of our JSON export (None in other files; checked by radar.workshop on reading)."""
    return _exported_part(data, "workshop_rounds")


def _exported_part(data: bytes, key: str) -> object:
    """One key of our JSON export (None in other files, or when it has none; checked when it is read)."""
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return None
    document = load_json(data)
    return document.get(key) if isinstance(document, dict) else None
