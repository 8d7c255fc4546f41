"""Start the app: `python -m radar.serve [streamlit run options]` (what `make run` does).

Streamlit treats a folder named pages/ beside the entry script as an old-style multipage
app until the entry script has run st.navigation once in the process. Until then, a first
visitor who lands on e.g. /teknologi gets that page file alone, without app.py's
navigation, language switch and styling. We use st.navigation only, so we say so before
the server starts. The flag is Streamlit's own (PagesManager.uses_pages_directory), the
same one st.navigation sets.

Streamlit collects all garbage after every script run (its option runner.postScriptGC), and
a full collection visits every object the process tracks: the modules the app imports (Plotly's
figure classes and validators, pandas, DuckDB, Babel) made that about 100 ms of every edit on
the own radar, longer than drawing it. `freeze_imports` imports them before the server starts and
moves them to Python's permanent generation (gc.freeze), where a collection does not look; what
the runs create is collected as before. On top, .streamlit/config.toml turns that collection after
every run off (runner.postScriptGC = false; Python's generational collector still runs): with both, a
phone's tap costs about 12 ms of CPU instead of 113 ms (benchmarks/load.py), and the first visitor no
longer waits for the imports.
"""

from __future__ import annotations

import atexit
import gc
import importlib
import logging
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app.py"

#: What app.py and the pages import, imported once before the server starts (see freeze_imports).
APP_MODULES: tuple[str, ...] = (
    "streamlit",
    "plotly.graph_objects",
    "radar.ui",
    "radar.ui_own",
    "radar.ui_workshop",
    "radar.ui_maturity",
    "radar.ui_import",
    "radar.ui_dialogue",
    "radar.ui_edition",
    "radar.chart",
    "radar.edition",
    "radar.explain",
)


def freeze_imports() -> int:
    """Import APP_MODULES, draw one small figure (Plotly makes its validators on first use), and move
    every object alive now to the permanent generation; the number of objects frozen."""
    # Decorating a cached function outside a running server logs a warning about its storage; the
    # server gives each cache its storage when it is first called, as always.
    from streamlit.runtime.caching import cache_data_api

    cache_log = logging.getLogger(cache_data_api.__name__)
    level = cache_log.level
    cache_log.setLevel(logging.ERROR)
    try:
        for name in APP_MODULES:
            importlib.import_module(name)
    finally:
        cache_log.setLevel(level)
    import plotly.graph_objects as go

    go.Figure(
        go.Scatter(x=[0], y=[0], mode="markers+text", text=["1"], marker={"size": 1}, textfont={"size": 1}),
        layout={"shapes": [{"type": "circle"}], "annotations": [{"text": "a"}], "xaxis": {"range": [0, 1]}},
    ).to_dict()
    gc.collect()
    gc.freeze()
    # At exit the frozen objects are handed back, so extension modules (DuckDB) see them freed as usual.
    atexit.register(gc.unfreeze)
    return gc.get_freeze_count()


def main(argv: list[str] | None = None) -> None:
    """Run `streamlit run app.py` with our options, in this process."""
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli

    PagesManager.uses_pages_directory = False
    freeze_imports()
    sys.argv = ["streamlit", "run", str(APP), *(sys.argv[1:] if argv is None else argv)]
    cli.main()


if __name__ == "__main__":
    main()
