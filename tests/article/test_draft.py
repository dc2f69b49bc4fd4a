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


@pytest.mark.parametrize("which", ["example", "simplified"])
def test_draft_validates_and_verifies_as_check_judges(cli: Any, tmp_path: Path, which: str) -> None:
    article = EXAMPLE
    if which == "simplified":
        article = tmp_path / "article.txt"
        article.write_text(SIMPLIFIED, encoding="utf-8")
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
