"""The search index as readers download it, and proof that Chinese was segmented.

Each language build writes its own index (search/search_index.json under its root).
Material writes it with \\uXXXX escapes; rewritten as raw UTF-8 the Chinese index is about
half the size. Only the JSON encoding changes, never the content.
"""
import json
import re
from pathlib import Path

HAN = re.compile(r"[\u4e00-\u9fff]")
SEGMENT_MARK = "\u200b"  # what Material's jieba step puts between Chinese words
INDEX = Path("search") / "search_index.json"


class SegmentationError(Exception):
    pass


def unsegmented_docs(index: dict) -> list[str]:
    """Locations whose Chinese text carries no segmentation mark (jieba did not run)."""
    return [
        doc["location"]
        for doc in index["docs"]
        if len(HAN.findall(doc.get("text", ""))) > 3 and SEGMENT_MARK not in doc["text"]
    ]


def finish_index(site_dir: Path) -> int:
    """Check and re-encode one build's index in place; return its size in bytes."""
    path = Path(site_dir) / INDEX
    index = json.loads(path.read_text("utf-8"))
    unsegmented = unsegmented_docs(index)
    if unsegmented:
        raise SegmentationError(
            f"Chinese search text is not segmented ({len(unsegmented)} entries, first: "
            f"{unsegmented[0]}); is jieba installed?"
        )
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    path.write_text(data, "utf-8")
    return len(data.encode("utf-8"))
