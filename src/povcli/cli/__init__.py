"""The command line: Typer commands that parse arguments, call povcli's API and print.

Each command module registers its commands on the one `app` when imported here.
"""

from povcli.cli import articles, catalogs, lookup
from povcli.cli.base import app, main

__all__ = ["app", "articles", "catalogs", "lookup", "main"]
