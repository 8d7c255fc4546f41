"""Take screenshots of the running app with Debian's Chromium (for the README and for looking).

Usage: python scripts/screenshot.py URL OUT.png [--width 1280 --height 720 --full] [--click TEXT]
"""

from __future__ import annotations

import argparse

from playwright.sync_api import sync_playwright


def main() -> None:
    """Open URL, wait for Streamlit to settle, save a screenshot."""
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("out")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=720)
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--collapse-sidebar", action="store_true")
    args = parser.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        page.goto(args.url)
        page.wait_for_selector("[data-testid='stButtonGroup']", timeout=60_000)
        page.wait_for_selector("[data-testid='stMain'] h1, [data-testid='stMain'] [data-testid='stPlotlyChart']", timeout=60_000)
        page.wait_for_timeout(2500)
        if args.collapse_sidebar:
            page.keyboard.press("Escape")
            button = page.locator("[data-testid='stSidebarCollapseButton'] button")
            if button.count():
                button.first.click(force=True)
            page.wait_for_timeout(800)
        page.screenshot(path=args.out, full_page=args.full)
        browser.close()


if __name__ == "__main__":
    main()
