"""The radar as drawing primitives (circles, lines, text, numbered blips), for a vector drawing outside Plotly.

Pure: blips and categories in, plain dataclasses out, no drawing library. The minutes PDF
(radar.minutes_pdf) draws these with fpdf2. Everything comes from the screen chart's own
geometry: the blips' x, y and diameter as radar.layout placed them (the same frame
radar.chart.own_radar_figure draws), ring radii and sector lines from radar.config and
radar.chart, sector labels placed by radar.chart.radar_frame, colours by radar.chart.

Coordinates are in data units as radar.layout gives them: the radar's outer edge has radius 1,
x grows to the right and y upwards; `x_range` and `y_range` are the box that holds the radar and
its labels, and `unit` is how many points (1/72 inch) one data unit is at the requested size.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from radar import chart
from radar.config import GEOMETRY, RINGS, Geometry
from radar.i18n import t
from radar.layout import ring_bounds
from radar.safe import WORD_JOINER

#: The ring and sector lines of the screen chart (rgba(40, 60, 90, 0.40) on white), opaque.
LINE_COLOR = "#a9b1bd"
RING_LABEL_COLOR = "#3a4a60"
#: A blip's number is this share of its diameter, and never wider than the blip.
NUMBER_SHARE = 0.58
#: Below this size (points) a number could not be read on paper: the blips are drawn without numbers.
MIN_NUMBER_PT = 3.5
#: Bold DejaVu Sans is wider than the screen fonts radar.chart estimates its labels for.
LABEL_WIDTH_FACTOR = 1.12


@dataclass(frozen=True)
class Circle:
    """A filled ring disc (radius in data units, centred on 0, 0), drawn outermost first."""

    radius: float
    fill: str
    stroke: str


@dataclass(frozen=True)
class Line:
    x0: float
    y0: float
    x1: float
    y1: float
    color: str


@dataclass(frozen=True)
class Label:
    """Text at (x, y): `xanchor` left/center/right, `yanchor` top/middle/bottom of its block of lines."""

    x: float
    y: float
    lines: tuple[str, ...]
    size: float
    color: str
    xanchor: str = "center"
    yanchor: str = "middle"
    bold: bool = True


@dataclass(frozen=True)
class Blip:
    """A numbered disc: centre and diameter in data units, its category's colour and the number's colour."""

    x: float
    y: float
    diameter: float
    fill: str
    number: str
    number_color: str
    number_size: float


@dataclass(frozen=True)
class RadarDrawing:
    """Everything a vector drawing of one radar needs, in drawing order."""

    x_range: tuple[float, float]
    y_range: tuple[float, float]
    unit: float
    rings: tuple[Circle, ...]
    lines: tuple[Line, ...]
    ring_labels: tuple[Label, ...]
    sector_labels: tuple[Label, ...]
    blips: tuple[Blip, ...]
    numbers_shown: bool


def _label_lines(text: str) -> tuple[str, ...]:
    """A sector label of radar.chart (escaped for Plotly, lines joined by <br>) as plain lines."""
    return tuple(html.unescape(line).replace(WORD_JOINER, "") for line in text.split("<br>"))


def radar_drawing(
    blips: pd.DataFrame,
    categories: pd.DataFrame,
    lang: str,
    width: float,
    height: float,
    label_size: float = 9.0,
    geometry: Geometry = GEOMETRY,
) -> RadarDrawing:
    """The radar of `blips` (placed by radar.layout: number, category, x, y, diameter) on `categories` (id, name,
    in sector order) for a box `width` x `height` points: ring discs, sector lines, ring names, sector labels
    in their category's colour and numbered blips. Numbers are left out when they would be under MIN_NUMBER_PT."""
    cat_ids = [str(c) for c in categories["id"]]
    names = [str(n) for n in categories["name"]]
    colors = chart.category_colors(cat_ids)
    diameter = float(blips["diameter"].iloc[0]) if len(blips) else geometry.blip_diameter
    frame = chart.radar_frame(names, geometry, round(label_size * LABEL_WIDTH_FACTOR), width, height, edge=diameter * 0.45)
    rings = tuple(
        Circle(ring_bounds(ring.index, geometry)[1], ring.fill, LINE_COLOR) for ring in sorted(RINGS, key=lambda r: -r.index)
    )
    lines = tuple(
        Line(0.0, 0.0, *chart.polar_to_xy(1.0, edge), LINE_COLOR) for edge in chart.sector_edges(len(cat_ids), geometry)
    )
    ring_labels = tuple(
        Label(0.0, y, (t("ring_" + ring.key, lang),), label_size * 0.9, RING_LABEL_COLOR)
        for ring, y in zip(RINGS, chart.ring_label_heights(geometry), strict=True)
    )
    sector_labels = tuple(
        Label(lab.x, lab.y, _label_lines(lab.text), label_size, colors[cat], lab.xanchor, lab.yanchor)
        for cat, lab in zip(cat_ids, frame.labels, strict=True)
    )
    widest = max((len(str(n)) for n in blips["number"]), default=1) if len(blips) else 1
    size_pt = diameter * frame.ppu
    # A number as large as its share of the blip, but no wider than the blip (bold digits are ~0.7 em wide).
    number_size = min(size_pt * NUMBER_SHARE, size_pt * 0.9 / (widest * 0.7))
    shown = number_size >= MIN_NUMBER_PT
    drawn = []
    for _, row in blips.sort_values("number").iterrows():
        fill = colors.get(str(row["category"]), chart.MATRIX_FALLBACK_COLOR)
        number = str(int(row["number"])) if shown else ""
        drawn.append(Blip(float(row["x"]), float(row["y"]), diameter, fill, number, chart.number_color(fill), number_size))
    return RadarDrawing(frame.x_range, frame.y_range, frame.ppu, rings, lines, ring_labels, sector_labels, tuple(drawn), shown)
