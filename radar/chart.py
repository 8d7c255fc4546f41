"""Pure Plotly figure builders: radar, heatmap, stage bars. No Streamlit, no I/O.

Geometry (where a blip sits) comes from radar.layout; this module only draws, on
Cartesian axes with equal scale, sector 0 starting at twelve o'clock and going clockwise.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

import pandas as pd
import plotly.graph_objects as go

from radar import explain, value
from radar.config import CATEGORY_COLORS, GEOMETRY, NUMBER_COLORS, RINGS, Geometry
from radar.i18n import number, t
from radar.layout import place_blips, ring_bounds, sector_bounds
from radar.pipeline import normalised_maturity
from radar.safe import plain

#: Movement is a small glyph pinned to the blip's edge (upper right when free), so the number stays readable.
MOVEMENT_SYMBOLS: dict[str, str] = {"new": "star", "moved_in": "triangle-up", "moved_out": "triangle-down"}
MOVEMENT_COLOR = "#1b2a41"
#: Streamlit serves "Source Sans" to the page, so the chart is set in the app's face; exports fall back to Helvetica/Arial.
FONT = "Source Sans, Source Sans Pro, Helvetica, Arial, sans-serif"
CHART_DRAGMODE = "pan"


def category_colors(categories: list[str]) -> dict[str, str]:
    """A colour-blind-safe colour per category, stable by category order."""
    return {c: CATEGORY_COLORS[i % len(CATEGORY_COLORS)] for i, c in enumerate(categories)}


def relative_luminance(color: str) -> float:
    """WCAG 2 relative luminance (0 black .. 1 white) of a #rrggbb colour."""
    value = color.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio (1..21) of two #rrggbb colours."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def number_color(fill: str) -> str:
    """The colour of a number drawn on `fill`: whichever of config.NUMBER_COLORS contrasts more."""
    return max(NUMBER_COLORS, key=lambda candidate: contrast_ratio(candidate, fill))


def _pct(value: float, lang: str = "en") -> str:
    return explain.share_text(value, lang)


def _num(value: float, digits: int = 2, lang: str = "en") -> str:
    return number(None if value is None or pd.isna(value) else float(value), lang, digits)


def hover_text(row: pd.Series, lang: str) -> str:
    """The hover card of one blip: name, its ring and why, and the numbers behind it with their counts."""
    move = row.get("movement")
    movement = t(f"movement_{move}", lang) if isinstance(move, str) else t("movement_none", lang)
    level = row.get("maturity")
    maturity = "–" if pd.isna(level) else t(f"maturity_{int(level)}", lang)
    if not pd.isna(level):
        maturity = t("hover_maturity_norm", lang, label=maturity, value=_num(normalised_maturity(float(level)), lang=lang))
    low = f" ⚠ {t('low_n_flag', lang)}" if row.get("low_n") else ""
    reason = explain.score_reason(row.get("maturity"), row.get("adoption"), row.get("score"), row.get("ring"), lang)
    ring = t("why_ring", lang, ring=f"<b>{t('ring_' + row['ring'], lang)}</b>", reason=reason)
    adoption = t(
        "hover_value_of",
        lang,
        value=explain.index_text(row.get("adoption"), lang),
        count=t("count_stage", lang, n=explain.count_text(row.get("n"), lang)),
    )
    relevance = t(
        "hover_value_of",
        lang,
        value=_pct(row.get("relevance"), lang),
        count=t("count_relevance", lang, n=explain.count_text(row.get("n_relevance"), lang)),
    )
    # The value mix (radar.value) where the radar carries it: the national radar, not an own radar.
    mix = f"<br>{t('hover_value', lang)}: {value.mix_text(row, lang, '<br>')}" if value.COUNT_COLUMN in row else ""
    return (
        f"<b>{row['number']}. {plain(row['name'])}</b><br>"
        f"{t('col_ring', lang)}: {ring}<br>"
        f"{t('hover_maturity', lang)}: {maturity}<br>"
        f"{t('hover_adoption', lang)}: {adoption}{low}<br>"
        f"{t('hover_relevance', lang)}: {relevance}<br>"
        f"{t('hover_movement', lang)}: {movement}{mix}"
    )


def polar_to_xy(r: float, theta_deg: float) -> tuple[float, float]:
    """Screen x, y of a polar position (theta clockwise from twelve o'clock), as radar.layout uses."""
    return r * math.sin(math.radians(theta_deg)), r * math.cos(math.radians(theta_deg))


def _ring_shapes(geometry: Geometry) -> list[dict]:
    # Drawn outermost first so each inner band covers the middle of the one outside it.
    shapes: list[dict] = []
    for ring in reversed(RINGS):
        _, outer = ring_bounds(ring.index, geometry)
        shapes.append(
            {
                "type": "circle",
                "xref": "x",
                "yref": "y",
                "x0": -outer,
                "y0": -outer,
                "x1": outer,
                "y1": outer,
                "fillcolor": ring.fill,
                "line": {"color": "rgba(40, 60, 90, 0.40)", "width": 1.2},
                "layer": "below",
            }
        )
    return shapes


def sector_edges(n_categories: int, geometry: Geometry = GEOMETRY) -> list[float]:
    """Angles (degrees, clockwise from twelve o'clock) of the radar's sector lines, each once."""
    edges = {round(edge, 9) for k in range(n_categories) for edge in sector_bounds(k, n_categories, geometry.label_gutter_deg)}
    return sorted(edges)


def _sector_shapes(n_categories: int, geometry: Geometry) -> list[dict]:
    shapes = []
    for edge in sector_edges(n_categories, geometry):
        x, y = polar_to_xy(1.0, edge)
        shapes.append(
            {
                "type": "line",
                "xref": "x",
                "yref": "y",
                "x0": 0,
                "y0": 0,
                "x1": x,
                "y1": y,
                "line": {"color": "rgba(40, 60, 90, 0.40)", "width": 1.2},
                "layer": "below",
            }
        )
    return shapes


def ring_label_heights(geometry: Geometry = GEOMETRY) -> list[float]:
    """Where each ring's name sits on the free wedge at twelve o'clock (y in data units, x = 0), innermost first."""
    ys = []
    for ring in RINGS:
        inner, outer = ring_bounds(ring.index, geometry)
        ys.append(inner + (outer - inner) * (0.72 if ring.index == 0 else 0.5))
    return ys


def _ring_labels(geometry: Geometry, lang: str, font_size: int) -> go.Scatter:
    """Ring names in the free wedge at twelve o'clock, as a text trace drawn before the blips,
    so a blip near the centre always stays on top of a label and is never hidden by it."""
    ys = ring_label_heights(geometry)
    return go.Scatter(
        x=[0] * len(RINGS),
        y=ys,
        mode="text",
        text=[f"<b>{t('ring_' + ring.key, lang)}</b>" for ring in RINGS],
        textfont={"size": font_size, "color": "rgba(20, 40, 70, 0.80)", "family": FONT},
        hoverinfo="skip",
        showlegend=False,
        cliponaxis=False,
    )


RING_LABEL_HALO = "0 0 3px #ffffff, 0 0 3px #ffffff, 0 0 2px #ffffff"

#: Sector labels sit just outside the radar, at this radius, on their sector's middle line
#: or a little to either side of it (shares of the half sector) when that saves room.
LABEL_RADIUS = 1.04
LABEL_SHIFTS: tuple[float, ...] = (0.0, -0.25, 0.25, -0.45, 0.45)
#: Line widths (characters) a sector label may be broken to; 14 is the preferred one.
LABEL_WRAPS: tuple[int, ...] = (14, 12, 16, 18, 20, 22, 10, 26)
# Upper estimates of bold text in the chart's fonts (Source Sans, Helvetica, Liberation Sans, Arial):
# a character's width and a line's height as a share of the font size, so a label never spills.
_CHAR_EM, _LINE_EM = 0.55, 1.3
#: Width of a bold digit as a share of the font size (Source Sans draws them 0.5 em wide; a little
#: more for the fallbacks), for "does the number fit its blip".
_DIGIT_EM = 0.52
#: White outline of a blip (pixels); the drawn disc, outline included, keeps inside the layout's diameter.
MARKER_LINE = 1.0
#: A blip's number is this share of its marker, never below geometry.number_min_px.
NUMBER_SHARE = 0.6


