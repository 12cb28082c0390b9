#!/usr/bin/env python3
"""Render the link-preview cards (Open Graph images), one per language, to
overrides/assets/preview-<lang>.png.

Forums such as Discourse show og:image in the card of a pasted link. The card is drawn
as HTML and photographed by headless Chromium (already needed by the browser tests), with
the system's Noto Sans CJK font (Debian fonts-noto-cjk), so nothing is fetched. Run it
again only when the site name or tagline changes; the PNGs are committed.

Usage: python scripts/make_preview_images.py
"""
import html
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "overrides" / "assets"
SIZE = {"width": 1200, "height": 630}
CARDS = {
    "zh": ("维生素 K 证据库", "维生素 K2、MK-4、MK-7 与维生素 D：逐条引用来源，标明证据强弱", "中文 · English"),
    "en": ("Vitamin K Evidence Base", "Vitamin K2, MK-4, MK-7 and vitamin D: every claim sourced and graded", "English · 中文"),
}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def card_html(title: str, tagline: str, languages: str) -> str:
    e = html.escape
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
  body {{ margin: 0; width: 1200px; height: 630px; display: flex; flex-direction: column;
    justify-content: center; padding: 0 90px; box-sizing: border-box; background: #2f5d50;
    color: #fff; font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif; }}
  .mark {{ width: 96px; height: 96px; border-radius: 18px; background: #fff; color: #2f5d50;
    font: 700 64px/96px sans-serif; text-align: center; margin-bottom: 40px; }}
  h1 {{ font-size: 76px; margin: 0 0 28px; font-weight: 700; }}
  p {{ font-size: 38px; margin: 0; line-height: 1.45; color: #e3efe9; }}
  .langs {{ margin-top: 44px; font-size: 30px; color: #b9d6ca; }}
</style></head><body><div class="mark">K</div><h1>{e(title)}</h1><p>{e(tagline)}</p>
<div class="langs">{e(languages)}</div></body></html>"""


def main() -> int:
    chromium = shutil.which("chromium")
    if not chromium:
        print("make_preview_images.py: Chromium not found (make browser installs it)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=SIZE)
        for lang, texts in CARDS.items():
            page.set_content(card_html(*texts))
            target = OUT / f"preview-{lang}.png"
            page.screenshot(path=str(target))
            print(f"wrote {target.relative_to(ROOT)}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
