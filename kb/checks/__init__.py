"""Every content rule that reports `path:line: CODE message` (kb/checks/check.py runs them all
over the model), plus the audits of built HTML and the link manifest."""
