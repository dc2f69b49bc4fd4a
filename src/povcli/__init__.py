"""povcli: look up and fact-check the statistics in Chinese official reports.

The Python API (`povcli.check_text`, `povcli.verify`, `povcli.find_facts`, …) lives in
`povcli.api` and is loaded on first use, so that `import povcli` (and the command
line's start-up) stays light.
"""

from typing import Any

__version__ = "0.1.0"

API = (
    "Checked",
    "Finding",
    "Library",
    "PovcliError",
    "Verification",
    "check_article",
    "check_files",
    "check_text",
    "find_facts",
    "open_library",
    "read_figures",
    "verify",
    "verify_records",
)
__all__ = ["__version__", *API]


def __getattr__(name: str) -> Any:
    if name in API:
        from povcli import api  # the API on first use: `import povcli` (and the CLI) pay nothing

        return getattr(api, name)
    raise AttributeError(f"module 'povcli' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
