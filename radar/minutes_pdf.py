"""The minutes (radar.minutes.Minutes) as an A4 PDF, drawn with fpdf2 on the server, offline.

The font is DejaVu Sans, shipped in radar/assets/fonts/ with its licence (Bitstream Vera licence,
DejaVu changes public domain), so æøå, ✓ and the ring names render on any server and no system
font is read at run time. The radar is a vector drawing of radar.drawing's primitives (the
screen chart's own blip positions). Every text goes through radar.safe.pdf_text: control and
direction characters dropped, over-long text cut, characters the font lacks shown as U+FFFD. Minutes with
right-to-left or joining scripts are shaped by HarfBuzz (uharfbuzz), so they read in their order and Arabic
letters join.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF, FontFace

from radar import drawing
from radar.minutes import Minutes, Part, Section, Table
from radar.safe import pdf_text

FONT_DIR = Path(__file__).resolve().parent / "assets" / "fonts"
FONT_FILES = {"": FONT_DIR / "DejaVuSans.ttf", "B": FONT_DIR / "DejaVuSans-Bold.ttf"}
FAMILY = "DejaVu"
MARGIN = 15.0
PT = 25.4 / 72  # millimetres per point
TEXT_COLOR = (27, 42, 65)
MUTED = (74, 90, 112)
HEAD_FILL = (238, 243, 248)
NOTICE_FILL = (255, 243, 205)
#: A disputed technology's row, in the projector's colour for "uenighed" (radar.workshop.spread_figure).
DISPUTED = (178, 24, 43)
#: Longest text kept in one table cell and in one line (a row must fit on a page; a line may run over pages).
CELL_LIMIT = 600
LINE_LIMIT = 4000
TITLE_LIMIT = 200
#: Height of the radar drawing on the first page (mm); its width is the page's text width.
DRAWING_HEIGHT = 140.0
#: A section title and a part's heading need at least this much room below them (mm), else they start the next
#: page: a section title's room holds its first part's heading and a few rows, so the title is never left alone.
KEEP_WITH_NEXT = 42.0
KEEP_PART = 24.0
ROW_FILL = (247, 249, 252)


@functools.cache
def font_glyphs() -> frozenset[int]:
    """The code points both shipped fonts (regular and bold) can draw."""
    maps = [set(TTFont(str(path), lazy=True).getBestCmap()) for path in FONT_FILES.values()]
    return frozenset(set.intersection(*maps))


def _hex(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


class _Pdf(FPDF):
    def __init__(self, minutes: Minutes) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.minutes = minutes
        for style, path in FONT_FILES.items():
            self.add_font(FAMILY, style, str(path))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + 6)
        self.set_title(clean(f"{minutes.title}: {minutes.radar_name}", TITLE_LIMIT))
        self.set_creator("Teknologiradar")
        self.set_lang(minutes.lang)
        self.alias_nb_pages()
        # Shaping costs about twice the time of a plain layout: only for text that needs it.
        self.set_text_shaping(needs_shaping(minutes))

    def footer(self) -> None:
        self.set_y(-MARGIN)
        self.set_font(FAMILY, "", 7.5)
        self.set_text_color(*MUTED)
        left = " · ".join(p for p in (self.minutes.radar_name, self.minutes.footer) if p)
        width = self.epw - 30
        self.cell(width, 4, clean(left, 160), align="L")
        self.cell(30, 4, clean(f"{self.minutes.page_word} {self.page_no()}/{{nb}}"), align="R")


#: Scripts that only read right when shaped: Hebrew to N'Ko and Indic (U+0590-U+0DFF), Arabic presentation forms.
_COMPLEX = re.compile("[\u0590-\u0dff\ufb1d-\ufdff\ufe70-\ufeff]")


def _texts(minutes: Minutes) -> Iterator[str]:
    yield from (minutes.title, minutes.radar_name, minutes.footer, *minutes.facts)
    yield from (str(n) for n in minutes.categories["name"])
    for section in (*minutes.sections, *minutes.extra):
        yield section.title
        for part in section.parts:
            yield from (part.heading, *part.lines)
            if part.table is not None:
                yield from part.table.header
                yield from (cell for row in part.table.rows for cell in row)


def needs_shaping(minutes: Minutes) -> bool:
    """True when some text of the minutes is in a script that reads right to left or joins its letters."""
    return any(_COMPLEX.search(text) for text in _texts(minutes))


def clean(text: object, limit: int | None = LINE_LIMIT) -> str:
    """Text for the PDF: radar.safe.pdf_text with the shipped fonts' glyphs."""
    return pdf_text(text, limit=limit, glyphs=font_glyphs())


