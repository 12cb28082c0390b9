"""Build the whole site: each language on its own, in turn, into one output directory.

The default language's config (mkdocs.yml) builds into the output's root and empties it
first; every other language's config (mkdocs.<code>.yml, which INHERITs mkdocs.yml) builds
into <output>/<prefix>. A failed build stops the run, so the content check (in the default
language's build) reports each problem once. SITE_URL, when set, is the whole site's
address; each other language gets its own (SITE_URL_EN = SITE_URL + "en/").

Usage: kb-build [--site DIR] [--root DIR] [--quiet]      (or: make build)
"""
import argparse
import os
import subprocess
import sys
from pathlib import Path

from kb.commands import site_root
from kb.model.languages import DEFAULT, LANGUAGES, Language



def config_file(root: Path, lang: Language) -> Path:
    return Path(root) / ("mkdocs.yml" if lang == DEFAULT else f"mkdocs.{lang.code}.yml")


def language_env(lang: Language, env: dict) -> dict:
    """The environment of one language's build: its own SITE_URL_<CODE> from SITE_URL."""
    env = {**env, "NO_MKDOCS_2_WARNING": "1"}
    name = f"SITE_URL_{lang.code.upper().replace('-', '_')}"
    if lang.prefix and env.get("SITE_URL") and name not in env:
        env[name] = env["SITE_URL"].rstrip("/") + "/" + lang.prefix
    return env


def build_commands(root: Path, site_dir: Path, quiet: bool = False) -> list[tuple[Language, list[str]]]:
    commands = []
    for lang in sorted(LANGUAGES, key=lambda lang: lang != DEFAULT):  # default first: it empties site_dir
        command = [sys.executable, "-m", "mkdocs", "build", "--strict",
                   "-f", str(config_file(root, lang)), "-d", str(Path(site_dir) / lang.prefix)]
        commands.append((lang, command + (["--quiet"] if quiet else [])))
    return commands


def build_site(root: Path, site_dir: Path | None = None, quiet: bool = False,
               capture: bool = False, env: dict | None = None) -> tuple[int, str]:
    """Build every language; return (exit status, captured output or '')."""
    root = Path(root).resolve()
    site_dir = Path(site_dir or root / "site").resolve()
    output = []
    for lang, command in build_commands(root, site_dir, quiet):
        result = subprocess.run(command, cwd=root, env=language_env(lang, env or dict(os.environ)),
                                capture_output=capture, text=True)
        if capture:
            output.append(result.stdout + result.stderr)
        if result.returncode != 0:
            return result.returncode, "".join(output)
    return 0, "".join(output)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="output directory (default: ROOT/site)")
    parser.add_argument("--root", type=Path, default=Path("."), help="the site's repository (default: the current directory)")
    parser.add_argument("--quiet", action="store_true", help="print only warnings and errors")
    args = parser.parse_args(argv)
    root = site_root(args.root)
    if root is None:
        return 1
    status, _ = build_site(root, args.site, args.quiet)
    return status


if __name__ == "__main__":
    sys.exit(main())
