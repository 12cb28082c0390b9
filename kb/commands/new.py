"""Start a new claim, term or article: every file it needs in every language, with
placeholders (`TODO: ...`) that kb-check then lists (NEW001) until they are filled in, and
the new pages and anchors added to links/manifest.txt.

Usage:
  kb-new claim ID --article articles/NAME --verdict VERDICT
  kb-new term ID --topic TOPIC            (a file of data/glossary/)
  kb-new article articles/NAME
  (each takes --root DIR; default: the current directory)
"""
import argparse
import sys
from pathlib import Path

from kb.checks import manifest
from kb.commands import site_root
from kb.model import claims, scaffold
from kb.model.content import load_site
from kb.model.languages import LANGUAGES, url_in

NEXT = {
    "claim": "fill in each placeholder (kb-check lists them as NEW001), cite a source in both blocks, then run kb-check",
    "term": "fill in each placeholder, then link the term from a page that uses it, in both languages: "
            "[[{id}]] (kb-check reports TRM005 until a page links it), then run kb-check",
    "article": "fill in each placeholder (the nav labels are in mkdocs.yml), then run kb-check",
}


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kb-new", description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("Usage:")[1])
    parser.add_argument("--root", type=Path, default=Path("."), help="the site's repository (default: the current directory)")
    kinds = parser.add_subparsers(dest="kind", required=True)
    claim = kinds.add_parser("claim", help="a claim block in an article, its data and its pages")
    claim.add_argument("id", help="ASCII kebab-case, unique site-wide: the URL anchor")
    claim.add_argument("--article", required=True, help="the article that states it, e.g. articles/mk4-vs-mk7-interview")
    claim.add_argument("--verdict", required=True, help="a key of data/verdicts.yaml")
    term = kinds.add_parser("term", help="a glossary entry and its pages")
    term.add_argument("id", help="ASCII kebab-case: the URL /glossary/ID/")
    term.add_argument("--topic", required=True, help="the data/glossary/<topic>.yaml file to add it to")
    article = kinds.add_parser("article", help="an article's pages and its nav entry")
    article.add_argument("path", help="e.g. articles/vitamin-k2-and-arteries")
    return parser


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    root = site_root(args.root)
    if root is None:
        return 1
    site = load_site(root)
    try:
        if args.kind == "claim":
            written = scaffold.new_claim(root, args.id, args.article, args.verdict, site)
        elif args.kind == "term":
            written = scaffold.new_term(root, args.id, args.topic, site)
        else:
            written = scaffold.new_article(root, args.path, site)
    except scaffold.ScaffoldError as exc:
        print(f"kb-new: {exc}; nothing was written", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    # A claim's page and a term's page get their reference list once they cite a source, as
    # every claim must (CLM004) and every term page does: its anchor is promised now.
    page = {"claim": claims.page_url, "term": lambda term_id: f"glossary/{term_id}/"}.get(args.kind)
    promised = [manifest.written(url_in(lang, page(args.id)) + "#references") for lang in LANGUAGES] if page else []
    added = manifest.add_new(load_site(root), promised)
    print(f"{manifest.MANIFEST_FILE}: {len(added)} new page(s) and anchor(s) added")
    print("next: " + NEXT[args.kind].format(id=getattr(args, "id", "")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