@dataclass(frozen=True)
class _Label:
    """One way to write a sector label: its anchor (data units), anchors and box (pixels)."""

    x: float
    y: float
    xanchor: str
    yanchor: str
    width: float
    height: float
    text: str

    def extent(self, ppu: float) -> tuple[float, float, float, float]:
        """Left, right, bottom, top of the label's box in data units at `ppu` pixels per unit."""
        w, h = self.width / ppu, self.height / ppu
        left = {"left": self.x, "right": self.x - w}.get(self.xanchor, self.x - w / 2)
        bottom = {"bottom": self.y, "top": self.y - h}.get(self.yanchor, self.y - h / 2)
        return left, left + w, bottom, bottom + h


def _label_options(name: str, start: float, end: float, font_px: int) -> list[_Label]:
    """Ways to write one sector label, the preferred (middle line, 14 characters a line) first."""
    middle, half = (start + end) / 2, (end - start) / 2
    breaks: list[list[str]] = []
    for width in LABEL_WRAPS:
        lines = _wrap_lines(name, width)
        if lines not in breaks:
            breaks.append(lines)
    options = []
    for shift in LABEL_SHIFTS:
        x, y = polar_to_xy(LABEL_RADIUS, middle + shift * half)
        xanchor = "left" if x > 0.15 else "right" if x < -0.15 else "center"
        yanchor = "bottom" if y > 0.15 else "top" if y < -0.15 else "middle"
        for lines in breaks:
            width = max(len(line) for line in lines) * _CHAR_EM * font_px
            text = "<br>".join(plain(line) for line in lines)
            options.append(_Label(x, y, xanchor, yanchor, width, len(lines) * _LINE_EM * font_px, text))
    return options


@dataclass(frozen=True)
class Frame:
    """Where the radar sits in its figure: pixels per data unit, the axis ranges and the sector labels."""

    ppu: float
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    labels: tuple[_Label, ...]


#: A narrow chart does not shrink its radar below this share of the size the circle alone
#: allows: the sector labels that do not fit then reach past the chart's sides instead.
LABEL_SPILL_FLOOR = 0.6


def radar_frame(names: list[str], geometry: Geometry, font_px: int, plot_width: float, plot_height: float, edge: float) -> Frame:
    """The largest radar (pixels per unit) whose circle and sector labels fit a plot of this size.

    `names` are the sector names in sector order; `edge` (data units) is kept free around the
    circle for blips, glyphs and outlines. At a trial scale each label takes, among its options
    (shifted along its sector, broken onto more or fewer lines) that fit the width, the one
    that reaches least above or below the circle; the scale is found by bisection, because a
    label's box is in pixels and the radar is in data units. At the scale found, each label
    takes its most preferred option that fits the frame. The scale reported is the one Plotly
    draws at with these ranges, so markers sized from it never touch.
    """
    n = len(names)
    options = [_label_options(name, *sector_bounds(k, n, geometry.label_gutter_deg), font_px) for k, name in enumerate(names)]
    reach = 1.0 + edge

    def needs(ppu: float, spill: bool = False) -> tuple[float, float] | None:
        """Bottom and top (data units) the circle and the labels need at `ppu`; None if a label is too wide.

        With `spill`, a label too wide for the plot takes the form that reaches least past its side.
        """
        half_width = plot_width / (2 * ppu)
        bottom, top = reach, reach
        for choices in options:
            boxes = [o.extent(ppu) for o in choices]
            pool = [e for e in boxes if max(-e[0], e[1]) <= half_width]
            if not pool:
                if not spill:
                    return None
                pool = [min(boxes, key=lambda e: max(-e[0], e[1]))]
            _, _, low, high = min(pool, key=lambda e: max(e[3] - reach, 0) + max(-e[2] - reach, 0))
            bottom, top = max(bottom, -low), max(top, high)
        return bottom, top

    def fits(ppu: float) -> bool:
        need = needs(ppu)
        return need is not None and (need[0] + need[1]) * ppu <= plot_height

    hi = max(min(plot_height, plot_width) / (2 * reach), 1.0)
    lo = hi * LABEL_SPILL_FLOOR
    if fits(hi):
        lo = hi
    elif fits(lo):
        for _ in range(30):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if fits(mid) else (lo, mid)
    bottom, top = needs(lo) or needs(lo, spill=True)
    half_width = plot_width / (2 * lo)
    # Spare height is shared above and below, so the radar sits in the middle of its figure.
    spare = max(plot_height / lo - bottom - top, 0.0)
    y_range = (-bottom - spare / 2, top + spare / 2)
    # The scale Plotly draws at: equal axes fit the tighter of the two ranges.
    ppu = min(plot_height / (y_range[1] - y_range[0]), plot_width / (2 * half_width))
    labels = []
    for choices in options:
        boxes = [(o, o.extent(ppu)) for o in choices]
        inside = [
            o
            for o, e in boxes
            if e[0] >= -half_width - 1e-9
            and e[1] <= half_width + 1e-9
            and e[2] >= y_range[0] - 1e-9
            and e[3] <= y_range[1] + 1e-9
        ]
        spilling = min(boxes, key=lambda oe: (max(-oe[1][0], oe[1][1]), max(-oe[1][2], oe[1][3])))[0]
        labels.append(inside[0] if inside else spilling)
    return Frame(ppu, (-half_width, half_width), y_range, tuple(labels))


def _sector_labels(frame: Frame, cat_ids: list[str], colors: dict[str, str], font_size: int) -> list[dict]:
    return [
        {
            "x": label.x,
            "y": label.y,
            "xref": "x",
            "yref": "y",
            "text": "<br>".join(f"<b>{line}</b>" for line in label.text.split("<br>")),
            "showarrow": False,
            "font": {"size": font_size, "color": colors[cat], "family": FONT},
            "xanchor": label.xanchor,
            "yanchor": label.yanchor,
        }
        for cat, label in zip(cat_ids, frame.labels, strict=True)
    ]


def _margins(margin_top: int, margin_right: int, legend: bool) -> dict[str, int]:
    return {"l": 10, "r": margin_right, "t": margin_top, "b": 60 if legend else 16}


#: Below this plot width (pixels) sector labels are set smaller, so a phone's radar is not squeezed by them.
NARROW_PLOT = 560


def _label_size(presentation: bool, plot_width: float | None = None) -> int:
    if presentation:
        return 17
    return 13 if plot_width is not None and plot_width < NARROW_PLOT else 15


def screen_figure_size(width: int | None, room: int | None, geometry: Geometry = GEOMETRY) -> tuple[int, int]:
    """Width and height (pixels) of the national radar in a column `width` pixels wide with `room` pixels
    of the screen left below the chart's top (both measured in the browser; None when not known).

    The radar takes the room the screen leaves, so at 1280 x 720 it is whole in view without
    scrolling, but never more than its width (a radar is round) nor less than
    geometry.min_figure_height (a phone, where the page scrolls anyway).
    """
    if not width:
        return round(geometry.figure_height * geometry.assumed_aspect), geometry.figure_height
    height = min(room or geometry.figure_height, width, geometry.figure_height * 2)
    return int(width), int(max(height, geometry.min_figure_height))


