"""What a claim block shows below its text: its history of changes (collapsed) and a
"report a problem" link that opens a prefilled issue form on the repository.

Plain functions returning HTML; kb/render/pages.py calls claim_footer() when it closes a claim.
"""
import html
from urllib.parse import urlencode

from kb.model import languages
from kb.model.labels import label, review_date

E = html.escape
ISSUE_TEMPLATE = "claim-problem.yml"  # .github/ISSUE_TEMPLATE/claim-problem.yml


def verdict_badge(site, key: str, lang: str) -> str:
    name = site.verdicts.get(key, {}).get(lang, key)
    return f'<span class="kb-verdict kb-verdict--{E(key)}">{E(name)}</span>'


def change_summary(site, change, lang: str) -> str:
    """'<old> → <new>' for a verdict change; 'Revised (<verdict>)' when only the substance
    changed. A change that restated the claim names the old title beside the old verdict:
    '<old> "old title" → <new>', since the old verdict judged that title, not today's."""
    if change.old == change.new:
        key = "history_restated" if change.restated_from else "history_revised"
        return f'{label(key, lang)} {verdict_badge(site, change.new, lang)}'
    old = verdict_badge(site, change.old, lang)
    if change.restated_from.get(lang):
        old += " " + E(label("quoted", lang, text=change.restated_from[lang]))
    return f'{old} → {verdict_badge(site, change.new, lang)}'


def history_html(site, claim_id: str, lang: str) -> str:
    """The claim's history, newest first, in a closed <details>; '' when it has none."""
    record = site.claims.get(claim_id)
    if record is None or not record.history:
        return ""
    items = []
    for change in reversed(record.history):
        items.append(
            f'<li><time datetime="{E(change.date)}">{E(review_date(change.date, lang))}</time> '
            f'{change_summary(site, change, lang)}{label("colon", lang)}{E(change.reason.get(lang, ""))}</li>'
        )
    return (
        '<details class="kb-history">\n'
        f'<summary>{label("history", lang, n=len(items))}</summary>\n'
        '<ol class="kb-history__list">\n' + "\n".join(items) + "\n</ol>\n</details>"
    )


def report_url(repository: str, claim_id: str, page_url: str, lang: str) -> str:
    """A new-issue link that opens the claim-problem form with its fields filled in.

    GitHub issue forms take a field's value from the query parameter named by its id."""
    query = urlencode({
        "template": ISSUE_TEMPLATE,
        "title": label("report_issue_title", lang, id=claim_id),
        "claim-id": claim_id,
        "page-url": page_url,
        "language": lang,
    })
    return f"{repository.rstrip('/')}/issues/new?{query}"


def claim_url(site_url: str, page, claim_id: str) -> str:
    """The claim's public address: page URL in the page's language plus its anchor."""
    path = languages.url_in(languages.BY_CODE[page.lang], page.url)
    return languages.absolute(site_url, path) + "#" + claim_id


def report_link(repository: str, claim_id: str, page_url: str, lang: str) -> str:
    href = report_url(repository, claim_id, page_url, lang)
    # A plain link to a third-party site: a new tab keeps the reader's place; noopener
    # keeps GitHub's page from scripting this one.
    return (
        f'<a class="kb-claim__report" href="{E(href)}" target="_blank" rel="noopener nofollow"'
        f' title="{E(label("report_problem_hint", lang))}">{label("report_problem", lang)}</a>'
    )


def claim_footer(site, page, claim, site_url: str, repository: str) -> str:
    """HTML placed at the end of a claim block: history, then the report link."""
    parts = [history_html(site, claim.id, page.lang)]
    if repository:
        parts.append(f'<p class="kb-claim__foot">{report_link(repository, claim.id, claim_url(site_url, page, claim.id), page.lang)}</p>')
    parts = [p for p in parts if p]
    if not parts:
        return ""
    # Generated words are kept out of the search index (the claim text itself is indexed).
    # (="" : inside the claim's markdown="1" block a bare attribute would be dropped.)
    return '<div class="kb-claim__extra" data-search-exclude="">\n' + "\n".join(parts) + "\n</div>"
