"""Build the whole site: each language on its own, in turn, into one output directory.

The default language's config (mkdocs.yml) builds into the output's root and empties it
first; every other language's config (mkdocs.<code>.yml, which INHERITs mkdocs.yml) builds
into <output>/<prefix>. A failed build stops the run, so the content check (in the default
language's build) reports each problem once. SITE_URL, when set, is the whole site's
address; each other language gets its own (SITE_URL_EN = SITE_URL + "en/").

Without SITE_URL the site is built for the local preview's address (mkdocs.yml). A build
to publish runs with --release, which refuses to start unless SITE_URL (the address the
site is served from) and SITE_REPOSITORY (where readers report problems) are set: the
Pages workflow derives both from the repository it runs in.

Usage: kb-build [--site DIR] [--root DIR] [--quiet] [--release]      (or: make build)
"""
import argparse
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from kb.commands import site_root
from kb.model.languages import DEFAULT, LANGUAGES, Language



# What a release build must be told, and what each is for (the message when one is missing).
RELEASE_SETTINGS = {
    "SITE_URL": "the address the site is served from, e.g. https://<owner>.github.io/<name>/",
    "SITE_REPOSITORY": "the repository readers report problems to, e.g. https://github.com/<owner>/<name>",
}
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}


def release_problems(env: dict) -> list[str]:
    """Why the environment cannot make a release build ([] when it can)."""
    problems = []
    for name, meaning in RELEASE_SETTINGS.items():
        value = env.get(name, "").strip()
        url = urlsplit(value)
        if not value:
            problems.append(f"kb-build --release: set {name} to {meaning}")
        elif url.scheme not in ("http", "https") or not url.hostname or url.hostname in LOCAL_HOSTS:
            problems.append(f"kb-build --release: {name}='{value}' is not a public http(s) address ({meaning})")
    return problems


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
    parser.add_argument("--release", action="store_true", help="a build to publish: require SITE_URL and SITE_REPOSITORY")
    args = parser.parse_args(argv)
    problems = release_problems(os.environ) if args.release else []
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    root = site_root(args.root)
    if root is None:
        return 1
    status, _ = build_site(root, args.site, args.quiet)
    return status


if __name__ == "__main__":
    sys.exit(main())
