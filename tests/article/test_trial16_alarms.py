"""The two false alarms of fresh trial 16, in my own words and figures:
- a port release on March gives the first quarter's container throughput and its parts, then
  March's in the same words (其中沿海港口…, 内河港口…): a quarter's figure and a month's are two
  figures, not one restated (article/restatements.py);
- a causes-of-death release gives all deaths, then a group's deaths "占總死亡人數…" and, further
  on, the ten leading causes' deaths "合計…": the share is of all deaths, not of the ten causes'
  (article/shares.py). 99,812 / 137,450 = 72.62%; the ten causes' 106,300 would make 93.90%."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

PORTS = (
    "3月份全省港口生产经营继续保持好的发展势头,主要指标仍保持增长。\n\n"
    "一季度,全省规模以上港口累计完成集装箱吞吐量520.30万TEU,同比增长8.1%;"
    "其中沿海主要港口完成480.20万TEU,同比增长7.9%;内河主要港口完成40.10万TEU,同比增长10.5%。\n\n"
    "3月份,全省规模以上港口完成集装箱吞吐量190.50万TEU;"
    "其中沿海主要港口完成175.40万TEU,内河主要港口完成15.10万TEU。"
)


def test_a_quarters_figure_and_a_months_in_the_same_words_are_two_figures() -> None:
    for text in both_scripts(PORTS):
        assert accused(text) == [], text


DEATHS = (
    "一、受人口老化影响,113年死亡率上升1.2%。113年死亡人数计13万7,450人,较上年增加1,820人。\n\n"
    "113年65岁以上死亡人数9万9,812人,占总死亡人数{share}%,提高0.4个百分点。\n\n"
    "二、十大死因依序为恶性肿瘤、心脏疾病、肺炎等,十大死因死亡人数合计10万6,300人,"
    "占总死亡人数77.3%。"
)


def test_a_share_of_all_deaths_is_not_of_the_ten_leading_causes() -> None:
    for text in both_scripts(DEATHS.format(share="72.6")):
        shares = [(verdict, values) for verdict, values, _ in of_kind(text, "share")]
        assert ("consistent", [99812.0, 137450.0]) in shares, shares
        assert accused(text) == [], text
    for text in both_scripts(DEATHS.format(share="76.2")):
        assert "share" in [kind for kind, *_ in accused(text)], text
