"""Render docs/assets/social-card.png (1200x630), the image shown when a link is shared.

Run once after changing the headline: ``.venv/bin/python scripts/make_social_card.py``.
Uses Debian's chromium through Playwright (no download); the PNG is committed.
"""

from __future__ import annotations

import html
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    text = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---", 2)[1])
    card = f"""<!doctype html><meta charset="utf-8"><style>
      body {{ margin: 0; width: 1200px; height: 630px; display: flex; flex-direction: column; justify-content: center;
             padding: 0 80px; box-sizing: border-box; font-family: sans-serif; background: #263238; color: #fff; }}
      .k {{ font-size: 28px; letter-spacing: .08em; text-transform: uppercase; color: #ffab91; }}
      h1 {{ font-size: 64px; line-height: 1.1; margin: 24px 0; }}
      p {{ font-size: 30px; line-height: 1.35; color: #cfd8dc; margin: 0; }}
      .tags {{ margin-top: 36px; font-size: 26px; color: #eceff1; }}
    </style>
    <div class="k">Annotated edition</div>
    <h1>{html.escape(meta["title"])}</h1>
    <p>{html.escape(meta["author"])}, {html.escape(meta["publisher"])}, {html.escape(meta["date_text"])}</p>
    <div class="tags">Sourcing · Fact checks · The Syria analogy · Sanctions context</div>"""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(card)
        page.screenshot(path=str(ROOT / "docs" / "assets" / "social-card.png"))
        browser.close()


if __name__ == "__main__":
    main()
