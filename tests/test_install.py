"""The package as `pip install .` installs it (not editable): a wheel built with the pinned
build backend (pyproject.toml's build-system) and installed into a fresh directory gives
working kb-* commands with their templates and data files, run on a site in any directory."""
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from helpers import BUILD_FILES, FIXTURE, REPO


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("install")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    # An isolated build: pip installs the pinned setuptools, as any `pip install .` does.
    subprocess.run([*pip, "wheel", "--no-deps", "--wheel-dir", str(tmp / "wheel"), str(REPO)],
                   check=True, capture_output=True, timeout=600)
    wheel = next((tmp / "wheel").glob("*.whl"))
    subprocess.run([*pip, "install", "--no-deps", "--no-index", "--target", str(tmp / "target"), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    # The installed copy comes first; its dependencies are this environment's.
    env = {**os.environ, "PYTHONPATH": str(tmp / "target"), "NO_MKDOCS_2_WARNING": "1"}
    return {"wheel": wheel, "bin": tmp / "target" / "bin", "env": env, "cwd": tmp}


def run(installed, command, *args, cwd=None):
    return subprocess.run([str(installed["bin"] / command), *args], cwd=cwd or installed["cwd"],
                          env=installed["env"], capture_output=True, text=True, timeout=120)


def test_wheel_holds_every_subpackage_template_and_data_file(installed):
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    for name in ("kb/model/labels/zh.py", "kb/render/html/reference_list.md", "kb/checks/autocorrect.yml",
                 "kb/commands/new.py", "kb/finish/page_css.py"):
        assert name in names, name


def test_installed_commands_run_from_the_installed_copy(installed):
    where = subprocess.run([sys.executable, "-c", "import kb; print(kb.__file__)"], cwd=installed["cwd"],
                           env=installed["env"], capture_output=True, text=True)
    assert where.stdout.startswith(str(installed["cwd"] / "target")), where.stdout
    result = run(installed, "kb-check", "--codes")
    assert result.returncode == 0, result.stderr
    assert "NEW001" in result.stdout and "LNK103" in result.stdout
    for command in ("kb-build", "kb-new", "kb-serve", "kb-update-manifest"):
        assert run(installed, command, "--help").returncode == 0, command


def test_installed_checker_checks_the_site_it_is_run_in(installed):
    result = run(installed, "kb-check", cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr.splitlines()[-1].startswith("kb-check: ")
    assert run(installed, "kb-check", "--root", str(REPO)).returncode == 0
    # Outside a site: a message, not a traceback.
    outside = run(installed, "kb-check")
    assert outside.returncode == 1 and "not a site" in outside.stderr and "Traceback" not in outside.stderr


def test_installed_build_renders_with_the_installed_templates(installed, tmp_path):
    root = tmp_path / "site-root"
    shutil.copytree(FIXTURE, root)
    for item in BUILD_FILES:
        (shutil.copytree if (REPO / item).is_dir() else shutil.copy)(REPO / item, root / item)
    result = run(installed, "kb-build", "--quiet", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (root / "site/en/articles/vitamin-k-with-vitamin-d/index.html").read_text("utf-8")
    assert 'class="kb-references"' in html  # kb/render/html/reference_list.md, from the wheel
