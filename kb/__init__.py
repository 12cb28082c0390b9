"""The knowledge base's own logic, as plain functions.

MkDocs reaches it only through the thin adapter in overrides/hooks/kb_hook.py, and the
command-line entry points (kb-check, kb-build, kb-update-manifest, kb-serve) call the same functions, so the build and the checker
apply one set of rules.
"""