def fit_blips(
    blips: pd.DataFrame,
    categories: pd.DataFrame,
    width: int,
    height: int,
    geometry: Geometry = GEOMETRY,
    presentation: bool = False,
    legend: bool = False,
    margin_top: int = 20,
    margin_right: int = 10,
) -> pd.DataFrame:
    """`blips` placed again (radar.layout) for a figure of `width` x `height` pixels, blips as large as its numbers need.

    The layout keeps blips apart in data units; a small screen has few pixels per unit, so the
    preferred diameter grows until a drawn blip is geometry.blip_min_px wide (up to
    geometry.max_blip_diameter; the layout shrinks it where the cells are too crowded).
    Pass radar_figure the same size and options. Columns as radar.layout.place_blips gives,
    with `technology` as the id.
    """
    if len(blips) == 0:
        return blips
    names = categories["name"].tolist()
    margin = _margins(margin_top, margin_right, legend)
    plot = (width - margin["l"] - margin["r"], height - margin["t"] - margin["b"])
    wanted = geometry.blip_diameter
    for _ in range(2):  # the edge kept for blips depends on the diameter: settle it in two rounds
        frame = radar_frame(names, geometry, _label_size(presentation, plot[0]), *plot, edge=wanted * 0.45)
        wanted = min(max(geometry.blip_diameter, (geometry.blip_min_px + 0.5) / frame.ppu), geometry.max_blip_diameter)
    placed = place_blips(
        blips.drop(columns=["id"], errors="ignore").rename(columns={"technology": "id"}),
        categories["id"].tolist(),
        geometry=replace(geometry, blip_diameter=wanted),
    )
    return placed.rename(columns={"id": "technology"})


def numbers_shown(fig: go.Figure) -> bool:
    """False when radar_figure left the numbers out because the blips are too small to hold them."""
    return not any(getattr(tr, "meta", None) == "blips-without-numbers" for tr in fig.data)


def radar_figure(
    blips: pd.DataFrame,
    categories: pd.DataFrame,
    lang: str,
    geometry: Geometry = GEOMETRY,
    presentation: bool = False,
    ghosts: pd.DataFrame | None = None,
    height: int | None = None,
    width_hint: int | None = None,
    margin_top: int = 20,
    margin_right: int = 10,
    legend: bool = True,
    width: int | None = None,
    colors: dict[str, str] | None = None,
    trails: pd.DataFrame | None = None,
) -> go.Figure:
    """The radar: ring bands, sector labels, numbered blips coloured by category, movement glyphs.

    Drawn on Cartesian axes with equal scale (x = r sin theta, y = r cos theta, as
    radar.layout computes), because Plotly reports point clicks as selections only on
    Cartesian axes, and annotations there can carry a background.
    `blips` comes from pipeline + layout (columns technology, number, name, category, ring,
    score, r, theta, diameter, movement and the measures shown on hover). `categories` has
    id and name. `ghosts` (optional, columns technology, r, theta) are drawn as faint
    markers joined to their blip, e.g. the national position next to a local one.
    The radar is made as large as the figure allows (height, and `width_hint` in pixels, else
    geometry.assumed_aspect x height) with its sector labels inside, and markers are sized from
    that scale, so two blips the layout keeps apart never touch and each number fits its blip.
    `legend` False leaves out the movement legend and the room below for it. `width` (pixels, as
    measured in the browser) fixes the figure's width, so it is drawn at exactly the scale its
    markers are sized for. Blips too small for their numbers (a crowded radar) are drawn without
    them (numbers_shown says so); the hover card and the list still name each one. `colors` (category
    id -> colour) keeps each category's own colour when `categories` is a part of the radar's (zoomed).
    `trails` (trail_positions) draws each technology's earlier positions under the blips.
    """
    cat_ids = categories["id"].tolist()
    cat_names = dict(zip(categories["id"], categories["name"], strict=True))
    colors = {**category_colors(cat_ids), **(colors or {})}
    font_size = 20 if presentation else 15
    height = height or int(geometry.figure_height * (1.25 if presentation else 1.0))
    fixed_width = width
    width = width or width_hint or round(height * geometry.assumed_aspect) + margin_right - 10
    margin = _margins(margin_top, margin_right, legend)
    label_size = _label_size(presentation, width - margin["l"] - margin["r"])
    diameter = float(blips["diameter"].iloc[0]) if len(blips) else geometry.blip_diameter
    frame = radar_frame(
        [cat_names[c] for c in cat_ids],
        geometry,
        label_size,
        width - margin["l"] - margin["r"],
        height - margin["t"] - margin["b"],
        edge=diameter * 0.45,
    )
    marker_px = max(diameter * frame.ppu - MARKER_LINE - 0.5, 3.0)
    number_px = max(geometry.number_min_px, round(marker_px * NUMBER_SHARE))
    widest = max((len(str(n)) for n in blips["number"]), default=1) if len(blips) else 1
    # A number wider than its blip would spill onto its neighbours: then the blips carry none.
    with_numbers = widest * _DIGIT_EM * number_px <= marker_px
    fig = go.Figure()
    ring_labels = _ring_labels(geometry, lang, label_size - 1 if presentation else 14)
    if with_numbers:
        fig.add_trace(ring_labels)
    if ghosts is not None and len(ghosts):
        _add_ghosts(fig, blips, ghosts, marker_px)
    if trails is not None and len(trails) and len(blips):
        _add_trails(fig, blips, trails, colors, marker_px, lang)
    for cat in cat_ids:
        part = blips[blips["category"] == cat]
        xy = [polar_to_xy(r, th) for r, th in zip(part["r"], part["theta"], strict=True)]
        fig.add_trace(
            go.Scatter(
                x=[p[0] for p in xy],
                y=[p[1] for p in xy],
                mode="markers+text" if with_numbers else "markers",
                meta=None if with_numbers else "blips-without-numbers",
                name=plain(cat_names[cat]),
                text=part["number"].astype(str) if with_numbers else None,
                textfont={"color": number_color(colors[cat]), "size": number_px, "family": FONT},
                marker={
                    "size": marker_px,
                    "color": colors[cat],
                    "symbol": "circle",
                    "line": {"color": "white", "width": MARKER_LINE},
                },
                customdata=part["technology"],
                hovertext=[hover_text(row, lang) for _, row in part.iterrows()],
                hovertemplate="%{hovertext}<extra></extra>",
                showlegend=False,
                cliponaxis=False,
            )
        )
    _add_movement_glyphs(fig, blips, diameter, marker_px, frame.ppu, lang)
    if not with_numbers:
        # A crowded radar's small dots would bury the ring names: drawn last, with a white halo, they stay readable.
        ring_labels.textfont.shadow = RING_LABEL_HALO
        fig.add_trace(ring_labels)
    axis = {"visible": False, "fixedrange": True, "showgrid": False, "zeroline": False}
    fig.update_layout(
        height=height,
        width=fixed_width,
        # The width the blips were placed for. Streamlit's browser side narrows a chart wider than its
        # column at once (a window made narrower), before the rerun brings the radar placed anew: that
        # squeezed drawing has layout.width below meta.width, and tests wait until the two agree.
        meta={"width": width},
        margin=margin,
        font={"family": FONT, "size": font_size, "color": "#1b2a41"},
        paper_bgcolor="white",
        plot_bgcolor="white",
        shapes=_ring_shapes(geometry) + _sector_shapes(len(cat_ids), geometry),
        annotations=_sector_labels(frame, cat_ids, colors, label_size),
        xaxis={**axis, "range": list(frame.x_range)},
        yaxis={**axis, "range": list(frame.y_range), "scaleanchor": "x", "scaleratio": 1, "constrain": "domain"},
        showlegend=legend,
        # Categories are keyed by the coloured sector labels; the legend only explains movement glyphs.
        legend={
            "orientation": "h",
            "x": 0.5,
            "xanchor": "center",
            "y": -0.01,
            "yanchor": "top",
            "title": {"text": t("movement_legend", lang) + ":", "side": "left"},
            "font": {"size": font_size - 1},
            "itemclick": False,
            "itemdoubleclick": False,
            "traceorder": "normal",
        },
        hovermode="closest",
        dragmode=CHART_DRAGMODE,
        hoverlabel={"font": {"size": font_size, "family": FONT}, "bgcolor": "white"},
    )
    return fig


#: Directions (degrees, counter-clockwise from three o'clock on screen) a movement glyph may
#: take around its blip, the preferred first: upper right, then the other diagonals, then the sides.
GLYPH_DIRECTIONS: tuple[float, ...] = (45, 135, -45, -135, 90, 0, 180, -90, *(a + 22.5 for a in range(-180, 180, 45)))


