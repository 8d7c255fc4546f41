"""Settings declared as data: paths, rings, cut-offs, scales and chart geometry.

Everything a municipality might want to tune lives here, each with a default and a
help text, so the method page can show the values actually in force.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
#: One environment variable moves the data folder (seed files and the DuckDB file).
DATA_DIR = Path(os.environ.get("TEKNOLOGIRADAR_DATA", PROJECT_DIR / "data"))
SEED_DIR = DATA_DIR / "seed"


def db_path() -> Path:
    """Path of the DuckDB file; TEKNOLOGIRADAR_DB overrides the default in DATA_DIR."""
    return Path(os.environ.get("TEKNOLOGIRADAR_DB", DATA_DIR / "radar.duckdb"))


def own_db_path() -> Path:
    """Path of the DuckDB file with the municipalities' own radars (user work, never rebuilt).

    Kept apart from the national database so rebuilding or importing an edition can never
    touch what a meeting has typed. TEKNOLOGIRADAR_OWN_DB overrides it.
    """
    return Path(os.environ.get("TEKNOLOGIRADAR_OWN_DB", DATA_DIR / "egne_radarer.duckdb"))


@dataclass(frozen=True)
class Setting:
    """A setting declared as data: its environment variable, default, allowed values and help text key."""

    env: str
    default: str
    choices: tuple[str, ...]
    help_key: str

    def value(self) -> str:
        """The value in force: the environment variable when it holds an allowed value, else the default.
        A setting without `choices` takes any value, kept as written (a URL)."""
        if not self.choices:
            return os.environ.get(self.env, "").strip() or self.default
        wanted = os.environ.get(self.env, "").strip().lower()
        return wanted if wanted in self.choices else self.default


#: `local`: one municipality's own server, the own-radar page lists its radars and its bin.
#: `hosted`: many municipalities on one server; no list at all, a radar is reached only by its links.
MODE = Setting("TEKNOLOGIRADAR_MODE", "local", ("local", "hosted"), "setting_mode_help")
#: Where user work (own radars, workshop rounds, votes) is stored. Empty: the DuckDB file of
#: own_db_path(), for one process. `postgresql://user@host:port/db`: a PostgreSQL database that
#: several app processes behind a proxy share (radar.db.postgres); the national data stays a
#: read-only DuckDB file in each process. See docs/readme-hosting.md.
STORE = Setting("TEKNOLOGIRADAR_STORE", "", (), "setting_store_help")
SETTINGS: tuple[Setting, ...] = (MODE, STORE)


def store_url() -> str | None:
    """The PostgreSQL URL of TEKNOLOGIRADAR_STORE, or None for the embedded DuckDB file."""
    url = STORE.value()
    return url if url.startswith(("postgresql://", "postgres://")) else None


@dataclass(frozen=True)
class Secret:
    """A setting whose value is never shown (not on Om radaren, not in a message): its variable and help text key."""

    env: str
    help_key: str

    def value(self) -> str:
        """The value in force, spaces around it removed; "" when the variable is unset or blank."""
        return os.environ.get(self.env, "").strip()


#: Who may publish a national edition from the Import page: whoever types this key. Unset, only a
#: `local` server offers the page's publishing (`python -m radar import-edition` works everywhere).
PUBLISH_KEY = Secret("TEKNOLOGIRADAR_PUBLISH_KEY", "setting_publish_key_help")


def hosted() -> bool:
    """True when the server runs in `hosted` mode (many municipalities, no list of radars)."""
    return MODE.value() == "hosted"


@dataclass(frozen=True)
class Ring:
    """One ring of the radar, innermost first."""

    key: str
    index: int
    cutoff: float  # lowest score that still lands in this ring
    color: str  # subtle band fill (translucent)
    fill: str  # the same band as an opaque colour, for stacked circle shapes
    help_key: str


# Rings, innermost first. KL's own cut-offs are not public; these are ours (PRODUCT.md §4).
RINGS: tuple[Ring, ...] = (
    Ring("klar", 0, 0.70, "rgba(0, 114, 178, 0.16)", "#d6e6f3", "ring_klar_help"),
    Ring("afproev", 1, 0.50, "rgba(0, 114, 178, 0.10)", "#e3eef7", "ring_afproev_help"),
    Ring("hold_oeje", 2, 0.30, "rgba(0, 114, 178, 0.06)", "#eef4fa", "ring_hold_oeje_help"),
    Ring("afvent", 3, 0.0, "rgba(0, 114, 178, 0.03)", "#f7fafd", "ring_afvent_help"),
)
RING_KEYS: tuple[str, ...] = tuple(r.key for r in RINGS)
DEFAULT_CUTOFFS: dict[str, float] = {r.key: r.cutoff for r in RINGS}

#: Technical maturity 1..5 (municipal TRL); labels live in the catalogue as maturity_<n>.
MATURITY_LEVELS: tuple[int, ...] = (1, 2, 3, 4, 5)
#: Adoption stages 0..3; "ved ikke" is stored as NULL and counts as no answer.
ADOPTION_STAGES: tuple[int, ...] = (0, 1, 2, 3)
#: Local relevance 1..5 (own radars and workshop rounds).
RELEVANCE_LEVELS: tuple[int, ...] = (1, 2, 3, 4, 5)
MAX_STAGE = 3
#: The value a technology has created for a respondent (KL's 2022 question), in the order they are shown;
#: no answer (the question was not asked, or an older edition) is stored as no row.
VALUE_ANSWERS: tuple[str, ...] = ("efficiency", "quality", "wellbeing", "none", "dont_know")

#: Below this many respondents a value is flagged as resting on few answers.
LOW_N = 10

#: A workshop round calls a technology "uenighed" (disputed) when the modal answer's count minus the
#: runner-up's is under this share of the answers: Thoughtworks BYOR's rule for its voting rounds.
DISAGREEMENT_MARGIN = 0.10

MOVEMENTS: tuple[str, ...] = ("new", "moved_in", "moved_out", "unchanged")

# Colour-blind-safe (Okabe-Ito) palette, one colour per category sector.
CATEGORY_COLORS: tuple[str, ...] = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    # More sectors (an imported radar's own categories): Tol's muted colours, readable on white
    # (Okabe-Ito's black and yellow are not: black reads as "no category", yellow vanishes).
    "#882255",  # wine
    "#44AA99",  # teal
    "#332288",  # indigo
    "#999933",  # olive
    "#AA4499",  # purple
)

#: A blip's number is drawn in whichever of these contrasts more with the blip's colour (WCAG 2
#: contrast ratio), so white stays on blue and near-black goes on yellow or light blue.
NUMBER_COLORS: tuple[str, ...] = ("#FFFFFF", "#111111")
#: WCAG AA for normal text: every CATEGORY_COLORS entry reaches it with one of NUMBER_COLORS.
MIN_NUMBER_CONTRAST = 4.5


@dataclass(frozen=True)
class Geometry:
    """Chart geometry in data units: the radar's outer edge has radius 1."""

    ring_count: int = 4
    #: Outer radius of each ring, innermost first. KLAR's band is the widest because it is the
    #: smallest ring: with equal bands its cells hold the fewest blips and set the diameter for the
    #: whole chart. The proportions are Thoughtworks' Build Your Own Radar's (130, 220, 310, 400).
    ring_radii: tuple[float, ...] = (0.325, 0.55, 0.775, 1.0)
    #: Preferred distance between two blip centres, as a share of the radius.
    blip_diameter: float = 0.09
    #: Smallest blip diameter we shrink to when a cell is crowded.
    min_blip_diameter: float = 0.012
    #: Gap kept free at each sector line, from the line to a blip's centre, as a share of the blip
    #: diameter: just over the disc's radius, so no disc (drawn a pixel and a half smaller) crosses a line.
    edge_gap: float = 0.52
    #: Wedge at twelve o'clock kept free of blips so the ring names can be read there.
    label_gutter_deg: float = 24.0
    figure_height: int = 640
    #: Smallest font size (pixels) of a blip's number, at any chart size.
    number_min_px: int = 14
    #: Width / height the chart is assumed to have when the page gives no width: the combined
    #: radar's column on a 1280-pixel screen (740 x 640). A wider chart only adds white space.
    assumed_aspect: float = 1.15
    #: Smallest drawn blip (pixels, outline included) that holds a 14-pixel number of two digits; on a
    #: screen whose radar would draw blips smaller than this, the blips are placed larger (radar.chart.fit_blips).
    blip_min_px: float = 22.0
    #: Largest blip diameter (data units) a small screen may ask for: more would crowd the cells.
    max_blip_diameter: float = 0.16
    #: Height (pixels) of the national radar when the screen leaves less room below its top (a phone).
    min_figure_height: int = 380


GEOMETRY = Geometry()


def ring_score_bands(cutoffs: dict[str, float] | None = None) -> list[tuple[float, float]]:
    """(lowest, upper) score of each ring, innermost first; KLAR's upper bound is 1.0."""
    cutoffs = cutoffs or DEFAULT_CUTOFFS
    bands, upper = [], 1.0
    for ring in RINGS:
        bands.append((cutoffs[ring.key], upper))
        upper = cutoffs[ring.key]
    return bands


# --- digital-maturity self-assessment (radar.maturity) ------------------------------------------------
#: A statement is "split" (the room disagrees) when at least MATURITY_SPLIT_MIN_N people answered it
#: on the 1-5 scale and the interquartile range of their answers is MATURITY_SPLIT_IQR or more: the
#: middle half of the room is two or more steps apart.
MATURITY_SPLIT_IQR = 2.0
MATURITY_SPLIT_MIN_N = 3
#: How many of the lowest-scoring statements are named as "places to start".
MATURITY_START_COUNT = 3
#: A score that moved less than this between two assessments (on the 1-5 scale) counts as unchanged.
MATURITY_MOVE_MIN = 0.25
