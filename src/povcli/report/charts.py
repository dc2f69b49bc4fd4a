"""Charts for the report, drawn by matplotlib's SVG backend (imported only by `report`).

Text in the SVG stays text (`svg.fonttype: none`), so the reader's browser sets
Chinese labels in its own fonts and nothing is fetched.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
from typing import Any

from povcli.output.charts import compound_path
from povcli.output.formats import safe_text


def _figure() -> tuple[Any, Any]:
    import matplotlib

    # text.parse_math off: a label from a catalog (`$\\fra{1}$`) is text, never mathtext
    matplotlib.rcParams.update(
        {"svg.fonttype": "none", "svg.hashsalt": "povcli", "font.size": 9, "axes.spines.top": False,
         "axes.spines.right": False, "text.parse_math": False}
    )  # fmt: skip
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6.4, 3.0), dpi=72, layout="constrained")
    FigureCanvasSVG(figure)
    return figure, figure.add_subplot()


def _svg(figure: Any) -> str:
    import warnings

    buffer = io.StringIO()
    with warnings.catch_warnings():
        # the text is set by the browser, not by matplotlib's fonts, which lack CJK glyphs
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    # inline in HTML: no XML prolog or doctype, and a size that follows the page
    svg = svg[svg.index("<svg") :]
    return re.sub(r'<svg([^>]*?) width="[^"]+" height="[^"]+"', r'<svg\1 role="img"', svg, count=1)


def cagr_chart(
    start: float,
    end: float,
    periods: float,
    claimed_rate: float | None,
    first_year: int | None,
    labels: dict[str, str],
) -> str | None:
    """The two stated levels, the path the stated rate implies and the one the levels imply
    (None when there is nothing a chart can show)."""
    words = (labels["chart_implied"], labels["chart_claimed"], labels["chart_year"])
    return _cagr_chart(start, end, periods, claimed_rate, first_year, words)


@lru_cache(maxsize=256)
def _cagr_chart(
    start: float,
    end: float,
    periods: float,
    claimed_rate: float | None,
    first_year: int | None,
    words: tuple[str, str, str],
) -> str | None:
    # an article that repeats a claim draws its chart once
    labels = dict(zip(("chart_implied", "chart_claimed", "chart_year"), words, strict=True))
    if not (periods > 0 and start > 0 and end >= 0):
        return None  # no span, or levels a compound rate cannot join
    origin = first_year if first_year is not None else 0
    steps = [origin + periods * i / 40 for i in range(41)]
    offsets = [year - origin for year in steps]
    implied = (end / start) ** (1 / periods) - 1
    implied_path = compound_path(start, implied, offsets)
    claimed_path = (
        compound_path(start, claimed_rate / 100, offsets) if claimed_rate is not None else None
    )
    if implied_path is None or (claimed_rate is not None and claimed_path is None):
        return None  # a path beyond any number (a rate of 1e297%): nothing to draw
    figure, axes = _figure()
    axes.plot(steps, implied_path, color="#1b7837", linewidth=2,
              label=f"{labels['chart_implied']}: {implied * 100:.2f}%")  # fmt: skip
    if claimed_path is not None:
        axes.plot(steps, claimed_path, color="#b2182b", linewidth=2, linestyle="--",
                  label=f"{labels['chart_claimed']}: {claimed_rate:g}%")  # fmt: skip
    axes.plot([origin, origin + periods], [start, end], "o", color="#222222", markersize=6)
    for x, y in ((origin, start), (origin + periods, end)):
        axes.annotate(f"{y:,.0f}", (x, y), textcoords="offset points", xytext=(0, 8), ha="center")
    from matplotlib.ticker import StrMethodFormatter

    axes.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    axes.set_xlabel(labels["chart_year"])
    axes.legend(frameon=False, loc="upper left")
    axes.set_ylim(bottom=0)
    if first_year is not None:
        axes.set_xticks(range(origin, origin + int(periods) + 1))
    return _svg(figure)


def series_chart(
    name: str,
    points: list[tuple[int, float]],
    borrowed: tuple[int, str],
    article: tuple[int, float, str] | None,
    labels: dict[str, str],
) -> str:
    """A reference series year by year, the figure borrowed from it and the article's own."""
    figure, axes = _figure()
    years = [year for year, _ in points]
    values = dict(points)
    axes.plot(years, [value for _, value in points], "-o", color="#4d4d4d", markersize=4,
              label=safe_text(name))  # fmt: skip
    year, written = borrowed[0], safe_text(borrowed[1])
    if year in values:
        axes.plot([year], [values[year]], "o", color="#2166ac", markersize=10,
                  label=f"{labels['chart_borrowed']}: {written} ({year})")  # fmt: skip
    if article is not None:
        shown = f"{labels['chart_article']}: {safe_text(article[2])} ({article[0]})"
        axes.plot([article[0]], [article[1]], "*", color="#b2182b", markersize=14,
                  label=shown)  # fmt: skip
    from matplotlib.ticker import MaxNLocator, StrMethodFormatter

    axes.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(labels["chart_year"])
    axes.set_ylim(bottom=0)
    axes.legend(frameon=False, loc="best")
    return _svg(figure)
