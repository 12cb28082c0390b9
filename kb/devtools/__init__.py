"""Tools for driving and inspecting the built site that both the benchmark (bench/) and
the tests (tests/) use: the one Chromium launcher (browser.py) and mkdocs.yml read as
data (config.py). They live in kb, not in bench or tests, so that neither of those two
imports the other: kb is the installed package both already import."""
