"""Configuration: discovery, precedence (CLI > --config > nearest file > defaults), rule
selection, per-file ignores, severities, pins, excludes, and an exit-2 message naming the file,
the key and what was expected for every kind of mistake."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from xxgk_lint.check import all_checks
from xxgk_lint.cli import app
from xxgk_lint.config import Resolver, load_config

# A 2016 report: D001 fires (no statistics period, whole report) and T006 fires on line 3,
# column 9 (a half-width comma between Chinese characters).
REPORT = (
    "某某县水利局2016年政府信息公开工作年度报告\n"
    "一、主动公开政府信息情况\n"
    "全年主动公开信息,共计十二条。\n"
)

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["check", "--no-cache", "--format", "json", *args])


def codes(result) -> dict[str, list[tuple[str, str]]]:
    """path name -> [(code, severity)] of a JSON run."""
    data = json.loads(result.stdout)
    return {
        Path(f["path"]).name: [(d["code"], d["severity"]) for d in f["diagnostics"]]
        for f in data["files"]
    }


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """A project folder with one report in reports/ and the current folder set to it."""
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.txt").write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_configuration(project: Path) -> None:
    result = run("--select", "D001,T006", "reports")
    assert codes(result)["a.txt"] == [("D001", "error"), ("T006", "info")]


def test_pyproject_table_is_read(project: Path) -> None:
    write(
        project / "pyproject.toml", '[project]\nname = "x"\n\n[tool.xxgk-lint]\nselect = ["T006"]\n'
    )
    assert codes(run("reports"))["a.txt"] == [("T006", "info")]


def test_pyproject_without_table_is_skipped_for_a_parent_file(project: Path) -> None:
    write(project / "xxgk-lint.toml", 'select = ["D001"]\n')
    write(project / "reports" / "pyproject.toml", '[project]\nname = "x"\n')
    assert codes(run("reports"))["a.txt"] == [("D001", "error")]


def test_nearest_file_wins_over_a_parent(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.xxgk-lint]\nselect = ["D001"]\n')
    write(project / "reports" / "xxgk-lint.toml", 'select = ["T006"]\n')
    write(project / "other" / "b.txt", REPORT)
    found = codes(run("reports", "other"))
    assert found["a.txt"] == [("T006", "info")]
    assert found["b.txt"] == [("D001", "error")]


def test_dedicated_file_wins_over_pyproject_in_the_same_folder(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.xxgk-lint]\nselect = ["D001"]\n')
    write(project / "xxgk-lint.toml", 'select = ["T006"]\n')
    assert codes(run("reports"))["a.txt"] == [("T006", "info")]


def test_config_option_beats_the_nearest_file(project: Path) -> None:
    write(project / "reports" / "xxgk-lint.toml", 'select = ["T006"]\n')
    chosen = write(project / "ci" / "strict.toml", 'select = ["D001"]\n')
    assert codes(run("--config", str(chosen), "reports"))["a.txt"] == [("D001", "error")]


def test_command_line_beats_the_configuration(project: Path) -> None:
    write(project / "xxgk-lint.toml", 'select = ["T006"]\nlang = "en"\n')
    result = run("--select", "D001", "--lang", "zh", "reports")
    assert codes(result)["a.txt"] == [("D001", "error")]
    assert "统计期限" in json.loads(result.stdout)["files"][0]["diagnostics"][0]["message"]


def test_language_from_configuration(project: Path) -> None:
    write(project / "xxgk-lint.toml", 'select = ["D001"]\nlang = "en"\n')
    message = json.loads(run("reports").stdout)["files"][0]["diagnostics"][0]["message"]
    assert "statistics period" in message


def test_extend_select_and_ignore_layers(project: Path) -> None:
    write(
        project / "xxgk-lint.toml", 'select = ["D"]\nextend-select = ["T006"]\nignore = ["D00"]\n'
    )
    assert codes(run("reports"))["a.txt"] == [("T006", "info")]
    # The command line's extend-select adds to the configuration's choice...
    extended = run("--extend-select", "D001", "reports")
    assert codes(extended)["a.txt"] == [("D001", "error"), ("T006", "info")]
    # ...its ignore removes from it, and its select starts afresh.
    assert codes(run("--ignore", "T", "reports"))["a.txt"] == []
    assert codes(run("--select", "D001", "reports"))["a.txt"] == [("D001", "error")]


def test_isolated_ignores_configuration(project: Path) -> None:
    write(project / "xxgk-lint.toml", 'select = ["T006"]\n')
    result = run("--isolated", "--select", "D001,T006", "reports")
    assert codes(result)["a.txt"] == [("D001", "error"), ("T006", "info")]
    assert codes(run("--isolated", "--select", "D001", "reports"))["a.txt"] == [("D001", "error")]


def test_per_file_ignores(project: Path) -> None:
    write(project / "reports" / "2017" / "b.txt", REPORT)
    write(
        project / "xxgk-lint.toml",
        'select = ["D001", "T006"]\n[per-file-ignores]\n"reports/2017/*.txt" = ["D"]\n'
        '"a.txt" = ["T006"]\n',
    )
    found = codes(run("reports"))
    assert found["a.txt"] == [("D001", "error")]
    assert found["b.txt"] == [("T006", "info")]


def test_severity_override_including_off_and_prefixes(project: Path) -> None:
    write(
        project / "xxgk-lint.toml",
        'select = ["D001", "T006"]\n[severity]\nD = "warning"\nD001 = "info"\nT = "off"\n',
    )
    assert codes(run("reports"))["a.txt"] == [("D001", "info")]


def test_severity_decides_the_exit_code(project: Path) -> None:
    write(project / "xxgk-lint.toml", 'select = ["D001"]\n[severity]\nD001 = "warning"\n')
    assert run("reports").exit_code == 0
    assert run("--fail-on", "warning", "reports").exit_code == 1


def test_pins_reach_the_report_facts(project: Path) -> None:
    write(project / "xxgk-lint.toml", 'select = ["D001"]\nedition = "2021"\nyear = 2021\n')
    facts = json.loads(run("reports").stdout)["files"][0]["report"]
    assert (facts["edition"], facts["year"]) == ("2021", 2021)
    facts = json.loads(run("--year", "2018", "--edition", "2007", "reports").stdout)["files"][0]
    assert (facts["report"]["edition"], facts["report"]["year"]) == ("2007", 2018)


def test_deadline_and_issuer_reach_the_settings(project: Path) -> None:
    path = write(
        project / "xxgk-lint.toml",
        'issuer = "department"\n[deadline]\ndepartment = "01-20"\n',
    )
    resolver = Resolver(all_checks(), config_file=path)
    settings = resolver.settings_for(project / "reports" / "a.txt", resolver.config_for(None))
    assert settings.issuer == "department"
    assert settings.deadline_override("department") == (1, 20)
    assert settings.deadline_override("government") is None


def test_exclude_skips_folder_walks_but_not_named_files(project: Path) -> None:
    write(project / "reports" / "drafts" / "b.txt", REPORT)
    write(project / "xxgk-lint.toml", 'select = ["D001"]\nexclude = ["drafts/"]\n')
    assert set(codes(run("reports"))) == {"a.txt"}
    named = project / "reports" / "drafts" / "b.txt"
    assert set(codes(run(str(named)))) == {"b.txt"}
    assert codes(run("--force-exclude", str(named), "reports/a.txt")).keys() == {"a.txt"}


def test_stdin_uses_the_configuration_of_the_current_folder(project: Path) -> None:
    write(project / "xxgk-lint.toml", 'select = ["T006"]\n')
    result = runner.invoke(app, ["check", "--format", "concise", "-"], input=REPORT.encode("utf-8"))
    assert result.stdout.splitlines()[0].startswith("-:3:")
    assert " T006 " in result.stdout


# Every kind of configuration mistake: exit 2, one message naming the file, key and expectation.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('select = ["D001"\n', "invalid TOML"),
        ('selct = ["D001"]\n', "unknown key 'selct' (did you mean 'select'?)"),
        ('select = "D001"\n', "select: expected a list of rule codes"),
        ('select = ["Z9"]\n', "select: unknown rule code or prefix 'Z9'"),
        ('ignore = ["D-1"]\n', "ignore[0]: expected a rule code or prefix"),
        ('extend-select = ["Q9"]\n', "extend-select: unknown rule code or prefix 'Q9'"),
        ('[severity]\nD001 = "fatal"\n', 'severity.D001: expected one of "error"'),
        ('[severity]\nZ001 = "info"\n', "severity: unknown rule code or prefix 'Z001'"),
        ('[per-file-ignores]\n"*.txt" = "D001"\n', "per-file-ignores.'*.txt': expected a list"),
        ('edition = "2020"\n', "edition: expected the format edition"),
        ("edition = 2019\n", "edition: expected the format edition"),
        ("year = 1999\n", "year: expected the report year as an integer between 2008"),
        ('year = "2020"\n', "year: expected the report year"),
        ('issuer = "county"\n', "issuer: expected the issuer type"),
        ('[deadline]\ndepartment = "1-20"\n', 'deadline.department: expected a date as "MM-DD"'),
        ('[deadline]\ndepartment = "02-30"\n', "deadline.department: '02-30' is not a date"),
        ('[deadline]\ncounty = "01-20"\n', "unknown key 'county'"),
        ('lang = "fr"\n', "lang: expected the message language"),
        ("exclude = [1]\n", "exclude[0]: expected a gitignore-style glob as a string"),
    ],
)
def test_configuration_errors(project: Path, text: str, expected: str) -> None:
    config = write(project / "xxgk-lint.toml", text)
    result = run("reports")
    assert result.exit_code == 2, result.stdout
    assert str(config) in result.stderr
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_pyproject_errors_name_the_table(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.xxgk-lint]\nlang = "fr"\n')
    result = run("reports")
    assert result.exit_code == 2
    assert "[tool.xxgk-lint] lang: expected the message language" in result.stderr


def test_config_option_errors(project: Path) -> None:
    missing = run("--config", str(project / "nope.toml"), "reports")
    assert missing.exit_code == 2
    assert "no such configuration file" in missing.stderr
    bare = write(project / "ci" / "pyproject.toml", '[project]\nname = "x"\n')
    no_table = run("--config", str(bare), "reports")
    assert no_table.exit_code == 2
    assert "no [tool.xxgk-lint] table" in no_table.stderr


def test_every_key_of_the_schema_loads(project: Path) -> None:
    path = write(
        project / "xxgk-lint.toml",
        'select = ["ALL"]\nextend-select = ["D001"]\nignore = ["S"]\nedition = "2019"\n'
        'year = 2020\nissuer = "government"\nlang = "en"\nexclude = ["old/"]\n'
        '[per-file-ignores]\n"*.md" = ["T006"]\n[severity]\nT006 = "warning"\n'
        '[deadline]\ngovernment = "03-15"\ndepartment = "01-20"\n',
    )
    config = load_config(path, all_checks())
    assert config.rules.select == ("ALL",)
    assert config.per_file_ignores == (("*.md", ("T006",)),)
    assert (config.edition, config.year, config.issuer, config.lang) == (
        "2019",
        2020,
        "government",
        "en",
    )
    assert config.deadline == {"government": "03-15", "department": "01-20"}


@pytest.mark.parametrize("name", ["config", "output"])
def test_schema_command_prints_the_shipped_schema(name: str) -> None:
    result = runner.invoke(app, ["schema", name])
    assert result.exit_code == 0
    shown = json.loads(result.stdout)
    shipped = (
        resources.files("xxgk_lint").joinpath(f"schemas/{name}.schema.json").read_text("utf-8")
    )
    assert shown == json.loads(shipped)
    jsonschema.Draft202012Validator.check_schema(shown)


@pytest.mark.parametrize(
    "data", [b"\xff\xfeselect = []\n", '# 配置\nselect = ["D001"]\n'.encode("gb18030")]
)
def test_a_configuration_that_is_not_utf8_is_one_line(project: Path, data: bytes) -> None:
    (project / "xxgk-lint.toml").write_bytes(data)
    result = run("reports")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"xxgk-lint: {project / 'xxgk-lint.toml'}: invalid TOML: ")
    assert "not UTF-8" in result.stderr and "internal error" not in result.stderr


def test_a_configuration_with_a_utf8_byte_order_mark_is_read(project: Path) -> None:
    """Windows Notepad saves UTF-8 with a byte-order mark."""
    (project / "xxgk-lint.toml").write_bytes(b'\xef\xbb\xbfselect = ["T006"]\n')
    result = run("reports")
    assert result.exit_code == 0, result.stderr
    assert codes(result) == {"a.txt": [("T006", "info")]}


def test_config_option_naming_a_folder(project: Path) -> None:
    result = run("--config", str(project), "reports")
    assert result.exit_code == 2
    assert result.stderr == f"xxgk-lint: {project}: --config names a folder, not a file\n"
