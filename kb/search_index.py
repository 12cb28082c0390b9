"""One search index per language, and proof that Chinese was segmented.

mkdocs-static-i18n merges both languages into one index at /search/search_index.json,
so a reader downloads both and gets results in both. After the build this module splits
it: /search/search_index.json keeps the Chinese pages, /en/search/search_index.json the
English ones (overrides/main.html points English pages' search at /en/). The JSON is
written with raw UTF-8, not \\uXXXX escapes: the zh index shrinks by about half.
"""
import json
import re
from pathlib import Path

from kb.languages import DEFAULT, LANGUAGES, split_url

HAN = re.compile(r"[\u4e00-\u9fff]")
SEGMENT_MARK = "\u200b"  # what Material's jieba step puts between Chinese words


class SegmentationError(Exception):
    pass


def split_by_language(index: dict) -> dict[str, dict]:
    """Partition a merged index; each location becomes relative to its language root."""
    docs = {lang.code: [] for lang in LANGUAGES}
    for doc in index["docs"]:
        lang, path = split_url(doc["location"])
        docs[lang.code].append({**doc, "location": path})
    return {
        code: {"config": {**index["config"], "lang": [code]}, "docs": entries}
        for code, entries in docs.items()
    }


def unsegmented_docs(index: dict) -> list[str]:
    """Locations whose Chinese text carries no segmentation mark (jieba did not run)."""
    return [
        doc["location"]
        for doc in index["docs"]
        if len(HAN.findall(doc.get("text", ""))) > 3 and SEGMENT_MARK not in doc["text"]
    ]


def index_path(site_dir: Path, code: str) -> Path:
    lang = next(lang for lang in LANGUAGES if lang.code == code)
    return Path(site_dir) / lang.prefix / "search" / "search_index.json"


def split_site_index(site_dir: Path) -> dict[str, int]:
    """Split the merged index of a built site in place; return bytes written per language."""
    merged = json.loads(index_path(site_dir, DEFAULT.code).read_text("utf-8"))
    per_language = split_by_language(merged)
    unsegmented = unsegmented_docs(per_language[DEFAULT.code])
    if unsegmented:
        raise SegmentationError(
            f"Chinese search text is not segmented ({len(unsegmented)} entries, first: "
            f"{unsegmented[0]}); is jieba installed?"
        )
    sizes = {}
    for code, index in per_language.items():
        path = index_path(site_dir, code)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        path.write_text(data, "utf-8")
        sizes[code] = len(data.encode("utf-8"))
    return sizes
