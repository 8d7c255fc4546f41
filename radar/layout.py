"""Deterministic blip placement: where each technology sits on the radar.

Conventions shared with radar.chart:

- Radius r is in data units; the radar's outer edge is 1. Ring i (0 = KLAR, innermost)
  occupies the band [geometry.ring_radii[i - 1], geometry.ring_radii[i]] (0 inside KLAR): KLAR's
  band is the widest, as in Build Your Own Radar, since its cells are the smallest.
- theta is in degrees in Plotly's polar convention as the chart configures it
  (angularaxis rotation=90, direction="clockwise"): 0 is twelve o'clock and angles grow
  clockwise. Category k of K owns the sector [g/2 + k * (360 - g) / K, g/2 + (k + 1) * (360 - g) / K),
  where g = geometry.label_gutter_deg is a free wedge at twelve o'clock for the ring labels;
  sector labels go at sector_midpoints() and sector lines at each sector's bounds.
- x = r * sin(theta), y = r * cos(theta): the same picture in screen orientation (x right,
  y up), in the same unit as r. Use it for distances.
- diameter is one value for the whole chart, in data units. Every two blip centres are at
  least one diameter apart, and every blip's disc (radius diameter / 2) lies inside its own
  cell (ring band x category sector), so blips can overlap neither within nor across cells.

Method. Within its band a blip's ideal radius falls linearly from the inner edge (score at
the band's upper bound) to the outer edge (score at the ring's cut-off); out-of-band scores
are clipped and a missing score means the middle of the band. Each cell holds concentric
rows (arcs) at least one diameter apart and half a diameter from the band edges; a row holds
as many blips as fit one diameter apart along the arc, with a gap at the sector lines. Items,
ordered by score (descending) then id, are cut into consecutive row groups by dynamic
programming so that row radii stay as close as possible (least squares) to the items' ideal
radii; a lower score therefore never sits nearer the centre than a higher one in the same
cell. The diameter is the preferred one if every cell fits, otherwise the largest that fits,
found by bisection; if not even min_blip_diameter fits we keep shrinking, because overlapping
blips would hide technologies (radar.chart draws each marker, outline included, no wider than
the diameter at the figure's scale, so markers never overlap either).
Within a row, blips are spread evenly and the row is shifted inside its free arc by a hash of
its ids, so lone blips do not all line up on the sector's middle; the hash is of the data
only, so the same data always gives the same picture, whatever the input row order.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from radar.config import DEFAULT_CUTOFFS, GEOMETRY, RING_KEYS, Geometry

POSITION_COLUMNS: tuple[str, ...] = ("r", "theta", "x", "y", "diameter")
REQUIRED_COLUMNS: tuple[str, ...] = ("id", "category", "ring", "score")
#: Candidate row radii lie diameter / ROW_STEPS apart, so a blip can sit within an eighth of a
#: diameter of its ideal radius; finer steps cost search time for no visible gain.
ROW_STEPS = 4
_BISECTION_STEPS = 40
#: Below this diameter we stop shrinking and refuse: such a chart could not be read anyway.
_SMALLEST_DIAMETER = 1e-6
# Absorbs rounding in "does the last row still fit inside the band".
_EPS = 1e-12


def ring_bounds(ring_index: int, geometry: Geometry = GEOMETRY) -> tuple[float, float]:
    """Inner and outer radius (data units) of ring `ring_index`, 0 = KLAR, innermost."""
    if not 0 <= ring_index < geometry.ring_count:
        raise ValueError(f"ring index {ring_index} outside 0..{geometry.ring_count - 1}")
    edges = (0.0, *geometry.ring_radii)
    return edges[ring_index], edges[ring_index + 1]


def sector_bounds(k: int, n_categories: int, gutter_deg: float = 0.0) -> tuple[float, float]:
    """Start and end angle (degrees, clockwise from twelve o'clock) of category sector k.

    `gutter_deg` keeps a wedge centred on twelve o'clock free of blips (for ring labels);
    the sectors share the remaining 360 - gutter_deg degrees.
    """
    if n_categories < 1 or not 0 <= k < n_categories:
        raise ValueError(f"sector {k} outside 0..{n_categories - 1}")
    width = (360.0 - gutter_deg) / n_categories
    start = gutter_deg / 2 + k * width
    return start, start + width


def sector_midpoints(categories: Sequence[str], gutter_deg: float = 0.0) -> list[float]:
    """Middle angle (degrees, clockwise from twelve o'clock) of each category's sector, in order."""
    n = len(categories)
    return [sum(sector_bounds(k, n, gutter_deg)) / 2 for k in range(n)]


@dataclass(frozen=True)
class _Cell:
    """One ring band x category sector, in the units the packing works in."""

    inner: float
    outer: float
    width: float  # sector angle in radians

    def slot_radius(self, d: float, j: int) -> float:
        # Slots are counted inward from the outermost row, so slots j = 0, ROW_STEPS, 2 * ROW_STEPS, ...
        # are exactly the tightest packing the feasibility check assumes.
        return self.outer - d / 2 - j * (d / ROW_STEPS)

    def slot_fits(self, radius: float, d: float) -> bool:
        return radius >= self.inner + d / 2 - _EPS

    def margin(self, radius: float, gap: float) -> float | None:
        """Angle kept free at each sector line on a row of this radius, None if no blip fits."""
        if radius < gap:
            return None
        margin = math.asin(gap / radius)
        return margin if self.width - 2 * margin >= 0 else None

    def capacity(self, radius: float, d: float, gap: float) -> int:
        margin = self.margin(radius, gap)
        if margin is None:
            return 0
        return int((self.width - 2 * margin) // _min_step(radius, d)) + 1

    def packed_capacity(self, d: float, gap: float, need: int) -> int:
        """Blips that fit with rows packed from the outer edge inward (the most any row set holds)."""
        # Capacity grows with the radius, so rows pushed outward one diameter apart hold the most.
        total, j = 0, 0
        while total < need:
            radius = self.slot_radius(d, j)
            if not self.slot_fits(radius, d):
                break
            total += self.capacity(radius, d, gap)
            j += ROW_STEPS
        return total


def _min_step(radius: float, d: float) -> float:
    """Smallest angle between two blips on a row so their centres are d apart (chord >= d)."""
    return 2 * math.asin(min(1.0, d / (2 * radius)))


def _check(items: pd.DataFrame, categories: Sequence[str], cutoffs: Mapping[str, float], geometry: Geometry) -> None:
    missing = [c for c in REQUIRED_COLUMNS if c not in items.columns]
    if missing:
        raise ValueError(f"place_blips needs columns {', '.join(missing)}")
    if len(set(categories)) != len(categories):
        raise ValueError("categories must be unique")
    if geometry.ring_count != len(RING_KEYS):
        raise ValueError(f"geometry.ring_count is {geometry.ring_count}, but there are {len(RING_KEYS)} rings")
    radii = (0.0, *geometry.ring_radii)
    growing = all(a < b for a, b in zip(radii, radii[1:], strict=False))
    if len(geometry.ring_radii) != geometry.ring_count or radii[-1] != 1.0 or not growing:
        raise ValueError(f"geometry.ring_radii {geometry.ring_radii} must grow to 1.0, one per ring")
    if not 0 < geometry.blip_diameter:
        raise ValueError("geometry.blip_diameter must be positive")
    absent = [k for k in RING_KEYS if k not in cutoffs]
    if absent:
        raise ValueError(f"cutoffs lack rings {', '.join(absent)}")
    ids = items["id"]
    if ids.isna().any() or ids.duplicated().any():
        raise ValueError(f"blip ids must be present and unique; duplicated: {sorted(ids[ids.duplicated()].astype(str).unique())}")
    unknown = sorted(set(items["category"].astype(str)) - set(categories))
    if unknown:
        raise ValueError(f"unknown categories {unknown}; known categories are {list(categories)}")
    bad_rings = sorted(set(items["ring"].astype(str)) - set(RING_KEYS))
    if bad_rings:
        raise ValueError(f"unknown rings {bad_rings}; known rings are {list(RING_KEYS)}")


def _ideal_radii(items: pd.DataFrame, cutoffs: Mapping[str, float], geometry: Geometry) -> tuple[np.ndarray, np.ndarray]:
    """Effective (clipped, NaN -> band middle) score and ideal radius of each row."""
    scores = pd.to_numeric(items["score"]).to_numpy(dtype=float, na_value=np.nan)
    rings = items["ring"].astype(str).to_numpy()
    effective = np.empty(len(items))
    ideal = np.empty(len(items))
    upper = 1.0
    for index, key in enumerate(RING_KEYS):
        lo, hi = sorted((float(cutoffs[key]), upper))
        upper = float(cutoffs[key])
        inner, outer = ring_bounds(index, geometry)
        here = rings == key
        s = np.clip(scores[here], lo, hi)
        s = np.where(np.isnan(s), (lo + hi) / 2, s)
        effective[here] = s
        share = (s - lo) / (hi - lo) if hi > lo else np.full(len(s), 0.5)
        ideal[here] = outer - share * (outer - inner)
    return effective, ideal


def _choose_diameter(cells: list[tuple[_Cell, int]], geometry: Geometry) -> float:
    """The largest diameter up to the preferred one at which every cell holds its blips."""
    gap_share = max(geometry.edge_gap, 0.5)

    def fits(d: float) -> bool:
        return all(cell.packed_capacity(d, gap_share * d, n) >= n for cell, n in cells)

    preferred = geometry.blip_diameter
    if fits(preferred):
        return preferred
    hi, lo = preferred, min(geometry.min_blip_diameter, preferred)
    while not fits(lo):
        # Below the floor we still shrink rather than overlap: a hidden blip is a wrong chart.
        hi, lo = lo, lo / 2
        if lo < _SMALLEST_DIAMETER:
            raise ValueError("too many blips in one cell to draw them without overlap")
    for _ in range(_BISECTION_STEPS):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if fits(mid) else (lo, mid)
    return lo


def _assign_rows(ideal: np.ndarray, radii: np.ndarray, caps: np.ndarray) -> np.ndarray:
    """Slot (index into ascending `radii`) per item, items in score order, least-squares from ideal.

    Items are cut into consecutive groups, one group per row, rows at least ROW_STEPS slots
    (one diameter) apart and the radius growing from group to group; a row takes at most its
    capacity. The fit can always be found when the packed capacity covers the items.
    """
    n, n_slots = len(ideal), len(radii)
    c1 = np.concatenate([[0.0], np.cumsum(ideal)])
    c2 = np.concatenate([[0.0], np.cumsum(ideal**2)])
    cost = np.full((n + 1, n_slots), np.inf)
    take = np.zeros((n + 1, n_slots), dtype=int)
    back = np.full((n + 1, n_slots), -1, dtype=int)
    # reach[k, s]: best cost of the first k items with their last row at least ROW_STEPS slots below s.
    reach = np.full((n + 1, n_slots), np.inf)
    reach_arg = np.full((n + 1, n_slots), -1, dtype=int)
    reach[0] = 0.0
    max_cap = int(caps.max()) if n_slots else 0
    for i in range(1, n + 1):
        g = np.arange(1, min(i, max_cap) + 1)
        k = i - g
        total = (
            reach[k] + g[:, None] * radii[None, :] ** 2 - 2 * radii[None, :] * (c1[i] - c1[k])[:, None] + (c2[i] - c2[k])[:, None]
        )
        total[caps[None, :] < g[:, None]] = np.inf
        best = np.argmin(total, axis=0)  # first minimum: the smallest group wins ties
        cols = np.arange(n_slots)
        cost[i] = total[best, cols]
        take[i] = g[best]
        back[i] = reach_arg[k[best], cols]
        running, arg = np.inf, -1
        for s in range(n_slots - ROW_STEPS):
            if cost[i, s] < running:
                running, arg = cost[i, s], s
            reach[i, s + ROW_STEPS], reach_arg[i, s + ROW_STEPS] = running, arg
    slot = int(np.argmin(cost[n]))
    if not np.isfinite(cost[n, slot]):
        raise AssertionError("row assignment found no fit although the cell's capacity suffices")
    rows = np.empty(n, dtype=int)
    i = n
    while i > 0:
        g = int(take[i, slot])
        rows[i - g : i] = slot
        slot, i = int(back[i, slot]), i - g
    return rows


def _place_cell(
    cell: _Cell, start_deg: float, ids: list[str], ideal: np.ndarray, d: float, gap: float
) -> list[tuple[float, float]]:
    """(r, theta) of each item of one cell, items given in score order."""
    slots = []
    j = 0
    while cell.slot_fits(radius := cell.slot_radius(d, j), d):
        slots.append(radius)
        j += 1
    radii = np.array(slots[::-1])
    caps = np.array([cell.capacity(r, d, gap) for r in radii], dtype=int)
    rows = _assign_rows(ideal, radii, caps)
    placed: list[tuple[float, float]] = [(0.0, 0.0)] * len(ids)
    for slot in np.unique(rows):
        members = np.flatnonzero(rows == slot)
        radius, m = float(radii[slot]), len(members)
        margin = cell.margin(radius, gap)
        assert margin is not None and m <= caps[slot]
        span = cell.width - 2 * margin
        step = 0.0 if m == 1 else min(max(_min_step(radius, d), span / m), span / (m - 1))
        slack = max(0.0, span - (m - 1) * step)
        # A data-derived shift (not Python's salted hash) keeps lone blips off the sector's middle line.
        shift = zlib.crc32("\x1f".join(ids[i] for i in members).encode()) / 2**32
        first = margin + (0.15 + 0.7 * shift) * slack
        for position, member in enumerate(members):
            placed[member] = (radius, start_deg + math.degrees(first + position * step))
    return placed


def place_blips(
    items: pd.DataFrame,
    categories: Sequence[str],
    cutoffs: Mapping[str, float] | None = None,
    geometry: Geometry = GEOMETRY,
) -> pd.DataFrame:
    """Positions for radar blips: adds r, theta (degrees), x, y and diameter columns."""
    out = items.copy()
    if len(items) == 0:
        for column in POSITION_COLUMNS:
            out[column] = np.array([], dtype=float)
        return out
    categories = list(categories)
    cutoffs = DEFAULT_CUTOFFS if cutoffs is None else cutoffs
    _check(items, categories, cutoffs, geometry)

    effective, ideal = _ideal_radii(items, cutoffs, geometry)
    ids = items["id"].astype(str).to_numpy()
    ring_of = {key: index for index, key in enumerate(RING_KEYS)}
    category_of = {name: k for k, name in enumerate(categories)}
    groups: dict[tuple[int, int], list[int]] = {}
    for position, (ring, category) in enumerate(zip(items["ring"].astype(str), items["category"].astype(str), strict=True)):
        groups.setdefault((ring_of[ring], category_of[category]), []).append(position)
    # Score then id: the order the rows are filled in, independent of the input row order.
    for members in groups.values():
        members.sort(key=lambda p: (-effective[p], ids[p]))

    sector_width = math.radians((360.0 - geometry.label_gutter_deg) / len(categories))
    cells = {key: _Cell(*ring_bounds(key[0], geometry), sector_width) for key in groups}
    d = _choose_diameter([(cells[key], len(members)) for key, members in sorted(groups.items())], geometry)
    gap = max(geometry.edge_gap, 0.5) * d

    r = np.empty(len(items))
    theta = np.empty(len(items))
    for key, members in sorted(groups.items()):
        start_deg, _ = sector_bounds(key[1], len(categories), geometry.label_gutter_deg)
        spots = _place_cell(cells[key], start_deg, [str(ids[p]) for p in members], ideal[members], d, gap)
        for p, (radius, angle) in zip(members, spots, strict=True):
            r[p], theta[p] = radius, angle
    out["r"] = r
    out["theta"] = theta
    out["x"] = r * np.sin(np.radians(theta))
    out["y"] = r * np.cos(np.radians(theta))
    out["diameter"] = d
    return out
