"""The ``newsevents`` command line: thin wrappers over library functions of the same name.

Each module in this package that defines ``register(group)`` adds its commands;
a new command group is a new module, nothing else changes.
"""
from __future__ import annotations

import importlib
import logging
import pkgutil

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="newsevents")
@click.option("-v", "--verbose", count=True, help="Say more (-v info, -vv debug) on stderr.")
def cli(verbose: int):
    """newsevents: read dated news in Dutch or English, write PLOVER event data.

    \b
    Start here:
      newsevents code article.txt              code one file, print a table
      newsevents code news.jsonl -o ev.jsonl   JSON Lines of events, one per line
      newsevents code --example --db demo.duckdb   code the bundled example into DuckDB
      newsevents evaluate GOLD.json EVENTS.jsonl   score against a hand-coded reference

    Every command has its own --help with examples.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def _register_all() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(cli)


_register_all()


def main() -> None:  # console-script entry point
    cli(prog_name="newsevents")
