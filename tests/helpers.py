"""What the tests share: paths, small catalogs, a child-process runner, scraped text."""

from __future__ import annotations

import atexit
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "data" / "facts.yaml"
SHIPPED_ARTICLE = ROOT / "data" / "source" / "shanxi-daily-2021-01-20.txt"

SMALL_SOURCE = (
    "標題\n\n今年全縣收入從2013年的100元增長到2019年200元,年均增長12.2%。\n\n共有5個村。\n"
)
# the source block of a one-section test catalog whose text is source.txt
SOURCE_BLOCK = """\
source:
  title: 標題
  date: "2021-01-01"
  publisher: 測試報
  text: source.txt
  sections:
    - id: lead
      heading: null
"""
SMALL_CATALOG = (
    SOURCE_BLOCK
    + """\
facts:
  - id: income-2013
    section: lead
    topic: [income]
    subject: 收入
    label: Income
    value: 100
    unit: yuan
    written: 100元
    period: "2013"
    quote: 今年全縣收入從2013年的100元增長到2019年200元
  - id: income-2019
    section: lead
    topic: [income]
    subject: 收入
    label: Income
    value: 200
    unit: yuan
    written: 200元
    period: "2019"
    quote: 今年全縣收入從2013年的100元增長到2019年200元
  - id: income-growth
    section: lead
    topic: [income, growth]
    subject: 年均增長
    label: Average annual growth
    value: 12.2
    unit: "%"
    written: 12.2%
    period: 2013–2019
    quote: 年均增長12.2%
  - id: villages
    section: lead
    topic: [village]
    subject: 村
    label: Villages
    value: 5
    unit: village
    written: 5個
    quote: 共有5個村
checks: []
"""
)


def write_catalog(folder: Path, catalog: str = SMALL_CATALOG, source: str = SMALL_SOURCE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "source.txt").write_text(source, encoding="utf-8")
    path = folder / "facts.yaml"
    path.write_text(textwrap.dedent(catalog), encoding="utf-8")
    return path


class Run:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr

    def json(self) -> Any:
        return json.loads(self.stdout)


POVCLI = str(Path(sys.executable).parent / "povcli")


_LIBRARY_CACHE: list[Path] = []
# where the controlling pytest process left the library's indexes for its workers
LIBRARY_TEMPLATE_VARIABLE = "TESTS_POVCLI_LIBRARY_TEMPLATE"


def start_library_template() -> Path:
    """Start building a cache folder of the bundled library's indexes, cold, by a real run
    (a search reads every catalog of the library; `list` only the article's), and return
    at once the folder where it appears, whole, when done: it is built in `building` and
    renamed (the workers collect their tests meanwhile). Removed when this process ends."""
    template = Path(tempfile.mkdtemp(prefix="povcli-library-cache-"))
    atexit.register(shutil.rmtree, template, ignore_errors=True)
    environment = {k: v for k, v in os.environ.items() if not k.startswith("POVCLI_")}
    environment["XDG_CACHE_HOME"] = str(template / "building")
    build = f"mkdir building; '{POVCLI}' search 贫困 >/dev/null 2>&1; mv building ready"
    builder = subprocess.Popen(
        ["bash", "-c", build], cwd=template, env=environment, stdin=subprocess.DEVNULL
    )
    atexit.register(builder.wait)  # (registered last, so waited for before the removal)
    return template / "ready"


def _ready(template: Path) -> Path:
    """The template once its build is done (a broken build shows as a test's failure)."""
    deadline = time.monotonic() + 120
    while not template.is_dir():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the library's indexes did not appear in {template}")
        time.sleep(0.05)
    return template


def with_library_indexed(cache: Path) -> None:
    """A new cache folder starts with the bundled library's indexes, built once per run
    (by the controlling process, while its workers start; else by the first test that
    asks) and linked in (a cold build of the library costs a second a command; the tests
    of cold builds make their own caches). Hard links, not copies: povcli opens an index
    read-only and replaces it by renaming a new one over it, so no test's run changes the
    shared file, and a thousand tests do not write a thousand copies."""
    if cache.exists():
        return
    if not _LIBRARY_CACHE:
        shared = os.environ.get(LIBRARY_TEMPLATE_VARIABLE)
        _LIBRARY_CACHE.append(_ready(Path(shared) if shared else start_library_template()))
    shutil.copytree(_LIBRARY_CACHE[0], cache, symlinks=True, copy_function=os.link)


