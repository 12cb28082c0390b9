"""The knowledge base's own logic, as plain functions, grouped by stage:

- kb.model     load and validate the sources (pages, glossary, bibliography, claims, ...)
- kb.checks    every content rule, reported as `path:line: CODE message`
- kb.render    the site's Markdown markers -> HTML (templates in kb/render/html/)
- kb.finish    what is done to built pages (inline CSS, scripts, CSP, search index, cards)
- kb.commands  the kb-* console commands (argument parsing only)

MkDocs reaches it only through the thin adapter in overrides/hooks/kb_hook.py, and the
commands call the same functions, so the build and the checker apply one set of rules.
"""