#: A glyph's spot must be this much nearer its own blip's centre than any other's, so the eye pairs them.
GLYPH_OWN_MARGIN = 1.3


def glyph_positions(blips: pd.DataFrame, diameter: float, glyph_radius: float) -> tuple[list[float | None], list[float | None]]:
    """Screen x, y of a movement glyph for each row of `blips`, on the edge of its own disc.

    All blips of the chart are in `blips`; the glyph of a row with a movement goes in the
    first direction of GLYPH_DIRECTIONS where it keeps clear of every other disc and glyph,
    else where it is clearest among the directions that keep it nearer its own blip than
    any other (pulled further onto its disc if no direction does). Rows without a movement get None.
    """
    centres = [polar_to_xy(r, th) for r, th in zip(blips["r"], blips["theta"], strict=True)]
    moves = blips["movement"].tolist() if "movement" in blips else [None] * len(blips)
    xs: list[float | None] = []
    ys: list[float | None] = []
    placed: list[tuple[float, float]] = []
    for index, ((cx, cy), move) in enumerate(zip(centres, moves, strict=True)):
        if not isinstance(move, str) or move not in MOVEMENT_SYMBOLS:
            xs.append(None)
            ys.append(None)
            continue
        others = [c for i, c in enumerate(centres) if i != index]
        spot = _glyph_spot((cx, cy), others, placed, diameter, glyph_radius)
        placed.append(spot)
        xs.append(spot[0])
        ys.append(spot[1])
    return xs, ys


def _glyph_spot(
    centre: tuple[float, float],
    others: list[tuple[float, float]],
    placed: list[tuple[float, float]],
    diameter: float,
    radius: float,
) -> tuple[float, float]:
    cx, cy = centre
    for offset in (diameter / 2 + radius * 0.2, diameter * 0.3, diameter * 0.1):
        best, best_clear = None, -math.inf
        for direction in GLYPH_DIRECTIONS:
            spot = (cx + offset * math.cos(math.radians(direction)), cy + offset * math.sin(math.radians(direction)))
            nearest_other = min((math.dist(spot, o) for o in others), default=math.inf)
            if nearest_other <= offset * GLYPH_OWN_MARGIN:
                continue
            clear = min([nearest_other - diameter / 2 - radius] + [math.dist(spot, g) - 2 * radius for g in placed])
            if clear >= 0:
                return spot
            if clear > best_clear:
                best, best_clear = spot, clear
        if best is not None:
            return best
    return centre


def _add_movement_glyphs(fig: go.Figure, blips: pd.DataFrame, diameter: float, marker_px: float, ppu: float, lang: str) -> None:
    size = max(9.0, marker_px * 0.5)
    xs, ys = glyph_positions(blips, diameter, size / 2 / ppu) if len(blips) else ([], [])
    moves = blips["movement"].tolist() if "movement" in blips else [None] * len(blips)
    technologies = blips["technology"].tolist() if "technology" in blips else [None] * len(blips)
    for movement, symbol in MOVEMENT_SYMBOLS.items():
        points = [(x, y, tech) for x, y, m, tech in zip(xs, ys, moves, technologies, strict=True) if m == movement]
        fig.add_trace(
            go.Scatter(
                x=[p[0] for p in points] or [None],
                y=[p[1] for p in points] or [None],
                # Whose glyph it is; not a blip trace (no hover text), so a click on a glyph selects nothing.
                meta=[p[2] for p in points],
                mode="markers",
                name=t(f"movement_{movement}", lang),
                legendgroup="movement",
                marker={"symbol": symbol, "size": size, "color": MOVEMENT_COLOR, "line": {"color": "white", "width": 1}},
                hoverinfo="skip",
                showlegend=True,
                cliponaxis=False,
            )
        )


_BREAK_AFTER = re.compile(r"(?<=[-_/.])")


def _wrap_lines(text: str, width: int = 14) -> list[str]:
    """Break a long sector label onto lines so it stays inside a projector-sized figure; a word
    longer than a line (e.g. languages-and-frameworks from a file) breaks after - _ / . too."""
    lines, line = [], ""
    for word in text.split():
        pieces = [p for p in _BREAK_AFTER.split(word) if p] if len(word) > width else [word]
        for index, piece in enumerate(pieces):
            glue = "" if index else " "
            if line and len(line) + len(glue) + len(piece) > width:
                lines.append(line)
                line = piece
            else:
                line = f"{line}{glue}{piece}" if line else piece
    lines.append(line)
    return lines


def _wrap(text: str, width: int = 14) -> str:
    """_wrap_lines joined by <br>, each line shown literally (radar.safe.plain), so the breaks are the only markup."""
    return "<br>".join(plain(line) for line in _wrap_lines(text, width))


