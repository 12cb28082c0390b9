"""Phone screenshots for review (issue 13): home, an article, a term page and the
glossary, both languages, light and dark (prefers-color-scheme emulated), 390 px wide,
full page. With --figures, instead each figure (forest plots, the dose ladder) and study
table of the pages that show them, one image per element (issue 27). Written to
build/screenshots/ (not committed).

Usage: python -m bench.screenshots [--no-build] [--figures] [--out DIR]
  --no-build  use the site/ already built instead of running `make build`"""
import argparse
import sys
from pathlib import Path

from bench import LANG_PREFIXES, ROOT, BenchmarkError, log
from kb.finish import lazy_layout

PAGES = {
    "home": "",
    "article": "articles/mk4-vs-mk7-interview/",
    "term": "glossary/osteocalcin/",
    "glossary": "glossary/",
}
SCHEMES = ("light", "dark")
# Pages with figures and study tables, and what to photograph on them.
FIGURE_PAGES = {
    "dk-article": "articles/vitamin-k-with-vitamin-d/",
    "interview": "articles/mk4-vs-mk7-interview/",
    "mk-4": "glossary/mk-4/",
    "mk-7": "glossary/mk-7/",
    "claim-fractures": "claims/no-fracture-benefit-shown/",
}
FIGURES = "article figure.kb-figure, article .kb-studies"


def take_screenshots(base_url: str, out: Path, figures: bool = False) -> list[Path]:
    from kb.devtools.browser import chromium, phone_context

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with chromium() as browser:
        for lang, prefix in LANG_PREFIXES.items():
            for scheme in SCHEMES:
                context = phone_context(browser, lang, color_scheme=scheme, device_scale_factor=2)
                try:
                    page = context.new_page()
                    for name, path in (FIGURE_PAGES if figures else PAGES).items():
                        page.goto(base_url + prefix + path, wait_until="networkidle")
                        page.locator(lazy_layout.LAID_OUT).wait_for(state="attached")  # a long page's rest
                        if figures:
                            shots = page.locator(FIGURES)
                            targets = [(shots.nth(n), out / f"{lang}-{name}-{n + 1}-{scheme}.png") for n in range(shots.count())]
                        else:
                            targets = [(page, out / f"{lang}-{name}-{scheme}.png")]
                        for what, target in targets:
                            if what is page:
                                page.screenshot(path=str(target), full_page=True)
                            else:
                                what.screenshot(path=str(target))
                            written.append(target)
                            log(f"screenshot {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
                finally:
                    context.close()
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="use the existing site/ (no `make build`)")
    parser.add_argument("--figures", action="store_true", help="each figure and study table instead of whole pages")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots", help="output folder")
    args = parser.parse_args(argv)
    from kb.devtools.browser import CHROMIUM, chromium_available
    from bench.build import build_site
    from kb.commands.serve import open_server, serving

    if not chromium_available():
        print(f"bench.screenshots: no Chromium at {CHROMIUM} (`make browser` installs it)", file=sys.stderr)
        return 2
    server = open_server(ROOT / "site")
    try:
        if not args.no_build:
            build_site(ROOT, server.base_url)
        elif not (ROOT / "site" / "index.html").is_file():
            raise BenchmarkError("site/ is not built: run without --no-build")
    except BenchmarkError as exc:
        server.server_close()
        print(f"bench.screenshots: {exc}", file=sys.stderr)
        return 2
    with serving(server) as base_url:
        written = take_screenshots(base_url, args.out, args.figures)
    print(f"{len(written)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
