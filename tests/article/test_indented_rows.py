"""A yearbook table whose rows stand under the row they break down, two spaces in, in the
shape of fresh trial 17's A09 (a provincial yearbook's health institutions): a header broken
over several lines, a 总计 row heading the rows at its own indent, groups whose parts add up,
a group listing only some of its parts (其中), and a row that leaves a cell empty, its
figures shifted left. Our own figures (schools of a city), worked by hand:

  总计 120 56000 5200 = 普通学校 + 特殊学校 + 其他学校
      100 + 8 + 12 = 120; 50000 + 1000 + 5000 = 56000; 4600 + 300 + 300 = 5200
  普通学校 100 50000 4600 = 小学 + 初中 + 高中
      60 + 30 + 10 = 100; 30000 + 15000 + 5000 = 50000; 2800 + 1300 + 500 = 4600
  特殊学校 8 1000 300, of which 盲校 3 400 120 only (a part): 3 ≤ 8, 400 ≤ 1000, 120 ≤ 300
      and 聋校 2 350 90: 3 + 2 = 5 ≤ 8, 400 + 350 = 750 ≤ 1000, 120 + 90 = 210 ≤ 300
  其他学校 12 5000 300 = 培训学校 7 3000 (no staff given) + 业余学校 5 2000 300
      placed: 7 + 5 = 12, 3000 + 2000 = 5000, 300 = 300 (the only placement that adds up:
      3000 as schools gives 3005, 7 as students 2007)

A planted 初中 of 16000 students makes 普通学校's students 51000 against 50000 while its
schools and staff add up and the students' column adds up in the 总计 group: called wrong.
A planted 盲校 of 900 students makes 盲校 + 聋校 1250 against 1000: a group listing some of
its parts proves nothing of the column, so nothing is called wrong."""

from __future__ import annotations

from tests.helpers import both_scripts, judged_relations

HEADER = (
    "表 3-5  各类学校基本情况(2024年)\n学校类别 学校数\n(所)\n在校生\n(人)\n教职工\n(人)\n   \n"
)
ROWS = (
    "总计 120 56000 5200",
    "普通学校 100 50000 4600",
    "  小学 60 30000 2800",
    "  初中 30 {junior} 1300",
    "  高中 10 5000 500",
    "特殊学校 8 1000 300",
    "  盲校 3 {blind} 120",
    "  聋校 2 350 90",
    "其他学校 12 5000 300",
    "  培训学校 7 3000",
    "  业余学校 5 2000 300",
)
NOTE = "注:特殊学校中只列盲校、聋校。\n"


def table(junior: str = "15000", blind: str = "400", indent: str = "  ") -> str:
    rows = [row.format(junior=junior, blind=blind).replace("  ", indent) for row in ROWS]
    return HEADER + "\n".join(rows) + "\n \n" + NOTE


def found(text: str) -> list[tuple[str, str, list[float], float | None]]:
    from povcli.article.clean import clean_article

    return judged_relations(clean_article("标题\n\n" + text).text)


def test_rows_set_under_a_row_add_up_to_it_in_every_column() -> None:
    for text in both_scripts(table()):
        relations = found(text)
        sums = [(v, parts, claimed) for k, v, parts, claimed in relations if k == "sum"]
        for parts, whole in (
            ([8.0, 12.0, 100.0], 120.0),
            ([1000.0, 5000.0, 50000.0], 56000.0),
            ([300.0, 300.0, 4600.0], 5200.0),
            ([10.0, 30.0, 60.0], 100.0),
            ([5000.0, 15000.0, 30000.0], 50000.0),
            ([500.0, 1300.0, 2800.0], 4600.0),
        ):
            assert ("consistent", parts, whole) in sums, (parts, whole, sums)
        assert not [r for r in relations if r[1] == "inconsistent"], relations