def run_povcli(
    args: list[str],
    tmp_path: Path,
    env: dict[str, str] | None = None,
    memory: int = 1024 * 2**20,
    file_size: int | None = None,
    program: list[str] | None = None,
    **kw: Any,
) -> subprocess.CompletedProcess[str]:
    """The installed command in a child: its own cache folder, 100 columns, a memory limit
    and a time-out that only a real hang reaches; `file_size` limits the files it writes
    (a full disk, as the child sees it). `program` runs instead of povcli (a shell that
    runs it), `stdout` and `stderr` go where asked (else both are captured)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("POVCLI_")}
    environment.update({"XDG_CACHE_HOME": str(tmp_path / "cache"), "COLUMNS": "100"})
    environment.update(env or {})
    if environment["XDG_CACHE_HOME"] == str(tmp_path / "cache"):
        with_library_indexed(tmp_path / "cache")
    kw.setdefault("stdin", subprocess.DEVNULL)

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        if file_size is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))

    kw.setdefault("stdout", subprocess.PIPE)
    kw.setdefault("stderr", subprocess.PIPE)
    return subprocess.run(
        [*(program or [POVCLI]), *args], cwd=tmp_path, env=environment, text=True,
        timeout=kw.pop("timeout", 60), preexec_fn=limit_memory, **kw,
    )  # fmt: skip


# ----------------------------------------------------------------- search queries

PV = {"pv-village-stations", "pv-central-stations", "pv-village-income"}
POOR_COUNTIES = {
    "poor-counties",
    "national-poor-counties",
    "industry-counties",
    "deep-poverty-counties",
}

# query → (facts it must find, facts it must not find)
QUERIES: list[tuple[str, set[str], set[str]]] = [
    # Simplified and Traditional script, full-width forms
    ("光伏", PV, {"poor-counties"}),
    ("光伏扶贫", PV, set()),
    ("光伏扶貧", PV, set()),
    ("贫困县", POOR_COUNTIES, {"poor-villages"}),
    ("貧困縣", POOR_COUNTIES, {"poor-villages"}),
    ("贫困 县", POOR_COUNTIES, {"poor-villages"}),
    ("卫生室", {"resettlement-clinics", "clinics-built"}, {"resettlement-areas"}),
    ("衛生室", {"resettlement-clinics", "clinics-built"}, set()),
    ("人次", {"health-beneficiaries", "temporary-assistance"}, {"poor-population"}),
    # pinyin
    ("guangfu", PV, {"poor-counties", "eco-beneficiaries"}),
    ("guang fu", PV, set()),
    ("ＧＵＡＮＧＦＵ", PV, set()),
    ("gf", PV, {"leadership-years"}),
    ("pinkunxian", POOR_COUNTIES, {"poor-villages"}),
    ("dianshang", {"ecommerce-villages"}, set()),
    # English
    ("solar", PV, {"poor-counties"}),
    ("photovoltaic", PV, set()),
    ("PV", PV, set()),
    ('"solar power"', {"pv-village-stations"}, {"pv-central-stations"}),
    ("person-times", {"health-beneficiaries", "temporary-assistance"}, {"poor-population"}),
    ("clinics", {"resettlement-clinics", "clinics-built"}, set()),
    ("income poor areas", {"income-2013", "income-2019"}, {"anecdote-calf-income"}),
    # numbers
    ("1122", {"resettlement-areas", "resettlement-clinics"}, {"resettlement-primary-schools"}),
    ("１１２２", {"resettlement-areas", "resettlement-clinics"}, set()),
    ("329万", {"poor-population"}, {"income-2013"}),
    ("329萬", {"poor-population"}, set()),
    ("3290000", {"poor-population"}, set()),
    ("39.4亿", {"private-enterprise-investment"}, {"private-enterprises"}),
    ("127.7萬", {"industry-beneficiaries", "five-haves-beneficiaries"}, set()),
    ("11.5%", {"income-growth-2013-2019"}, {"income-growth-2020-q1-q3"}),
    ("2013", {"income-2013", "income-growth-2013-2019"}, {"income-2019"}),
    (
        "20",
        {"anecdote-calves-sold", "anecdote-calf-income", "pv-village-income"},
        {"disabled-subsidy-recipients"},
    ),
    # mixed
    ("光伏 5479", {"pv-village-stations"}, {"pv-central-stations"}),
    ("solar 53座", {"pv-central-stations"}, {"pv-village-stations"}),
    ("貧困村 pinkun", {"poor-villages"}, set()),
]


def big_catalog(folder: Path, copies: int) -> Path:
    """The bundled catalog's facts repeated under new ids (text, for speed)."""
    text = CATALOG.read_text(encoding="utf-8")
    head, _, rest = text.partition("\nfacts:\n")
    facts, _, _ = rest.partition("\nchecks:\n")
    copies_text = [re.sub(r"(?m)^  - id: (.+)$", rf"  - id: \1-{n}", facts) for n in range(copies)]
    source_text = str((CATALOG.parent / "source" / "shanxi-daily-2021-01-20.txt").resolve())
    head = head.replace("text: source/shanxi-daily-2021-01-20.txt", f"text: {source_text}")
    path = folder / "big.yaml"
    path.write_text(
        head + "\nfacts:\n" + "\n".join(copies_text) + "\nchecks: []\n", encoding="utf-8"
    )
    return path