def _add_ghosts(fig: go.Figure, blips: pd.DataFrame, ghosts: pd.DataFrame, marker_px: float) -> None:
    joined = blips[["technology", "r", "theta"]].merge(ghosts[["technology", "r", "theta"]], on="technology", suffixes=("", "_g"))
    x: list[float | None] = []
    y: list[float | None] = []
    for _, row in joined.iterrows():
        (gx, gy), (bx, by) = polar_to_xy(row["r_g"], row["theta_g"]), polar_to_xy(row["r"], row["theta"])
        x += [gx, bx, None]
        y += [gy, by, None]
    fig.add_trace(
        go.Scatter(
            x=x,
            y=y,
            mode="lines",
            line={"color": "rgba(90,90,90,0.45)", "width": 1, "dash": "dot"},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    gxy = [polar_to_xy(r, th) for r, th in zip(ghosts["r"], ghosts["theta"], strict=True)]
    fig.add_trace(
        go.Scatter(
            x=[p[0] for p in gxy],
            y=[p[1] for p in gxy],
            mode="markers",
            marker={
                "size": marker_px * 0.8,
                "color": "rgba(120,120,120,0.25)",
                "line": {"color": "rgba(90,90,90,0.6)", "width": 1},
            },
            hoverinfo="skip",
            showlegend=False,
        )
    )


# --- the radar through the editions: trails and small radars ---------------------------------------
#: A trail is the thin line in its category's colour through a technology's earlier positions, with a
#: small faded dot at each; drawn under the blips, so it never covers a blip or its number.
TRAIL_META = "trail"
TRAIL_LINE_WIDTH = 1.5
TRAIL_LINE_OPACITY = 0.75
TRAIL_DOT_OPACITY = 0.7
#: The oldest step of a trail is drawn this faint; the newest at TRAIL_LINE_OPACITY (dots: TRAIL_DOT_OPACITY).
TRAIL_MIN_OPACITY = 0.2
#: A trail dot is this share of a blip's marker, never below TRAIL_DOT_MIN_PX.
TRAIL_DOT_SHARE = 0.4
TRAIL_DOT_MIN_PX = 6.0
TRAIL_COLUMNS: tuple[str, ...] = ("technology", "edition", "ring", "r", "theta")


def trail_positions(
    shown: pd.DataFrame,
    timeline: pd.DataFrame,
    categories: pd.DataFrame,
    edition: int,
    width: int,
    height: int,
    **fit: object,
) -> pd.DataFrame:
    """Where each shown technology sat in every edition up to `edition`, oldest first (columns TRAIL_COLUMNS).

    `shown` are the blips drawn (fit_blips for this figure), `timeline` the placed blips of every edition
    (radar.service.radar_timeline). An earlier edition's position is where that edition's radar puts it
    when drawn at the same size with the same `categories` (fit_blips, `fit` its options), so a trail
    ends where the earlier radar had the blip; the shown edition's row is the blip itself. A technology
    missing from an edition has no row for it, so one that is new has a trail of one point.
    """
    wanted = set(shown["technology"])
    earlier = timeline[(timeline["edition"] < edition) & timeline["category"].isin(set(categories["id"]))]
    parts = []
    for year, part in earlier.groupby("edition", sort=True):
        placed = fit_blips(part.drop(columns="edition").reset_index(drop=True), categories, width, height, **fit)
        parts.append(placed[placed["technology"].isin(wanted)].assign(edition=int(year)))
    parts.append(shown.assign(edition=int(edition)))
    trails = pd.concat([p[list(TRAIL_COLUMNS)] for p in parts], ignore_index=True)
    return trails.astype({"edition": "int64"}).sort_values(["technology", "edition"]).reset_index(drop=True)


#: A trail's step between two editions is drawn through a point every TRAIL_STEP_DEG degrees (at least its two ends).
TRAIL_STEP_DEG = 4.0


def trail_segment(start: tuple[float, float], end: tuple[float, float]) -> list[tuple[float, float]]:
    """Screen x, y along one step of a trail from `start` to `end` (r, theta in degrees), radius and angle
    changing evenly: it follows the rings and keeps to the angles between its ends, so it stays in its sector
    (a straight line across a zoomed radar's wide sector would cut through its middle)."""
    (r0, t0), (r1, t1) = start, end
    count = max(1, math.ceil(abs(t1 - t0) / TRAIL_STEP_DEG))
    return [polar_to_xy(r0 + (r1 - r0) * i / count, t0 + (t1 - t0) * i / count) for i in range(count + 1)]


def trail_hover_text(number: object, name: str, edition: int, ring: str, lang: str) -> str:
    """The hover card of a trail dot: the technology (its number on the radar shown) and its ring that edition."""
    return f"<b>{number}. {plain(name)}</b><br>{t('trail_hover', lang, edition=edition, ring=t('ring_' + ring, lang))}"


def _add_trails(
    fig: go.Figure, blips: pd.DataFrame, trails: pd.DataFrame, colors: dict[str, str], marker_px: float, lang: str
) -> None:
    """Each shown technology's trail (traces with meta TRAIL_META), under the blips: per category one line trace
    for each step between two editions, fainter the older the step, so the eye reads where a technology came
    from; and one trace of dots, also fainter with age.

    A dot under a blip of the shown radar is left out: it would be hidden anyway, and a click there is a click on the blip.
    """
    info = blips.set_index("technology")
    centres = [polar_to_xy(r, th) for r, th in zip(blips["r"], blips["theta"], strict=True)]
    reach = float(blips["diameter"].iloc[0]) / 2 if len(blips) else 0.0
    steps = {int(year): k for k, year in enumerate(sorted(set(trails["edition"])))}
    last = max(len(steps) - 1, 1)
    dot_px = max(TRAIL_DOT_MIN_PX, marker_px * TRAIL_DOT_SHARE)

    def faded(top: float, k: int) -> float:
        return TRAIL_MIN_OPACITY + (top - TRAIL_MIN_OPACITY) * k / last

    for cat in dict.fromkeys(blips["category"]):
        part = trails[trails["technology"].isin(info.index[info["category"] == cat])]
        lines: dict[int, tuple[list[float | None], list[float | None]]] = {}
        dots: list[tuple[float, float, str, str, float]] = []
        for tech, path in part.groupby("technology", sort=False):
            if len(path) < 2:
                continue
            polar = list(zip(path["r"], path["theta"], strict=True))
            points = [polar_to_xy(r, th) for r, th in polar]
            ages = [steps[int(year)] for year in path["edition"]]
            for (a, b), k in zip(zip(polar, polar[1:], strict=False), ages[1:], strict=True):
                xs, ys = lines.setdefault(k, ([], []))
                for x, y in trail_segment(a, b):
                    xs.append(x)
                    ys.append(y)
                xs.append(None)
                ys.append(None)
            for (x, y), year, ring, k in zip(points[:-1], path["edition"], path["ring"], ages, strict=False):
                if all(math.dist((x, y), c) > reach for c in centres):
                    card = trail_hover_text(info.at[tech, "number"], info.at[tech, "name"], int(year), ring, lang)
                    dots.append((x, y, str(tech), card, faded(TRAIL_DOT_OPACITY, k + 1)))
        for k, (xs, ys) in sorted(lines.items()):
            fig.add_trace(
                go.Scatter(
                    x=xs, y=ys, mode="lines", meta=TRAIL_META, opacity=faded(TRAIL_LINE_OPACITY, k),
                    line={"color": colors[cat], "width": TRAIL_LINE_WIDTH}, hoverinfo="skip", showlegend=False,
                )
            )  # fmt: skip
        if dots:
            fig.add_trace(
                go.Scatter(
                    x=[d[0] for d in dots], y=[d[1] for d in dots], mode="markers", meta=TRAIL_META,
                    marker={"size": dot_px, "color": colors[cat], "opacity": [d[4] for d in dots],
                            "line": {"color": "white", "width": 1}},
                    customdata=[d[2] for d in dots], hovertext=[d[3] for d in dots],
                    hovertemplate="%{hovertext}<extra></extra>", showlegend=False, cliponaxis=False,
                )
            )  # fmt: skip


#: Small radars (one per domain, side by side): the largest and smallest size in pixels, the gap between
#: two (Streamlit's small gap), the size assumed before the browser has measured, and the smallest drawn blip.
SMALL_RADAR_PX = 232
SMALL_RADAR_MIN_PX = 150
SMALL_RADAR_MAX_PX = 300
SMALL_RADAR_GAP_PX = 16
SMALL_BLIP_MIN_PX = 9.0


def small_radar_size(width: int | None, count: int) -> int:
    """The size (pixels) of each of `count` small radars in a row `width` pixels wide: all in one row when each can
    be SMALL_RADAR_MIN_PX or more, else two a row (a phone), else one; SMALL_RADAR_PX while the width is not known."""
    if not width:
        return SMALL_RADAR_PX
    for per_row in (count, 2, 1):
        size = (width - (per_row - 1) * SMALL_RADAR_GAP_PX) // per_row
        if size >= SMALL_RADAR_MIN_PX or per_row == 1:
            return int(min(size, SMALL_RADAR_MAX_PX))
    return SMALL_RADAR_PX


#: Points on each ring's outline: the small radar draws its rings as paths, not circles, because the
#: screen tests know the page's one large radar by its circle shapes.
_RING_PATH_POINTS = 96


def _ring_path(radius: float) -> str:
    points = [polar_to_xy(radius, 360 * k / _RING_PATH_POINTS) for k in range(_RING_PATH_POINTS)]
    # SVG path data (geometry, never shown as a number): Python's own notation, rounded to 5 decimals.
    return "M " + " L ".join(f"{round(x, 5)},{round(y, 5)}" for x, y in points) + " Z"


def small_radar_hover_text(row: pd.Series, lang: str) -> str:
    """The short hover card of a small radar's blip: number, name, ring and score."""
    ring = t("ring_" + row["ring"], lang)
    score = explain.score_text(row["score"], lang)
    return f"<b>{row['number']}. {plain(row['name'])}</b><br>{ring} · {t('col_score', lang)} {score}"


def small_radar_figure(
    blips: pd.DataFrame,
    categories: pd.DataFrame,
    lang: str,
    size: int = SMALL_RADAR_PX,
    geometry: Geometry = GEOMETRY,
    colors: dict[str, str] | None = None,
) -> go.Figure:
    """A compact radar `size` pixels square: the rings, sectors and blips of radar_figure without labels or numbers.

    The blips (columns as radar_figure's; their positions are replaced) are placed again by radar.layout
    for this size, each category in its own colour (`colors`, else category_colors), and named by their hover card.
    """
    cat_ids = categories["id"].tolist()
    colors = {**category_colors(cat_ids), **(colors or {})}
    pad = 4
    ppu = (size - 2 * pad) / 2 / 1.02
    wanted = min(max(geometry.blip_diameter, (SMALL_BLIP_MIN_PX + MARKER_LINE) / ppu), geometry.max_blip_diameter)
    placed = blips
    if len(blips):
        placed = place_blips(
            blips.drop(columns=["id"], errors="ignore").rename(columns={"technology": "id"}),
            cat_ids,
            geometry=replace(geometry, blip_diameter=wanted),
        ).rename(columns={"id": "technology"})
    diameter = float(placed["diameter"].iloc[0]) if len(placed) else wanted
    marker_px = max(diameter * ppu - MARKER_LINE - 0.5, 3.0)
    line = {"color": "rgba(40, 60, 90, 0.40)", "width": 1}
    outlines = [(ring, _ring_path(ring_bounds(ring.index, geometry)[1])) for ring in reversed(RINGS)]
    shapes = [{"type": "path", "path": path, "fillcolor": ring.fill, "line": line, "layer": "below"} for ring, path in outlines]
    shapes += [{**s, "line": line} for s in _sector_shapes(len(cat_ids), geometry)]
    fig = go.Figure()
    for cat in cat_ids:
        part = placed[placed["category"] == cat]
        if part.empty:
            continue
        xy = [polar_to_xy(r, th) for r, th in zip(part["r"], part["theta"], strict=True)]
        fig.add_trace(
            go.Scatter(
                x=[p[0] for p in xy], y=[p[1] for p in xy], mode="markers", name=plain(str(cat)),
                marker={"size": marker_px, "color": colors[cat], "line": {"color": "white", "width": MARKER_LINE}},
                customdata=part["technology"], hovertext=[small_radar_hover_text(row, lang) for _, row in part.iterrows()],
                hovertemplate="%{hovertext}<extra></extra>", showlegend=False, cliponaxis=False,
            )
        )  # fmt: skip
    reach = 1.02 * (size / 2) / ((size - 2 * pad) / 2)
    axis = {"visible": False, "fixedrange": True, "showgrid": False, "zeroline": False, "range": [-reach, reach]}
    fig.update_layout(
        width=size,
        height=size,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        paper_bgcolor="white",
        plot_bgcolor="white",
        shapes=shapes,
        xaxis=axis,
        yaxis={**axis, "scaleanchor": "x", "scaleratio": 1},
        hovermode="closest",
        dragmode=False,
        font={"family": FONT, "size": 13, "color": "#1b2a41"},
        hoverlabel={"font": {"size": 13, "family": FONT}, "bgcolor": "white"},
    )
    return fig


#: Tick marks of a 0..1 axis (shares, scores), written by radar.i18n.number rather than Plotly's own d3 format.
TICKS: tuple[float, ...] = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


def stage_bar_figure(shares: pd.DataFrame, lang: str) -> go.Figure:
    """Adoption distribution as one stacked horizontal bar per row (the four stages, in order).

    `shares` has a `label` column and stage_0..stage_3 shares that sum to 1 per row.
    """
    colors = ("#CFD8E3", "#9DB7D5", "#4A90C2", "#0B4F8A")
    fig = go.Figure()
    for level, color in enumerate(colors):
        column = f"stage_{level}"
        fig.add_trace(
            go.Bar(
                y=shares["label"],
                x=shares[column],
                orientation="h",
                name=t(column, lang),
                marker={"color": color},
                text=[_pct(v, lang) for v in shares[column]],
                textposition="inside",
                insidetextanchor="middle",
                hovertext=[f"{plain(label)}: {_pct(v, lang)}" for label, v in zip(shares["label"], shares[column], strict=True)],
                hovertemplate="%{hovertext}<extra>" + t(column, lang) + "</extra>",
            )
        )
    fig.update_layout(
        barmode="stack",
        height=110 + 38 * len(shares),
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        xaxis={
            "tickvals": TICKS,
            "ticktext": [number(v, lang, 0, percent=True) for v in TICKS],
            "range": [0, 1],
            "fixedrange": True,
        },
        yaxis={"autorange": "reversed", "automargin": True, "fixedrange": True},
        legend={"orientation": "h", "y": -0.12, "yanchor": "top", "traceorder": "normal"},
        font={"family": FONT, "size": 14},
    )
    return fig


def heatmap_figure(scores: pd.DataFrame, lang: str) -> go.Figure:
    """Technology × domain heatmap of the score with the ring name written in each cell.

    `scores` is long: technology name, domain name, score, ring (keys), n (answers with a stage)
    and why (the reason for the ring, radar.explain.matrix_reasons); row and column order follow
    the order of first appearance. The hover card says why the ring and names its count.
    """
    tech_order = list(dict.fromkeys(scores["name"]))
    domain_order = list(dict.fromkeys(scores["domain_name"]))
    z = scores.pivot(index="name", columns="domain_name", values="score").reindex(index=tech_order, columns=domain_order)
    rings = scores.pivot(index="name", columns="domain_name", values="ring").reindex(index=tech_order, columns=domain_order)
    text = [[t("ring_" + r, lang) if isinstance(r, str) else "–" for r in row] for row in rings.to_numpy()]
    counts = scores.pivot(index="name", columns="domain_name", values="n").reindex(index=tech_order, columns=domain_order)
    why = scores.pivot(index="name", columns="domain_name", values="why").reindex(index=tech_order, columns=domain_order)
    hover = [
        [
            f"{plain(tech)} · {plain(domain)}<br>{why.at[tech, domain]}<br>"
            f"{t('count_stage', lang, n=explain.count_text(counts.at[tech, domain], lang))}"
            for domain in domain_order
        ]
        for tech in tech_order
    ]
    fig = go.Figure(
        go.Heatmap(
            z=z.to_numpy(),
            x=[plain(d) for d in domain_order],
            y=[plain(n) for n in tech_order],
            text=text,
            texttemplate="%{text}",
            textfont={"size": 12},
            colorscale="Blues",
            zmin=0,
            zmax=1,
            colorbar={
                "title": {"text": t("col_score", lang)},
                "tickvals": TICKS,
                "ticktext": [number(v, lang, 1) for v in TICKS],
            },
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            xgap=2,
            ygap=2,
        )
    )
    fig.update_layout(
        height=max(420, 30 * len(tech_order) + 140),
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        xaxis={"side": "top", "automargin": True, "fixedrange": True},
        yaxis={"autorange": "reversed", "automargin": True, "fixedrange": True},
        font={"family": FONT, "size": 14},
    )
    return fig


#: The path across editions: the scope's own line, and the combined radar's as a quiet reference in each domain.
PATH_COLOR = "#0b4f8a"
PATH_REFERENCE_COLOR = "#8a8f98"
#: Panels per row of the path figure; two keep a 390-pixel phone readable (about 150 pixels a panel).
PATH_COLUMNS = 2
PATH_PANEL_HEIGHT = 170
#: Pixels between panel rows: the editions' ticks, then the next panel's title on up to two lines.
PATH_GAP = 78
#: A panel's title breaks onto a second line after this many characters ("Arbejdsmarked og / erhverv"),
#: so two titles side by side never run into each other on a phone.
PATH_TITLE_WIDTH = 20
#: The ring bands behind a path, KLAR first: stronger steps than the radar's own fills, so four bands
#: read apart on a small panel (the darkest still leaves the line's blue at over 6:1).
PATH_BAND_FILLS: tuple[str, ...] = ("#c9ddef", "#dde9f5", "#edf3f9", "#fafbfd")


def _path_hover(row: pd.Series, scope: str, lang: str) -> str:
    """One point of a path: scope and edition, score and ring, the maturity and adoption it comes from, its count."""
    ring = t("ring_" + row["ring"], lang) if isinstance(row["ring"], str) else "–"
    low = f" ⚠ {t('low_n_flag', lang)}" if row.get("low_n") else ""
    return (
        f"<b>{plain(scope)} · {int(row['edition'])}</b><br>"
        f"{t('hover_score', lang)}: {explain.score_text(row['score'], lang)} · <b>{ring}</b><br>"
        f"{t('hover_maturity', lang)}: {_num(normalised_maturity(float(row['maturity'])), lang=lang)} · "
        f"{t('hover_adoption', lang)}: {explain.index_text(row['adoption'], lang)}<br>"
        f"{t('count_stage', lang, n=explain.count_text(row['n'], lang))}{low}"
    )


def path_figure(paths: pd.DataFrame, lang: str, combined_name: str) -> go.Figure:
    """A technology's score across editions, one small panel per scope (the combined radar first, then each
    domain), over the four rings as horizontal bands; each domain panel repeats the combined path in grey.

    `paths` is radar.service.technology_paths: edition, domain (None: combined), scope_name, score, ring,
    maturity, adoption, n, low_n. The editions axis starts at the technology's first edition. Each scope's
    own trace carries `meta` = its domain id ("" for the combined radar) and the raw scores as y.
    """
    from plotly.subplots import make_subplots

    years = sorted({int(y) for y in paths["edition"]})
    scopes = list(dict.fromkeys(None if pd.isna(d) else d for d in paths["domain"]))
    names = {None: combined_name} | {
        d: n for d, n in zip(paths["domain"], paths["scope_name"], strict=True) if isinstance(d, str)
    }
    rows = math.ceil(len(scopes) / PATH_COLUMNS)
    height = PATH_PANEL_HEIGHT * rows + PATH_GAP * (rows - 1) // 2 + 110
    fig = make_subplots(
        rows=rows,
        cols=PATH_COLUMNS,
        shared_yaxes=True,
        subplot_titles=[_wrap(str(names[s]), PATH_TITLE_WIDTH) for s in scopes],
        horizontal_spacing=0.05,
        vertical_spacing=PATH_GAP / (height - 40),
    )
    x = [str(y) for y in years]
    combined = paths[paths["domain"].isna()].set_index("edition").reindex(years)
    bounds = [(r.key, r.cutoff, 1.0 if i == 0 else RINGS[i - 1].cutoff, PATH_BAND_FILLS[i]) for i, r in enumerate(RINGS)]
    for index, scope in enumerate(scopes):
        row, col = index // PATH_COLUMNS + 1, index % PATH_COLUMNS + 1
        axis = "" if index == 0 else str(index + 1)
        for _, low, high, fill in bounds:
            fig.add_shape(type="rect", xref=f"x{axis} domain", yref=f"y{axis}", x0=0, x1=1, y0=low, y1=high,
                          fillcolor=fill, line={"width": 0}, layer="below")  # fmt: skip
        for _, low, _, _ in bounds[:-1]:
            fig.add_shape(type="line", xref=f"x{axis} domain", yref=f"y{axis}", x0=0, x1=1, y0=low, y1=low,
                          line={"width": 1, "color": "#7f9fc4"}, layer="below")  # fmt: skip
        if scope is not None:
            fig.add_trace(
                go.Scatter(x=x, y=combined["score"].tolist(), mode="lines", name=plain(combined_name),
                           line={"color": PATH_REFERENCE_COLOR, "width": 1.5, "dash": "dash"}, hoverinfo="skip",
                           showlegend=index == 1, legendgroup="combined"),
                row=row, col=col,
            )  # fmt: skip
        own = paths[paths["domain"].isna()] if scope is None else paths[paths["domain"] == scope]
        own = own.set_index("edition").reindex(years).reset_index()
        fig.add_trace(
            go.Scatter(
                x=x,
                y=own["score"].tolist(),
                mode="lines+markers",
                name=plain(names[scope]),
                meta=scope or "",
                line={"color": PATH_COLOR, "width": 2.5},
                marker={"size": 8, "color": PATH_COLOR},
                hovertext=["" if pd.isna(r["score"]) else _path_hover(r, names[scope], lang) for _, r in own.iterrows()],
                hovertemplate="%{hovertext}<extra></extra>",
                showlegend=False,
            ),
            row=row,
            col=col,
        )
    middles = [(low + high) / 2 for _, low, high, _ in bounds]
    fig.update_yaxes(
        range=[0, 1],
        tickvals=middles,
        ticktext=[t("ring_" + key, lang) for key, *_ in bounds],
        ticks="",
        showgrid=False,
        zeroline=False,
        fixedrange=True,
        automargin=True,
        tickfont={"size": 11},
    )
    fig.update_xaxes(type="category", showgrid=False, fixedrange=True, tickfont={"size": 11}, showticklabels=True)
    fig.update_annotations(font={"size": 13})
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 46, "b": 10},
        font={"family": FONT, "size": 13},
        legend={"orientation": "h", "x": 0, "y": -0.06, "yanchor": "top"},
        showlegend=len(scopes) > 1,
        hoverlabel={"font": {"size": 13}},
        plot_bgcolor="#ffffff",
    )
    return fig