def test_a_row_leaving_a_cell_empty_is_placed_where_every_column_adds_up() -> None:
    for text in both_scripts(table()):
        sums = [(v, parts, claimed) for k, v, parts, claimed in found(text) if k == "sum"]
        assert ("consistent", [5.0, 7.0], 12.0) in sums, sums
        assert ("consistent", [2000.0, 3000.0], 5000.0) in sums, sums
        assert ("consistent", [300.0], 300.0) in sums, sums
        # the shifted reading (3000 as schools, 7 as students) is nowhere
        assert not [s for s in sums if 3000.0 in s[1] and s[2] == 12.0], sums


def test_a_group_listing_some_of_its_parts_is_shown_as_parts_within_the_whole() -> None:
    for text in both_scripts(table()):
        subsets = [(v, values) for k, v, values, _ in found(text) if k == "subset"]
        assert ("consistent", [2.0, 3.0, 8.0]) in subsets, subsets
        assert ("consistent", [350.0, 400.0, 1000.0]) in subsets, subsets
        assert ("consistent", [90.0, 120.0, 300.0]) in subsets, subsets


def test_a_planted_cell_in_a_group_that_adds_up_is_called_wrong() -> None:
    for text in both_scripts(table(junior="16000")):
        wrong = [r for r in found(text) if r[1] == "inconsistent"]
        assert wrong == [("sum", "inconsistent", [5000.0, 16000.0, 30000.0], 50000.0)], wrong


def test_a_planted_cell_in_a_group_of_some_parts_accuses_no_one() -> None:
    for text in both_scripts(table(blind="900")):
        relations = found(text)
        assert not [r for r in relations if r[1] == "inconsistent"], relations
        # the other groups still add up
        assert ("sum", "consistent", [10.0, 30.0, 60.0], 100.0) in relations, relations


def test_ideographic_spaces_indent_as_two_spaces_each() -> None:
    for text in both_scripts(table(indent="\u3000")):
        sums = [(parts, claimed) for k, v, parts, claimed in found(text) if k == "sum"]
        assert ([10.0, 30.0, 60.0], 100.0) in sums, sums


def test_rows_indented_unevenly_accuse_no_one() -> None:
    # siblings at 4, 3 and 2 spaces (a page's careless layout): the rows read under 普通学校
    # are not its parts, and the sums they fail call no one wrong
    rows = ["总计 120 56000 5200", "普通学校 100 50000 4600", "    小学 60 30000 2800"]
    rows += ["   初中 30 15000 1300", "  高中 10 5000 500", "其他学校 20 6000 600"]
    text = HEADER + "\n".join(rows) + "\n"
    for variant in both_scripts(text):
        relations = found(variant)
        assert not [r for r in relations if r[1] == "inconsistent"], relations


def test_a_paragraph_indent_is_no_row_indent() -> None:
    from povcli.article.clean import clean_article

    prose = "\u3000\u3000全市共有学校120所,比上年增加2所。\n\u3000\u3000其中小学60所。\n"
    assert clean_article(prose).text.startswith("全市共有学校120所")
    kept = clean_article(HEADER + "\n".join(ROWS).format(junior="15000", blind="400")).text
    assert "\n  小学 60 30000 2800\n" in kept, kept


def test_rows_set_further_in_after_a_qizhong_row_are_not_its_parts() -> None:
    # "其中:制造业" and then 建筑业, 批发和零售业 four spaces in: the 其中 list goes on (review 21)
    rows = ["总计 856.4 842.1", "\u3000其中:制造业 215.3 210.8"]
    rows += [
        "\u3000\u3000\u3000\u3000建筑业 98.6 101.2",
        "\u3000\u3000\u3000\u3000批发和零售业 76.5 74.9",
    ]
    text = "表5 城镇非私营单位就业人员(万人)\n项目 2023年 2022年\n" + "\n".join(rows) + "\n"
    for variant in both_scripts(text):
        relations = found(variant)
        assert not [r for r in relations if 215.3 in r[2] or r[3] == 215.3], relations
