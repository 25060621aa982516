"""Docs are kept true by tests: generated pages are current, every command is documented."""

from typer.testing import CliRunner

from flows import docs
from flows.cli import app
from flows.settings import project_root

ROOT = project_root()


def test_data_dictionary_is_current():
    assert docs.DICTIONARY.read_text(encoding="utf-8") == docs.data_dictionary()


def test_outlet_table_in_readme_is_current():
    readme = docs.README.read_text(encoding="utf-8")
    assert docs.readme_with_outlets(readme) == readme


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert names and all(f"`warta {n}" in readme for n in names)


def test_help_lists_every_command_with_a_purpose():
    result = CliRunner().invoke(app, ["--help"])
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert result.exit_code == 0 and all(n in result.output for n in names)


def test_each_user_has_a_page():
    assert all((ROOT / "docs" / f"{u}.md").exists() for u in ("operator", "analyst", "researcher"))