# --- own radar (make your own radar) --------------------------------------------------------------
#: Marks a ring set by hand, in the hover card and the entries table: a bullet, which every text
#: font has (Source Sans, Helvetica, Arial, Liberation, DejaVu); an emoji such as ✋ is an empty
#: box on machines without an emoji font, and ◆ is missing from Liberation Sans (Linux's Arial).
HAND_SET_MARK = "•"


def own_hover_text(row: pd.Series | dict, lang: str) -> str:
    """The hover card of a local blip: what places it (ring and why, score, maturity, local status) and the
    national ring. Relevance is not on it: it places nothing on the radar, it is the priority matrix's axis
    and on the matrix's card, so an edit of relevance leaves the radar as drawn (see OWN_CARD_FIELDS)."""
    ring = t("ring_" + row["ring"], lang)
    if row.get("hand_set"):
        ring += f" {HAND_SET_MARK} ({t('own_hover_hand_set', lang)})"
    maturity = t(f"maturity_{int(round(row['maturity']))}", lang) + f" · {t('own_source_' + row['maturity_source'], lang)}"
    status = row.get("status")
    if status is None or pd.isna(status):
        adoption = t("own_hover_status_national", lang, value=_num(row.get("adoption"), lang=lang))
    else:
        adoption = t(f"stage_{int(status)}", lang)
    national = row.get("national_ring")
    lines = [
        f"<b>{row['number']}. {plain(row['name'])}</b>",
        f"{t('col_ring', lang)}: <b>{ring}</b>",
        f"{t('hover_score', lang)}: {_num(row.get('score'), lang=lang)}",
        f"{t('hover_maturity', lang)}: {maturity}",
        f"{t('own_col_status', lang)}: {adoption}",
    ]
    if isinstance(national, str):
        lines.append(f"{t('own_hover_national', lang)}: {t('ring_' + national, lang)}")
    return "<br>".join(lines)


