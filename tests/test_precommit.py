"""The pre-commit hook, run by the real ``pre-commit try-repo`` against this repository's
working tree (copied into a temporary git repository, so uncommitted and untracked files of a
development checkout count, and a clean CI clone works the same)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow

GOOD = (
    "某某县水利局2016年政府信息公开工作年度报告\n"
    "本报告所列数据统计期限自2016年1月1日起至2016年12月31日止。\n"
)
BAD = "某某县水利局2016年政府信息公开工作年度报告\n一、主动公开政府信息情况\n"


def git(*args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
    }
    config = ["-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null"]
    done = subprocess.run(
        ["git", *config, *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture
def hook_repo(tmp_path: Path) -> Path:
    """A git repository holding this project's files as they are now."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    try:
        listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
    except subprocess.CalledProcessError:
        pytest.skip("the project is not a git checkout")
    repo = tmp_path / "hook-repo"
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            target = repo / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "snapshot", cwd=repo)
    return repo


def try_repo(
    hook_repo: Path, work: Path, home: Path, *files: str, hook: str = "xxgk-lint"
) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), hook,
         "--files", *files],
        cwd=work, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip


def test_hook_definition_covers_report_formats() -> None:
    import re

    yaml = pytest.importorskip("yaml")
    hook, fix_hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert (hook["id"], hook["language"]) == ("xxgk-lint", "python")
    assert hook["entry"].startswith("xxgk-lint check")
    assert (fix_hook["id"], fix_hook["files"]) == ("xxgk-lint-fix", hook["files"])
    assert fix_hook["entry"] == hook["entry"] + " --fix"
    names = ["a.txt", "b.md", "c.html", "d.htm", "e.docx", "f.pdf", "G.TXT"]
    assert all(re.search(hook["files"], n) for n in names)
    assert not any(re.search(hook["files"], n) for n in ["x.py", "y.png", "txt"])


def test_pre_commit_try_repo(hook_repo: Path, tmp_path: Path) -> None:
    pytest.importorskip("pre_commit")
    work = tmp_path / "reports-repo"
    work.mkdir()
    git("init", "-q", cwd=work)
    (work / "xxgk-lint.toml").write_text('select = ["D001", "T006"]\n', encoding="utf-8")
    (work / "good.txt").write_text(GOOD, encoding="utf-8")
    (work / "comma.txt").write_bytes(GOOD.replace("。", ",特此说明。").encode("gb18030"))
    (work / "bad.txt").write_text(BAD, encoding="utf-8")
    (work / "notes.py").write_text("print('not a report')\n", encoding="utf-8")
    git("add", "-A", cwd=work)
    home = tmp_path / "pre-commit-home"

    failing = try_repo(hook_repo, work, home, "bad.txt", "good.txt", "notes.py")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "bad.txt:1:1: D001" in failing.stdout
    assert "good.txt:" not in failing.stdout
    assert "notes.py" not in failing.stdout

    passing = try_repo(hook_repo, work, home, "good.txt")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout

    fixing = try_repo(hook_repo, work, home, "comma.txt", "good.txt", hook="xxgk-lint-fix")
    assert fixing.returncode == 1, fixing.stdout + fixing.stderr  # the hook changed a file
    assert "files were modified by this hook" in fixing.stdout
    expected = GOOD.replace("。", "，特此说明。").encode("gb18030")
    assert (work / "comma.txt").read_bytes() == expected  # fixed, in its own encoding
    assert (work / "good.txt").read_text("utf-8") == GOOD
