"""What a new claim, term or article needs in the sources, written with placeholders.

kb-new (kb/commands/new.py) calls these. Each writes every file the item needs in every
language, with a placeholder `TODO: <what to write>` wherever only the editor can supply
the words; kb-check then reports each placeholder as NEW001 with that instruction
(kb/checks/placeholders.py), so the checker's list is the editor's to-do list. The text is
appended with plain string edits, not a YAML round trip, so the files' comments and layout
stay as they were.

Each function returns the repository-relative paths it wrote, or raises ScaffoldError with
a message for the editor (nothing is written then).
"""
import datetime
import re
from pathlib import Path

from kb.model.claims import page_path as claim_page_path, PAGE_DIRECTIVE
from kb.model.claim_data import CLAIMS_FILE
from kb.model.diagnostics import PLACEHOLDER

# The placeholder marker: what follows it on the line (up to a quote) is the instruction.
MARKER = PLACEHOLDER
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
GLOSSARY_DIR = "data/glossary"
NAV_CONFIG = "mkdocs.yml"


class ScaffoldError(Exception):
    pass


def todo(instruction: str) -> str:
    return MARKER + instruction


def quoted(instruction: str) -> str:
    """A placeholder as a YAML double-quoted string."""
    return '"' + todo(instruction).replace('"', "'") + '"'


# --- Claims -----------------------------------------------------------------------------

CLAIM_BODY = {
    "zh": ("**说法**：" + todo("用中文写下这条说法：谁、在哪里、怎么说的（尽量转述原话）"),
           todo("用中文写评析：证据说明了什么、没说明什么，注明证据的局限；每个事实句都引用 data/references.bib 中的来源")),
    "en": ("**Claim:** " + todo("state the claim as its claimant makes it: who, where, in their words"),
           todo("write the assessment: what the evidence shows and does not show, with its caveats; every factual sentence cites a source of data/references.bib")),
}


def claim_entry(claim_id: str) -> str:
    """The data/claims.yaml entry of a new claim (keys: title, questions, then the claim's
    claimant, appearance and one-line conclusion)."""
    return f"""
{claim_id}:
  title:
    zh: {quoted("读者转述这条说法时的说法，简短（用作标题、预览卡和引用链接文字）")}
    en: {quoted("the claim as readers would quote it, short (its heading, preview card and cite-link text)")}
  questions:
    zh: [{quoted("论坛读者会怎么问（口语）")}, {quoted("第二种问法")}, {quoted("第三种问法（共 3～5 条）")}]
    en: [{quoted("how a forum reader asks it (colloquial)")}, {quoted("a second way")}, {quoted("a third way (3 to 5 in all)")}]
  claimant:
    zh: {quoted("谁提出这条说法")}
    en: {quoted("who makes the claim")}
  appearance: {quoted("where the claim appears: a key of data/references.bib or a URL")}
  conclusion:
    zh: {quoted("一句话结论：证据实际说明了什么")}
    en: {quoted("one line: what the evidence actually shows")}
"""


def new_claim(root: Path, claim_id: str, article: str, verdict: str, site) -> list[str]:
    """A claim block at the end of the article in every language, its data/claims.yaml entry
    and its one-line pages."""
    article = neutral_path(article)
    if not ID.fullmatch(claim_id):
        raise ScaffoldError(f"claim id '{claim_id}' is not ASCII kebab-case (e.g. mk7-just-converted-to-mk4)")
    if verdict not in site.verdicts:
        raise ScaffoldError(f"unknown verdict '{verdict}' (known: {', '.join(site.verdicts)}; data/verdicts.yaml)")
    used = {claim.id for page in site.pages.values() for claim in page.parsed.claims} | set(site.claims)
    if claim_id in used:
        raise ScaffoldError(f"claim id '{claim_id}' is already used (claim ids are unique site-wide)")
    pages = [f"docs/{lang}/{article}" for lang in site.languages]
    missing = [path for path in pages if not (root / path).is_file()]
    if missing:
        raise ScaffoldError(f"no article {missing[0]} (write the article first: kb-new article {article[:-3]})")
    stubs = [f"docs/{lang}/{claim_page_path(claim_id)}" for lang in site.languages]
    for lang, path in zip(site.languages, pages):
        statement, assessment = CLAIM_BODY.get(lang, CLAIM_BODY["en"])
        append(root / path, f"\n::: claim {claim_id} {verdict}\n{statement}\n\n{assessment}\n:::\n")
    append(root / CLAIMS_FILE, claim_entry(claim_id))
    for stub in stubs:
        write_new(root / stub, f"::: {PAGE_DIRECTIVE}\n")
    return pages + [CLAIMS_FILE] + stubs


# --- Terms ------------------------------------------------------------------------------

TERM_NAME = {"zh": "中文名（标准译名）", "en": "English name, lower case unless a proper noun"}
TERM_PAGE = {
    "zh": ("一句话定义（用作页面描述和悬停提示）",
           "用中文写正文：它是什么、与维生素 K 有什么关系；每个事实句都引用 data/references.bib 中的来源"),
    "en": ("a one-sentence definition (the page description and the link tooltip)",
           "write the text: what it is and how it relates to vitamin K; every factual sentence cites a source of data/references.bib"),
}