def own_radar_figure(
    blips: pd.DataFrame,
    categories: pd.DataFrame,
    lang: str,
    presentation: bool = False,
    ghosts: pd.DataFrame | None = None,
    title: str | None = None,
    height: int | None = None,
    names_list: bool = False,
    width_hint: int | None = None,
) -> go.Figure:
    """A local radar: radar_figure with local hover cards and no movement legend (local radars have none).

    `title` (e.g. for the PNG and HTML exports) is written above the radar; `height` (pixels)
    fits it to a projector; `names_list` writes the numbered names by ring to the right, so
    a still image can be read without hovering.
    """
    fig = radar_figure(
        blips,
        categories,
        lang,
        presentation=presentation,
        ghosts=ghosts,
        height=height,
        width_hint=width_hint,
        margin_top=110 if title else 12,
        margin_right=NAMES_LIST_WIDTH if names_list and len(blips) else 10,
        legend=False,
    )
    if title:
        fig.update_layout(title={"text": plain(title), "x": 0.5, "xanchor": "center", "font": {"size": 22}})
    if names_list and len(blips):
        fig.add_annotation(
            xref="paper",
            yref="paper",
            x=1.0,
            y=1.0,
            xanchor="left",
            yanchor="top",
            align="left",
            showarrow=False,
            text=_names_by_ring(blips, lang),
            font={"size": 15, "family": FONT, "color": "#1b2a41"},
        )
    # Local radars have no movement; the ghosts are explained beside the switch that shows them.
    fig.data = tuple(trace for trace in fig.data if getattr(trace, "legendgroup", None) != "movement")
    return own_hover_cards(fig, blips, lang)


#: The columns of an own radar's blips that own_radar_figure draws from, besides the hover cards:
#: a change to any other column (a status without a new place) changes only the cards, which
#: own_hover_cards writes into the figure already drawn.
OWN_RADAR_DRAWN: tuple[str, ...] = ("technology", "number", "name", "category", "ring", "r", "theta", "diameter", "movement")

