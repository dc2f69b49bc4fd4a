"""`povcli draft`: a catalog for an unseen article that validates as written and verifies as
`check` judges."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import CATALOG, ROOT, scraped_seed

EXAMPLE = ROOT / "docs" / "examples" / "report-card.txt"
SIMPLIFIED = (
    "示例市扶贫工作总结\n"
    "全市农村贫困人口由2015年底的12.6万人下降到2020年底的0.8万人,减少11.8万人,"
    "年均减少2.36万人。\n"
    "今年东、中、西部地区分别减贫1.2万人、3.5万人、2.1万人,合计6.8万人。\n"
    "全市贫困村86个。电商扶贫覆盖43个贫困村,占全部贫困村的60%。\n"
)


def _draft(cli: Any, article: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    catalog = folder / "facts.yaml"
    run = cli("draft", str(article), "-o", str(catalog))
    assert run.exit_code == 0, run.stderr
    return catalog


def _verdicts(run: Any) -> list[tuple[str, str]]:
    return [(r["kind"], r["verdict"]) for r in json.loads(run.stdout)]


# figures in tonnes, kilometres, kilowatts, mu and dollars, and a structure written bare: a
# draft of them validated only once the catalog's units held every unit `extract` gives
MEASURES = (
    "某县2023年经济运行情况\n\n"
    "全年粮食总产量12.5万吨,比上年增加0.5万吨,增长4.2%。播种面积30万亩。"
    "新建农村公路120公里。新增光伏装机5万千瓦,发电量6000万千瓦时。出口额2.1亿美元。\n"
)


def test_a_structure_written_bare_drafts_a_catalog_that_validates(cli: Any, tmp_path: Path) -> None:
    """The terms of 结构为12.0:38.0:50.0 are shares written without %: drafted as the bare
    figures they are written as, not as percentages whose written form says otherwise."""
    article = tmp_path / "article.txt"
    article.write_text("某县经济\n\n全县三次产业结构为12.0:38.0:50.0。\n", encoding="utf-8")
    catalog = _draft(cli, article, tmp_path / "draft")
    validated = cli("validate", str(catalog), "--format", "json")
    assert validated.exit_code == 0, validated.stdout
    assert {p["level"] for p in json.loads(validated.stdout)["problems"]} <= {"warning"}


@pytest.mark.parametrize("which", ["example", "simplified", "measures"])
def test_draft_validates_and_verifies_as_check_judges(cli: Any, tmp_path: Path, which: str) -> None:
    article = EXAMPLE
    if which != "example":
        article = tmp_path / "article.txt"
        article.write_text(SIMPLIFIED if which == "simplified" else MEASURES, encoding="utf-8")
    catalog = _draft(cli, article, tmp_path / "draft")
    validated = cli("validate", str(catalog), "--format", "json")
    assert validated.exit_code == 0, validated.stdout
    report = json.loads(validated.stdout)
    assert report["ok"] is True
    assert {p["level"] for p in report["problems"]} == {"warning"}
    checked = cli("check", str(article), "--format", "json")
    verified = cli("verify", "--facts", str(catalog), "--format", "json")
    assert _verdicts(verified) == _verdicts(checked)
    assert verified.exit_code == checked.exit_code
    # the cleaned text is saved beside the catalog, and the catalog names it
    assert (catalog.parent / "facts.source.txt").is_file()
    source = yaml.safe_load(catalog.read_text(encoding="utf-8"))["source"]
    assert source["text"] == "facts.source.txt"


def test_simplified_draft_holds_every_relation(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(SIMPLIFIED, encoding="utf-8")
    catalog = _draft(cli, article, tmp_path / "draft")
    verified = cli("verify", "--facts", str(catalog), "--format", "json")
    # 12.6 − 0.8 = 11.8; 11.8 / 5 = 2.36; 1.2 + 3.5 + 2.1 = 6.8; 43 / 86 = 50%, not 60%
    assert sorted(_verdicts(verified)) == [
        ("average", "consistent"),
        ("difference", "consistent"),
        ("share", "inconsistent"),
        ("sum", "consistent"),
    ]
    facts = yaml.safe_load(catalog.read_text(encoding="utf-8"))["facts"]
    assert len(facts) == 11  # 4 in the first sentence, 4 in the second, 3 in the last
    # 86個 after 貧困村 counts villages, as the share's part does
    assert {f["written"]: f["unit"] for f in facts}["86个"] == "village"


def test_draft_of_the_seed_covers_the_curated_catalog(cli: Any, tmp_path: Path) -> None:
    catalog = _draft(cli, scraped_seed(tmp_path), tmp_path / "seed")
    drafted = yaml.safe_load(catalog.read_text(encoding="utf-8"))["facts"]
    curated = yaml.safe_load(CATALOG.read_text(encoding="utf-8"))["facts"]
    free = list(drafted)
    covered = 0
    for fact in curated:
        # the same figure, the same value, from the same clause
        match = next(
            (
                d
                for d in free
                if d["written"] == fact["written"]
                and d["value"] == fact["value"]
                and (d["quote"] in fact["quote"] or fact["quote"] in d["quote"])
            ),
            None,
        )
        if match is not None:
            free.remove(match)
            covered += 1
    assert covered / len(curated) >= 0.95
    assert covered == len(curated) == 78
    run = cli("validate", str(catalog))
    assert run.exit_code == 0


def test_draft_never_replaces_a_file_unless_asked(cli: Any, tmp_path: Path) -> None:
    catalog = tmp_path / "facts.yaml"
    catalog.write_text("mine\n", encoding="utf-8")
    run = cli("draft", str(EXAMPLE), "-o", str(catalog))
    assert run.exit_code == 2
    assert run.stderr.startswith(f"error: {catalog} exists")
    assert catalog.read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / "facts.source.txt").exists()
    forced = cli("draft", str(EXAMPLE), "-o", str(catalog), "--force")
    assert forced.exit_code == 0
    assert catalog.read_text(encoding="utf-8").startswith("# Drafted by povcli")


def test_draft_refuses_a_catalog_that_is_not_yaml(cli: Any, tmp_path: Path) -> None:
    run = cli("draft", str(EXAMPLE), "-o", str(tmp_path / "draft.txt"))
    assert run.exit_code == 2
    assert "must be a .yaml file" in run.stderr
    assert list(tmp_path.iterdir()) == []


def test_draft_makes_the_folder_it_is_asked_to_write_in(cli: Any, tmp_path: Path) -> None:
    catalog = tmp_path / "new" / "folder" / "facts.yaml"
    run = cli("draft", str(EXAMPLE), "-o", str(catalog))
    assert run.exit_code == 0, run.stderr
    assert catalog.is_file() and (catalog.parent / "facts.source.txt").is_file()


def test_a_page_without_a_date_leaves_it_to_fill(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("標題\n貧困發生率由9.8%下降到0.3%,下降9.5個百分點。\n", encoding="utf-8")
    catalog = _draft(cli, article, tmp_path / "d")
    source = yaml.safe_load(catalog.read_text(encoding="utf-8"))["source"]
    assert source["date"].startswith("[to fill]")
    report = json.loads(cli("validate", str(catalog), "--format", "json").stdout)
    assert report["ok"] is True
    assert {"line": 5, "fact": None, "level": "warning", "problem": "date is still to fill"} in (
        report["problems"]
    )


# a page as scraped: a masthead, a timestamp, a name, figures of several years (issue 20)
PAGE = (
    "脱贫攻坚取得决定性进展\n"
    "《人民日报》2020年01月25日 01版\n"
    "三大攻坚战之一的脱贫攻坚取得决定性进展。"
    "2019年末,全国农村贫困人口551万人,比2012年末减少9348万人,贫困发生率0.6%。"
    "2001年至2010年,贫困发生率年均下降1.2个百分点。2001年贫困发生率为10.2%,2010年为17.2%。\n"
    "超过5000万人受益,易地扶贫搬迁5306萬農村貧困人口。\n"
)
TRADITIONAL_PAGE = (
    "脫貧攻堅取得決定性進展\n"
    "發布時間:2020-01-25 08:43 來源:新華社 瀏覽:2011\n"
    "2019年末,全國農村貧困人口551萬人。\n"
)


def _drafted(cli: Any, tmp_path: Path, text: str) -> dict[str, Any]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    article = tmp_path / "page.txt"
    article.write_text(text, encoding="utf-8")
    catalog = _draft(cli, article, tmp_path / "draft")
    assert cli("validate", str(catalog)).exit_code == 0
    drafted: dict[str, Any] = yaml.safe_load(catalog.read_text(encoding="utf-8"))
    return drafted


def test_a_figure_is_dated_by_its_own_clause(cli: Any, tmp_path: Path) -> None:
    facts = _drafted(cli, tmp_path, PAGE)["facts"]
    periods = {f["written"]: f.get("period") for f in facts}
    # 551万人, the change since 2012 and 0.6% are 2019's (2012 is the base compared with)
    assert periods["551万人"] == periods["9348万人"] == periods["0.6%"] == "2019"
    # the average fall spans 2001 to 2010; 10.2% is 2001's, 17.2% 2010's
    assert periods["1.2个百分点"] == "2001–2010"
    assert periods["10.2%"] == "2001" and periods["17.2%"] == "2010"


def test_what_is_no_statistic_is_no_fact(cli: Any, tmp_path: Path) -> None:
    written = [f["written"] for f in _drafted(cli, tmp_path, PAGE)["facts"]]
    # 三大 names a campaign, 01 is the page, 2020 and 25 the masthead's date
    assert written == [
        "551万人", "9348万人", "0.6%", "1.2个百分点", "10.2%", "17.2%", "超过5000万人", "5306萬"
    ]  # fmt: skip
    facts = _drafted(cli, tmp_path / "t", TRADITIONAL_PAGE)["facts"]
    # the timestamp and the page's view count are no statistic
    assert [f["written"] for f in facts] == ["551萬人"]
    assert [f["id"] for f in facts] == ["quan-guo-nong-cun"]


def test_an_open_figure_is_qualified_and_a_traditional_scale_counts(
    cli: Any, tmp_path: Path
) -> None:
    facts = {f["written"]: f for f in _drafted(cli, tmp_path, PAGE)["facts"]}
    # 超过5000万人 is any number above 5000万: open above, as `more-than` with 超过 reads
    assert facts["超过5000万人"]["qualifier"] == "more-than"
    assert facts["超过5000万人"]["value"] == 50_000_000
    # 5306萬 counts the 農村貧困人口 after it: people (村 in 農村 is no village)
    assert facts["5306萬"]["unit"] == "person"


def test_the_page_states_publisher_and_date(cli: Any, tmp_path: Path) -> None:
    source = _drafted(cli, tmp_path, PAGE)["source"]
    assert (source["publisher"], source["date"]) == ("人民日报", "2020-01-25")
    source = _drafted(cli, tmp_path / "t", TRADITIONAL_PAGE)["source"]
    assert (source["publisher"], source["date"]) == ("新華社", "2020-01-25")


def test_a_relation_on_a_borrowed_figure_is_named_as_left_out(cli: Any, tmp_path: Path) -> None:
    # 1.1 points fall from last year: the old rate (2018's 1.7%) comes from the library
    article = tmp_path / "page.txt"
    article.write_text(
        "标题\n2019年末,全国农村贫困人口551万人,贫困发生率0.6%,比上年下降1.1个百分点。\n",
        encoding="utf-8",
    )
    catalog = _draft(cli, article, tmp_path / "draft")
    checked = json.loads(cli("check", str(article), "--format", "json").stdout)
    assert [(r["kind"], bool(r.get("borrowed"))) for r in checked] == [("point-change", True)]
    drafted = yaml.safe_load(catalog.read_text(encoding="utf-8"))
    assert drafted["checks"] == []
    comments = [line for line in catalog.read_text(encoding="utf-8").splitlines() if "#" in line]
    left = [line for line in comments if "relation-1 (point-change" in line]
    assert len(left) == 1 and left[0].startswith("#")
    assert "national-poverty:poverty-incidence-2018" in left[0]
    assert "cannot cite a figure of another catalog" in left[0]


def test_a_source_of_data_in_the_text_is_no_publisher(cli: Any, tmp_path: Path) -> None:
    source = _drafted(cli, tmp_path, "标题\n数据来源:国家统计局。贫困发生率0.6%。\n")["source"]
    assert source["publisher"].startswith("[to fill]")


def test_every_unit_extract_gives_is_one_a_catalog_may_hold() -> None:
    """A draft takes its units from extract: each must be in the catalog's vocabulary (an age
    is counted in years there), or the draft fails `validate` (吨 did: 'tonne' was unknown)."""
    from povcli.article.draft import CATALOG_UNIT
    from povcli.article.extract import MEASURE_UNITS
    from povcli.units import UNITS

    assert (
        sorted(u for u in set(MEASURE_UNITS.values()) if CATALOG_UNIT.get(u, u) not in UNITS) == []
    )
