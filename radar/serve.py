"""Start the app: `python -m radar.serve [streamlit run options]` (what `make run` does).

Streamlit treats a folder named pages/ beside the entry script as an old-style multipage
app until the entry script has run st.navigation once in the process. Until then, a first
visitor who lands on e.g. /teknologi gets that page file alone, without app.py's
navigation, language switch and styling. We use st.navigation only, so we say so before
the server starts. The flag is Streamlit's own (PagesManager.uses_pages_directory), the
same one st.navigation sets.

Before the server starts, the modules the pages use are imported and the objects they hold are taken out of
the garbage collector's view (gc.freeze): otherwise every full collection walks the whole heap of pandas,
Plotly and DuckDB, 85-140 ms of CPU in which no session runs (measured under benchmarks/load.py), and the first
visitor waits for the imports.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app.py"


def main(argv: list[str] | None = None) -> None:
    """Run `streamlit run app.py` with our options, in this process."""
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli

    PagesManager.uses_pages_directory = False
    _import_and_freeze()
    sys.argv = ["streamlit", "run", str(APP), *(sys.argv[1:] if argv is None else argv)]
    cli.main()


def _import_and_freeze() -> None:
    import atexit
    import gc
    import importlib
    import logging

    # Their st.cache_data functions are only checked here, not run: no runtime yet is what Streamlit warns of.
    caching = logging.getLogger(importlib.import_module("streamlit.runtime.caching.cache_data_api").__name__)
    level, caching.level = caching.level, logging.ERROR
    try:
        for name in ("radar.ui", "radar.ui_workshop", "radar.ui_own", "radar.ui_maturity", "radar.ui_import",
                     "radar.edition", "plotly.graph_objects"):  # fmt: skip
            importlib.import_module(name)
    finally:
        caching.setLevel(level)
    gc.collect()
    gc.freeze()
    atexit.register(gc.unfreeze)  # at exit the objects are freed as usual (DuckDB's bindings count them)


if __name__ == "__main__":
    main()