#: The columns the hover cards are written from (own_hover_text). A change to none of these nor of
#: OWN_RADAR_DRAWN (relevance, a note, an owner, a next step) leaves the radar's figure as it was: the
#: browser keeps the radar it has and redraws only the matrix.
OWN_CARD_FIELDS: tuple[str, ...] = (
    "technology", "number", "name", "ring", "hand_set", "score", "maturity", "maturity_source", "status", "adoption",
    "national_ring",
)  # fmt: skip


def card_fields(blips: pd.DataFrame) -> pd.DataFrame:
    """The columns of `blips` the hover cards are written from (those of OWN_CARD_FIELDS it has)."""
    return blips[[c for c in OWN_CARD_FIELDS if c in blips.columns]]


def own_hover_cards(fig: go.Figure, blips: pd.DataFrame, lang: str) -> go.Figure:
    """`fig` (own_radar_figure of blips at the same places) with each blip's hover card made from `blips`; changed in place."""
    cards = {row["technology"]: own_hover_text(row, lang) for row in card_fields(blips).to_dict("records")}
    for trace in fig.data:
        if getattr(trace, "customdata", None) is not None and getattr(trace, "hovertext", None) is not None:
            trace.hovertext = [cards[tech] for tech in trace.customdata]
    return fig


#: Right margin (pixels) that holds the numbered names beside a still image of a local radar.
NAMES_LIST_WIDTH = 380


def _names_by_ring(blips: pd.DataFrame, lang: str) -> str:
    lines: list[str] = []
    for ring in RINGS:
        part = blips[blips["ring"] == ring.key].sort_values("number")
        if part.empty:
            continue
        lines.append(f"<b>{t('ring_' + ring.key, lang)}</b>")
        lines += [f"{int(n)}  {plain(name)}" for n, name in zip(part["number"], part["name"], strict=True)]
        lines.append("")
    return "<br>".join(lines)


#: Colour of a matrix point whose category has no sector colour.
MATRIX_FALLBACK_COLOR = "#555555"

QUADRANT_COLORS: dict[str, str] = {
    "go": "rgba(0, 158, 115, 0.10)",
    "test": "rgba(0, 114, 178, 0.10)",
    "watch": "rgba(230, 159, 0, 0.10)",
    "leave": "rgba(120, 120, 120, 0.08)",
}


def priority_matrix_figure(
    points: pd.DataFrame, categories: pd.DataFrame, lang: str, high: int = 4, presentation: bool = False
) -> go.Figure:
    """Local relevance (y, 1-5) against technical maturity (x, 1-5) with the four quadrants named.

    `points` comes from radar.own.matrix_points (x, y, number, name, category, maturity,
    relevance, quadrant); quadrants split at `high` (values from `high` up count as high).
    The figure of priority_matrix_spec, validated by Plotly.
    """
    return go.Figure(priority_matrix_spec(points, categories, lang, high, presentation))


def trusted_figure(spec: dict) -> go.Figure:
    """The figure of a plain dict built by this module, not validated again: Plotly's checks of every
    property were most of the time of drawing the matrix on each edit. tests/test_chart.py checks that
    Plotly's validation changes nothing in every spec this module builds."""
    return go.Figure(spec, _validate=False)


#: Room above relevance 5 (in relevance units) for the upper quadrants' names: on a phone a name in the
#: corner would otherwise cover the points spread around relevance 5.
MATRIX_NAME_BAND = 0.4


def priority_matrix_spec(
    points: pd.DataFrame, categories: pd.DataFrame, lang: str, high: int = 4, presentation: bool = False
) -> dict:
    """The priority matrix (see priority_matrix_figure) as a plain Plotly figure dict, for trusted_figure.

    Two traces: the quadrants' names, then every point in its sector's colour. Streamlit draws a changed
    chart from nothing, and a relevance edit changes the matrix: Plotly draws two traces about twice as
    fast as four annotations and a trace per sector (`make bench`)."""
    font_size = 19 if presentation else 14
    split = high - 0.5
    top = 5.5 + MATRIX_NAME_BAND  # the upper quadrants' names sit above the points of relevance 5
    colors = category_colors(categories["id"].tolist())
    # quadrant -> (x0, x1, y0, y1): relevance up, maturity right
    boxes = {
        "go": (split, 5.5, split, top), "test": (0.5, split, split, top),
        "watch": (split, 5.5, 0.5, split), "leave": (0.5, split, 0.5, split),
    }  # fmt: skip
    shapes: list[dict] = []
    labels: dict[str, list] = {"x": [], "y": [], "text": [], "textposition": []}
    for key, (x0, x1, y0, y1) in boxes.items():
        shapes.append(
            {"type": "rect", "x0": x0, "x1": x1, "y0": y0, "y1": y1, "fillcolor": QUADRANT_COLORS[key], "line": {"width": 0},
             "layer": "below"}
        )  # fmt: skip
        left = key in ("test", "leave")
        labels["x"].append(x0 + 0.04 if left else x1 - 0.04)
        labels["y"].append(y1 - 0.04)
        labels["text"].append(f"<b>{t('own_quadrant_' + key, lang)}</b>")
        labels["textposition"].append("bottom right" if left else "bottom left")
    quadrant_names = {
        "type": "scatter", "mode": "text", **labels, "name": "", "showlegend": False, "hoverinfo": "skip",
        "textfont": {"size": font_size, "color": "#1b2a41", "family": FONT},
    }  # fmt: skip
    divider = {"color": "rgba(40,60,90,0.45)", "width": 1.2, "dash": "dash"}
    shapes.append({"type": "line", "x0": split, "x1": split, "y0": 0.5, "y1": top, "line": divider})
    shapes.append({"type": "line", "x0": 0.5, "x1": 5.5, "y0": split, "y1": split, "line": {**divider}})
    marker_px = 30 if presentation else 24
    number_px = max(GEOMETRY.number_min_px, round(marker_px * NUMBER_SHARE))
    rows = [row for row in points.to_dict("records") if not pd.isna(row["category"])]
    fills = [colors.get(row["category"], MATRIX_FALLBACK_COLOR) for row in rows]
    data = [
        quadrant_names,
        {
            "type": "scatter",
            "x": [float(row["x"]) for row in rows],
            "y": [float(row["y"]) for row in rows],
            "mode": "markers+text",
            "name": "",
            "showlegend": False,
            "text": [str(row["number"]) if pd.notna(row["number"]) else "·" for row in rows],
            "textfont": {"color": [number_color(fill) for fill in fills], "size": number_px, "family": FONT},
            "marker": {"size": marker_px, "color": fills, "line": {"color": "white", "width": 1}},
            "customdata": [row["technology"] for row in rows],
            "hovertext": [
                f"<b>{plain(row['name'])}</b><br>{t('col_maturity', lang)}: {_num(row['maturity'], 0)}<br>"
                f"{t('own_col_relevance', lang)}: {int(row['relevance'])}<br>{t('own_quadrant_' + row['quadrant'], lang)}"
                for row in rows
            ],
            "hovertemplate": "%{hovertext}<extra></extra>",
        },
    ]
    axis = {"tickvals": [1, 2, 3, 4, 5], "showgrid": False, "zeroline": False, "fixedrange": True}
    layout = {
        "height": int(GEOMETRY.figure_height * (1.25 if presentation else 1.0)),
        "margin": {"l": 60, "r": 20, "t": 50, "b": 60},
        "font": {"family": FONT, "size": font_size, "color": "#1b2a41"},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "dragmode": False,
        "xaxis": {"title": {"text": t("col_maturity", lang)}, "range": [0.5, 5.5], **axis},
        "yaxis": {"title": {"text": t("own_matrix_relevance_axis", lang)}, "range": [0.5, top], **axis},
        "hoverlabel": {"font": {"size": font_size, "family": FONT}, "bgcolor": "white"},
        "shapes": shapes,
    }
    return {"data": data, "layout": layout}
