"""Interface words of generated content, per language."""
LABELS = {
    "references": {"zh": "参考文献", "en": "References"},
    "definition": {"zh": "定义", "en": "Definition"},
    "other_name": {"zh": "英文", "en": "Chinese"},  # the name in the other language
    "abbreviations": {"zh": "缩写", "en": "Abbreviations"},
    "also_called": {"zh": "又称", "en": "Also written"},
    "related": {"zh": "相关术语", "en": "Related terms"},
    "appears_in": {"zh": "出现于", "en": "Appears in"},
    "appears_nowhere": {"zh": "暂无页面引用此术语。", "en": "No page refers to this term yet."},
    "claim": {"zh": "论断", "en": "claim"},
    "note": {"zh": "常见混淆", "en": "Common confusion"},
    "cited_by": {"zh": "引用页面", "en": "Cited by"},
    "in_bibliography": {"zh": "书目", "en": "bibliography"},
    "verdict": {"zh": "结论标签", "en": "Verdict"},
    "verdict_en": {"zh": "英文标签", "en": "Chinese label"},
    "meaning": {"zh": "含义", "en": "Meaning"},
    "filter_label": {"zh": "筛选术语", "en": "Filter terms"},
    "filter_placeholder": {"zh": "名称、缩写或拼音，如 ggs", "en": "Name, abbreviation or pinyin: MK7"},
    "filter_none": {"zh": "没有匹配的术语。", "en": "No matching term."},
    "terms_count": {"zh": "共 {n} 个术语", "en": "{n} terms"},
    "copy_link": {"zh": "复制链接", "en": "Copy link"},
    "copied": {"zh": "已复制", "en": "Copied"},
    "moved_title": {"zh": "页面已移动", "en": "Page moved"},
    "moved_to": {"zh": "本页已移至 {link}。", "en": "This page has moved to {link}."},
    "not_found_title": {"zh": "找不到这个页面", "en": "Page not found"},
    "not_found_text": {
        "zh": "这个地址没有页面：可能输错了，或者页面已移动。可以用上方的搜索，或回到首页。",
        "en": "There is no page at this address: it may be mistyped, or the page has moved. Try the search above, or go back to the home page.",
    },
    "not_found_home": {"zh": "回到首页", "en": "Go to the home page"},
    "reviewed": {"zh": "最后审核：", "en": "Last reviewed:"},
    "cite_this_page": {"zh": "引用本页", "en": "Cite this page"},
    "copy_plain": {"zh": "复制链接", "en": "Copy link"},
    "copy_markdown": {"zh": "复制 Markdown", "en": "Copy Markdown"},
    "copy_bbcode": {"zh": "复制 BBCode", "en": "Copy BBCode"},
    "extracts": {"zh": "本站引用的内容（英文摘录）", "en": "What this site uses from it"},
    "status_as_of": {"zh": "{status}，截至 {date}", "en": "{status} as of {date}"},
    "status_draft": {"zh": "草案", "en": "draft"},
    "status_preprint": {"zh": "预印本", "en": "preprint"},
    "status_expression-of-concern": {"zh": "已发关注声明", "en": "expression of concern"},
    "status_under-update": {"zh": "正在更新", "en": "under update"},
    "cite_hint": {
        "zh": "BBCode 适用于 Discuz! 等论坛。把网址中的 /en/ 去掉或加上即可在中英文版本之间切换。",
        "en": "BBCode suits Discuz!-style forums. Adding or removing /en/ in the address switches between the English and Chinese versions.",
    },
    # Shown only when the script that adds those buttons runs.
    "cite_hint_buttons": {
        "zh": "每个标题和论断旁的链接按钮可复制指向该处的链接。",
        "en": "The link button beside every heading and claim copies a link to that spot.",
    },
    # Claim history, "what changed" page and feed, report a problem (kb/claim_history.py, kb/changes.py, kb/feed.py)
    "colon": {"zh": "：", "en": ": "},
    "history": {"zh": "修订记录（{n}）", "en": "History ({n})"},
    "history_revised": {"zh": "内容修订，结论仍为", "en": "Revised, verdict still"},
    "report_problem": {"zh": "报告问题", "en": "Report a problem"},
    "report_problem_hint": {"zh": "在 GitHub 上报告这条论断的问题（新标签页打开）", "en": "Report a problem with this claim on GitHub (opens in a new tab)"},
    "report_issue_title": {"zh": "论断 {id} 有问题", "en": "Problem with claim {id}"},
    "changes_feed": {"zh": "订阅修订记录（Atom 源）", "en": "Follow these changes (Atom feed)"},
    "changes_none": {"zh": "暂无修订。", "en": "No changes recorded yet."},
    "feed_title": {"zh": "维生素 K 证据库：修订记录", "en": "Vitamin K Evidence Base: what changed"},
    "feed_subtitle": {"zh": "论断结论或内容的每一次修改，附日期与理由。", "en": "Every change to a claim's verdict or substance, with its date and reason."},
    "feed_author": {"zh": "维生素 K 证据库", "en": "Vitamin K Evidence Base"},
    "feed_revised": {"zh": "内容修订（{verdict}）", "en": "Revised ({verdict})"},
}


def label(name: str, lang: str, **values) -> str:
    return LABELS[name][lang].format(**values)