# ----------------------------------------------------------------- a scraped page

# readings a scrape pastes after characters, as scraped copies of this genre show them
# (some with a space before the bracket closes)
READINGS = {
    "績": "jì", "會": "huì ", "國": "guó", "來": "lái", "產": "chǎn", "發": "fā",
    "經": "jīng", "書": "shū", "務": "wù", "類": "lèi", "著": "zhù", "個": "gè",
}  # fmt: skip
PAGE_HEAD = "2021-01-20 10:34:19 來源:山西日報   瀏覽次數:"
PAGE_TAIL = [
    "責任編輯: 吉政",
    "版權聲明:凡臨汾日報、臨汾新聞網刊載及發布的各類稿件,未經書面授權,任何媒體不得轉載。",
    "精品在线观看_亚洲字幕_午夜大片体验区",
]


def scraped(text: str) -> tuple[str, int]:
    """The article as a scraped page shows it: pinyin readings after characters, the page's
    date line after the title, paragraphs indented, a quotation end mangled by a bad
    decode, and the editor, copyright and spam lines after the text. Returns the page and
    the number of readings pasted in."""
    count = sum(text.count(char) for char in READINGS)
    paragraphs = text.strip("\n").split("\n\n")
    damaged = ["".join(_read(char) for char in p) for p in paragraphs]
    damaged = [d.replace("。”", "?!?/p>", 1) if "。”" in d else d for d in damaged]
    lines = [damaged[0], "", PAGE_HEAD, ""] + [f"  {p}\n" for p in damaged[1:]] + PAGE_TAIL
    return "\n".join(lines) + "\n", count


def _read(char: str) -> str:
    return f"{char}({READINGS[char]})" if char in READINGS else char


def scraped_seed(folder: Path) -> Path:
    """The bundled article as a scraped page, in a file."""
    page, _ = scraped(SHIPPED_ARTICLE.read_text(encoding="utf-8"))
    path = folder / "scraped-seed.txt"
    path.write_text(page, encoding="utf-8")
    return path


def ids_found(index: Any, query: str) -> list[str]:
    """The ids of the facts a search of one index finds, best first."""
    from povcli.index.find import find

    return [index.fact(hit.position)["id"] for hit, _ in find(index, query).hits]


def judged_relations(text: str) -> list[tuple[str, str, list[float], float | None]]:
    """(kind, verdict, the inputs' values sorted, the claimed value) of each relation
    `check` finds in the text."""
    from povcli.article.factcheck import check_text

    out = []
    for finding in check_text(text):
        result = finding.result
        values = []
        for item in result.inputs:
            for one in item if isinstance(item, list) else [item]:
                values.append(round(one["value"], 4))
        out.append((result.kind, str(result.verdict), sorted(values), result.claimed))
    return out


def article_relations(text: str) -> list[tuple[str, str, list[float], float | None]]:
    """`judged_relations` of an article body (a title line is put before it, and it is
    cleaned as `check` cleans a page)."""
    from povcli.article.clean import clean_article

    return judged_relations(clean_article("标题\n\n" + text).text)


def accused(text: str) -> list[tuple[str, str, list[float], float | None]]:
    """The relations `check` calls inconsistent in an article body."""
    return [r for r in article_relations(text) if r[1] == "inconsistent"]


def claimed_of(text: str, kind: str, verdict: str) -> list[float | None]:
    """The stated figures of an article's relations of one kind and verdict, in order."""
    found = [r[3] for r in article_relations(text) if r[0] == kind and r[1] == verdict]
    return sorted(found, key=lambda v: v or 0.0)


def each_in_both_scripts(texts: dict[str, str]) -> list[str]:
    """Each text and its Traditional copy (OpenCC), one converter for all of them."""
    import opencc

    convert = opencc.OpenCC("s2t").convert
    return [t for text in texts.values() for t in (text, convert(text))]


def of_kind(text: str, kind: str) -> list[tuple[str, list[float], float | None]]:
    """(verdict, the inputs' values sorted, the claimed value) of each relation of one kind
    `check` finds in an article body (a title line is put before it)."""
    from povcli.article.clean import clean_article

    found = judged_relations(clean_article("标题\n\n" + text).text)
    return [(verdict, values, claimed) for k, verdict, values, claimed in found if k == kind]


def both_scripts(text: str) -> list[str]:
    """A text in Simplified script and as a Traditional copy of it would be written (OpenCC)."""
    import opencc  # (~45 ms, for the tests that read articles only)

    return [text, opencc.OpenCC("s2t").convert(text)]
