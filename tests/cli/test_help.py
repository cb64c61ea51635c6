"""Every command has help text with an example, and the README documents every command (datasette-style)."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents.cli import cli

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.commands)


def test_the_commands_are_all_there():
    assert {"code", "evaluate", "serve", "query", "export", "trends", "alerts", "train-syntax"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_that_teaches(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert cli.commands[name].help and len(cli.commands[name].help) > 40
    assert "newsevents " + name in result.output or "Example" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name):
    assert f"newsevents {name}" in README
