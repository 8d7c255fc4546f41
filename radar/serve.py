"""Start the app: `python -m radar.serve [streamlit run options]` (what `make run` does).

Streamlit treats a folder named pages/ beside the entry script as an old-style multipage
app until the entry script has run st.navigation once in the process. Until then, a first
visitor who lands on e.g. /teknologi gets that page file alone, without app.py's
navigation, language switch and styling. We use st.navigation only, so we say so before
the server starts. The flag is Streamlit's own (PagesManager.uses_pages_directory), the
same one st.navigation sets.
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
    sys.argv = ["streamlit", "run", str(APP), *(sys.argv[1:] if argv is None else argv)]
    cli.main()


if __name__ == "__main__":
    main()