def minutes_pdf(minutes: Minutes) -> bytes:
    """The minutes as PDF bytes: heading, the radar drawn as vectors, then every section in order."""
    pdf = _Pdf(minutes)
    pdf.add_page()
    _heading(pdf, minutes)
    for section in minutes.sections:
        if section.key == "radar":
            _section_title(pdf, section.title)
            _radar(pdf, minutes)
        else:
            _section(pdf, section)
    for section in minutes.extra:
        _section(pdf, section)
    return bytes(pdf.output())


def _heading(pdf: _Pdf, m: Minutes) -> None:
    pdf.set_text_color(*TEXT_COLOR)
    pdf.set_font(FAMILY, "B", 20)
    pdf.multi_cell(0, 9, clean(f"{m.title}: {m.radar_name}", TITLE_LIMIT), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 10)
    pdf.set_text_color(*MUTED)
    for fact in m.facts:
        pdf.multi_cell(0, 5, clean(fact, TITLE_LIMIT), align="L", new_x="LMARGIN", new_y="NEXT")
    if m.notice:
        pdf.ln(2)
        pdf.set_fill_color(*NOTICE_FILL)
        pdf.set_text_color(*TEXT_COLOR)
        pdf.set_font(FAMILY, "B", 9.5)
        pdf.multi_cell(0, 5, clean(m.notice), align="L", fill=True, padding=2, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def _section_title(pdf: _Pdf, title: str) -> None:
    if pdf.get_y() > pdf.h - pdf.b_margin - KEEP_WITH_NEXT:
        pdf.add_page()
    pdf.ln(3)
    pdf.set_text_color(*TEXT_COLOR)
    pdf.set_font(FAMILY, "B", 14)
    pdf.multi_cell(0, 7, clean(title, TITLE_LIMIT), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(*_hex(drawing.LINE_COLOR))
    pdf.set_line_width(0.3)
    pdf.line(pdf.l_margin, pdf.get_y() + 0.5, pdf.w - pdf.r_margin, pdf.get_y() + 0.5)
    pdf.ln(2.5)


def _section(pdf: _Pdf, section: Section) -> None:
    _section_title(pdf, section.title)
    for part in section.parts:
        _part(pdf, part)


def _part(pdf: _Pdf, part: Part) -> None:
    pdf.set_text_color(*TEXT_COLOR)
    if part.heading:
        # A heading over lines only (a workshop round's facts) is kept with the table part after it.
        room = KEEP_PART if part.table is not None else KEEP_WITH_NEXT
        if pdf.get_y() > pdf.h - pdf.b_margin - room:
            pdf.add_page()
        pdf.ln(1.5)
        pdf.set_font(FAMILY, "B", 10.5)
        pdf.multi_cell(0, 5.5, clean(part.heading, TITLE_LIMIT), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 9)
    for line in part.lines:
        pdf.multi_cell(0, 4.6, clean(line), align="L", new_x="LMARGIN", new_y="NEXT")
    if part.table is not None:
        pdf.ln(1)
        _table(pdf, part.table)
    pdf.ln(2)


def _table(pdf: _Pdf, table: Table) -> None:
    pdf.set_font(FAMILY, "", 8.5)
    pdf.set_draw_color(*_hex(drawing.LINE_COLOR))
    pdf.set_line_width(0.2)
    widths = table.widths if table.widths and len(table.widths) == len(table.header) else None
    pdf.set_fill_color(255, 255, 255)
    with pdf.table(
        cell_fill_color=ROW_FILL,
        cell_fill_mode="ROWS",
        col_widths=widths,
        width=pdf.epw,
        text_align="LEFT",
        v_align="TOP",
        line_height=4.2,
        padding=(1.0, 1.2),
        borders_layout="HORIZONTAL_LINES",
        headings_style=FontFace(emphasis="BOLD", fill_color=HEAD_FILL, color=TEXT_COLOR),
        repeat_headings=1,
    ) as grid:
        grid.row([clean(h, TITLE_LIMIT) for h in table.header])
        stressed = FontFace(emphasis="BOLD", color=DISPUTED)
        for index, row in enumerate(table.rows):
            grid.row([clean(c, CELL_LIMIT) for c in row], style=stressed if index in table.marked else None)


def _radar(pdf: _Pdf, m: Minutes) -> None:
    """The radar as vectors, as wide as the text and DRAWING_HEIGHT high, on this page if it fits, else the next."""
    height = DRAWING_HEIGHT
    if pdf.get_y() + height > pdf.h - pdf.b_margin:
        pdf.add_page()
    left, top, width = pdf.l_margin, pdf.get_y(), pdf.epw
    art = drawing.radar_drawing(m.blips, m.categories, m.lang, width / PT, height / PT, label_size=9.0)
    scale = art.unit * PT  # mm per data unit
    span_w = (art.x_range[1] - art.x_range[0]) * scale
    span_h = (art.y_range[1] - art.y_range[0]) * scale
    ox = left + (width - span_w) / 2 - art.x_range[0] * scale
    oy = top + (height - span_h) / 2 + art.y_range[1] * scale

    def at(x: float, y: float) -> tuple[float, float]:
        return ox + x * scale, oy - y * scale

    pdf.set_line_width(0.3)
    for ring in art.rings:
        pdf.set_fill_color(*_hex(ring.fill))
        pdf.set_draw_color(*_hex(ring.stroke))
        pdf.circle(*at(0, 0), ring.radius * scale, style="FD")
    for line in art.lines:
        pdf.set_draw_color(*_hex(line.color))
        pdf.line(*at(line.x0, line.y0), *at(line.x1, line.y1))
    for label in (*art.ring_labels, *art.sector_labels):
        _label(pdf, label, *at(label.x, label.y))
    pdf.set_draw_color(255, 255, 255)
    pdf.set_line_width(0.25)
    for blip in art.blips:
        cx, cy = at(blip.x, blip.y)
        pdf.set_fill_color(*_hex(blip.fill))
        pdf.circle(cx, cy, blip.diameter * scale / 2 - 0.15, style="FD")
        if blip.number:
            pdf.set_font(FAMILY, "B", blip.number_size)
            pdf.set_text_color(*_hex(blip.number_color))
            text = clean(blip.number)
            pdf.text(cx - pdf.get_string_width(text) / 2, cy + blip.number_size * PT * 0.36, text)
    pdf.set_y(top + height + 1)
    pdf.set_font(FAMILY, "", 8.5)
    pdf.set_text_color(*MUTED)
    note = m.drawing_note if art.numbers_shown or not art.blips else m.numbers_missing_note
    pdf.multi_cell(0, 4.2, clean(note), align="L", new_x="LMARGIN", new_y="NEXT")


def _label(pdf: _Pdf, label: drawing.Label, x: float, y: float) -> None:
    pdf.set_font(FAMILY, "B" if label.bold else "", label.size)
    pdf.set_text_color(*_hex(label.color))
    line_h = label.size * PT * 1.2
    block = line_h * len(label.lines)
    top = {"top": y, "bottom": y - block}.get(label.yanchor, y - block / 2)
    for i, raw in enumerate(label.lines):
        text = clean(raw, TITLE_LIMIT)
        w = pdf.get_string_width(text)
        left = {"left": x, "right": x - w}.get(label.xanchor, x - w / 2)
        pdf.text(left, top + i * line_h + label.size * PT * 0.95, text)