def new_term(root: Path, term_id: str, topic: str, site) -> list[str]:
    """The term's entry in data/glossary/<topic>.yaml and its page in every language."""
    if not ID.fullmatch(term_id):
        raise ScaffoldError(f"term id '{term_id}' is not ASCII kebab-case (e.g. matrix-gla-protein)")
    topics = sorted(path.stem for path in (root / GLOSSARY_DIR).glob("*.yaml"))
    if topic not in topics:
        raise ScaffoldError(f"no topic '{topic}' in {GLOSSARY_DIR}/ (topics: {', '.join(topics)})")
    if term_id in site.terms:
        raise ScaffoldError(f"term '{term_id}' exists already ({site.terms[term_id].path})")
    pages = [f"docs/{lang}/glossary/{term_id}.md" for lang in site.languages]
    names = "".join(f"  {lang}: {quoted(TERM_NAME.get(lang, TERM_NAME['en']))}\n" for lang in site.languages)
    entry = (f"\n- id: {term_id}\n{names}"
             "  # related: [other-term-ids]         optional\n"
             "  # sources: [keys of data/references.bib]\n")
    for path in pages:
        if (root / path).exists():
            raise ScaffoldError(f"{path} exists already")
    append(root / GLOSSARY_DIR / f"{topic}.yaml", entry)
    for lang, path in zip(site.languages, pages):
        definition, text = TERM_PAGE.get(lang, TERM_PAGE["en"])
        write_new(root / path, f"---\ndefinition: {quoted(definition)}\nreviewed: {today()}\n---\n\n{todo(text)}\n")
    return [f"{GLOSSARY_DIR}/{topic}.yaml"] + pages


# --- Articles ---------------------------------------------------------------------------

ARTICLE_PAGE = {
    "zh": ("一两句话概述本文（搜索引擎和链接预览用）", "文章标题",
           "用中文写正文；每个小标题带显式 ASCII id，两种语言相同（见 AUTHORING.md 的 Headings）"),
    "en": ("one or two sentences on the article (search engines and link previews)", "the article's title",
           "write the text; every heading carries an explicit ASCII id, the same in both languages (AUTHORING.md, Headings)"),
}


def new_article(root: Path, article: str, site) -> list[str]:
    """The article's page in every language and its entry in the navigation (mkdocs.yml
    nav and the English nav_translations)."""
    article = neutral_path(article)
    anchor = Path(article).stem
    if not ID.fullmatch(anchor):
        raise ScaffoldError(f"'{anchor}' is not ASCII kebab-case: it becomes the URL /{article[:-3]}/")
    pages = [f"docs/{lang}/{article}" for lang in site.languages]
    for path in pages:
        if (root / path).exists():
            raise ScaffoldError(f"{path} exists already")
    config = root / NAV_CONFIG
    text = config.read_text("utf-8")
    label = f"TODO: nav label, the Chinese H1 of {article}"
    text = add_nav_entry(text, f'"{label}"', article)
    text = add_nav_translation(text, f'"{label}"', f'"TODO: the English H1 of {article}"')
    for lang, path in zip(site.languages, pages):
        description, title, body = ARTICLE_PAGE.get(lang, ARTICLE_PAGE["en"])
        write_new(root / path, f"---\ndescription: {quoted(description)}\nreviewed: {today()}\n---\n\n"
                               f"# {todo(title)} {{#{anchor}}}\n\n{todo(body)}\n")
    config.write_text(text, "utf-8")
    return pages + [NAV_CONFIG]


def add_nav_entry(text: str, label: str, article: str) -> str:
    """Insert `- label: article` into the nav: after the last entry of the same folder, or
    at the nav's end."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == "nav:"), None)
    if start is None:
        raise ScaffoldError(f"{NAV_CONFIG} has no nav: add the page to the nav by hand")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() and not lines[i].startswith(" ")), len(lines))
    folder = article.rsplit("/", 1)[0] + "/" if "/" in article else None
    same = [i for i in range(start + 1, end) if folder and re.search(rf":\s*{re.escape(folder)}\S+\.md\s*$", lines[i])]
    if same:
        at = same[-1]
        indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
    else:
        at = max(i for i in range(start, end) if lines[i].strip())
        indent = "  "
    lines.insert(at + 1, f"{indent}- {label}: {article}\n")
    return "".join(lines)


def add_nav_translation(text: str, label: str, english: str) -> str:
    """Add `label: english` at the end of the English language's nav_translations."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.strip() == "nav_translations:"), None)
    if start is None:
        raise ScaffoldError(f"{NAV_CONFIG} has no nav_translations: add the English nav label by hand")
    indent = len(lines[start]) - len(lines[start].lstrip())
    at = start
    for i in range(start + 1, len(lines)):
        if lines[i].strip() and len(lines[i]) - len(lines[i].lstrip()) <= indent:
            break
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            at = i
    lines.insert(at + 1, " " * (indent + 2) + f"{label}: {english}\n")
    return "".join(lines)


# --- Helpers ----------------------------------------------------------------------------

def neutral_path(article: str) -> str:
    """'articles/x', 'articles/x.md' or 'docs/zh/articles/x.md' -> 'articles/x.md'."""
    path = article.strip().strip("/")
    path = re.sub(r"^docs/[^/]+/", "", path)
    return path if path.endswith(".md") else path + ".md"


def today() -> str:
    return datetime.date.today().isoformat()


def append(file: Path, text: str):
    existing = file.read_text("utf-8")
    file.write_text(existing + ("" if existing.endswith("\n") else "\n") + text, "utf-8")


def write_new(file: Path, text: str):
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, "utf-8")
