"""Travel by rail, road, water and air is all travel (交通运输部's "完成612.88亿人次跨区域人员
流动量…。其中全年铁路完成旅客发送量38.55亿人次,公路人员流动量达565.56亿人次,水路营业性客运量达
2.58亿人次,民航客运量亦有6.2亿人次"): the four make the whole though each is named in its own
words. Not freight (pipelines carry goods too), nor a road figure of commercial coaches alone
under all travel (private cars travel the roads too). My figures: 4.20 + 58.60 + 0.30 + 0.90 =
64.00 (亿人次)."""

from __future__ import annotations

from tests.helpers import accused, both_scripts, of_kind

TRAVEL = (
    "去年全省完成64.00亿人次跨区域人员流动量,同比增长12.0%。其中全年铁路完成旅客发送量{rail}亿"
    "人次,公路人员流动量达58.60亿人次,水路营业性客运量达0.30亿人次,民航客运量亦有0.90亿人次。"
)


def test_the_four_modes_make_all_travel() -> None:
    for text in both_scripts(TRAVEL.format(rail="4.20")):
        sums = [(verdict, values) for verdict, values, _ in of_kind(text, "sum")]
        assert ("consistent", [30_000_000.0, 90_000_000.0, 420_000_000.0, 5_860_000_000.0]) in sums
        assert accused(text) == [], text


def test_a_mode_written_wrong_is_caught() -> None:
    for text in both_scripts(TRAVEL.format(rail="2.40")):
        wrong = [values for _, _, values, _ in accused(text)]
        assert wrong == [[30_000_000.0, 90_000_000.0, 240_000_000.0, 5_860_000_000.0]], text


def test_no_sum_of_freight_nor_of_commercial_road_travel_under_all_travel() -> None:
    texts = [
        # pipelines carry the rest of the freight
        "去年全省完成营业性货运量60.00亿吨。其中铁路完成货运量5.00亿吨,公路货运量40.00亿吨,"
        "水路货运量9.00亿吨,民航货邮运输量0.01亿吨。",
        # commercial coaches are only some of the road's travellers
        TRAVEL.format(rail="4.20").replace("公路人员流动量达58.60", "公路营业性客运量达8.60"),
    ]
    for text in texts:
        for version in both_scripts(text):
            assert accused(version) == [], version
