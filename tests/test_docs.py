"""Docs and help stay in sync: every command has help and is in the README."""

from __future__ import annotations

from pathlib import Path

import typer.main

from gcm_review.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, object]:
    group = typer.main.get_command(app)
    found: dict[str, object] = {}
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        sub = getattr(command, "commands", None)
        if sub:
            found.update({f"{name} {n}": c for n, c in sub.items()})
        else:
            found[name] = command
    return found


def test_every_command_has_help_and_is_documented() -> None:
    commands = _commands()
    assert {
        "ingest",
        "classify",
        "coverage",
        "search",
        "report",
        "evaluate",
        "demo",
        "framework check",
    } <= set(commands)
    for name, command in commands.items():
        assert getattr(command, "help", None), f"{name} has no help text"
        assert f"`{name}`" in README, f"{name} is not in the README"


def test_readme_gives_the_two_commands() -> None:
    assert "make run" in README and "make test" in README
