"""The report's words in the article's script, or in English."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "lang": "en",
        "report": "Fact-check report",
        "publisher": "Publisher",
        "date": "Date",
        "checked_by": "Checked by",
        "relations": "relations",
        "figures": "figures highlighted",
        "consistent": "consistent",
        "inconsistent": "inconsistent",
        "unverifiable": "unverifiable",
        "derived": "derived",
        "article": "The article",
        "findings": "What povcli found",
        "none": "The text states no relation between its figures that povcli can check.",
        "formula": "Formula",
        "working": "Working",
        "computed": "Computed",
        "claimed": "Stated",
        "stands_for": "stands for",
        "bounds": "bounds",
        "readings": "Other readings",
        "matches": "matches the claim",
        "notes": "Notes",
        "periods": "Years",
        "borrowed": "Figures from the library",
        "verdict": "Verdict",
        "by_rounding_only": "by rounding only",
        "gross": "gross",
        "legend": "Marked figures: solid underline — consistent; ⚠ wavy underline — inconsistent;"
        " dotted underline — unverifiable; plain — not part of a checked relation.",
        "chart_claimed": "the stated rate",
        "chart_implied": "the rate the figures imply",
        "chart_year": "year",
        "unknown": "not stated",
    },
    "zh-Hant": {
        "lang": "zh-Hant",
        "report": "事實核查報告",
        "publisher": "來源",
        "date": "日期",
        "checked_by": "核查",
        "relations": "項關係",
        "figures": "個數字已標出",
        "consistent": "相符",
        "inconsistent": "不符",
        "unverifiable": "無法核實",
        "derived": "推算",
        "article": "原文",
        "findings": "核查結果",
        "none": "文中沒有可以核查的數字關係。",
        "formula": "公式",
        "working": "算式",
        "computed": "計算值",
        "claimed": "文中數字",
        "stands_for": "代表",
        "bounds": "區間",
        "readings": "其他讀法",
        "matches": "與文中數字相符",
        "notes": "說明",
        "periods": "年數",
        "borrowed": "引用的參考數據",
        "verdict": "結論",
        "by_rounding_only": "僅因四捨五入相符",
        "gross": "嚴重",
        "legend": "標記:實線底線 — 相符;⚠ 波浪底線 — 不符;點線底線 — 無法核實;"
        "無底線 — 未參與核查。",
        "chart_claimed": "文中增速",
        "chart_implied": "數字所示增速",
        "chart_year": "年",
        "unknown": "未註明",
    },
    "zh-Hans": {
        "lang": "zh-Hans",
        "report": "事实核查报告",
        "publisher": "来源",
        "date": "日期",
        "checked_by": "核查",
        "relations": "项关系",
        "figures": "个数字已标出",
        "consistent": "相符",
        "inconsistent": "不符",
        "unverifiable": "无法核实",
        "derived": "推算",
        "article": "原文",
        "findings": "核查结果",
        "none": "文中没有可以核查的数字关系。",
        "formula": "公式",
        "working": "算式",
        "computed": "计算值",
        "claimed": "文中数字",
        "stands_for": "代表",
        "bounds": "区间",
        "readings": "其他读法",
        "matches": "与文中数字相符",
        "notes": "说明",
        "periods": "年数",
        "borrowed": "引用的参考数据",
        "verdict": "结论",
        "by_rounding_only": "仅因四舍五入相符",
        "gross": "严重",
        "legend": "标记:实线下划线 — 相符;⚠ 波浪下划线 — 不符;点线下划线 — 无法核实;"
        "无下划线 — 未参与核查。",
        "chart_claimed": "文中增速",
        "chart_implied": "数字所示增速",
        "chart_year": "年",
        "unknown": "未注明",
    },
}


def script_of(text: str) -> str:
    """zh-Hant when the text holds Traditional-only characters, else zh-Hans."""
    from povcli.textnorm import is_cjk, t2s_char

    distinct = {char for char in text if is_cjk(char)}
    changed = sum(t2s_char(char) != char for char in distinct)
    return "zh-Hant" if changed >= 3 else "zh-Hans"


def labels_for(text: str, lang: str) -> dict[str, str]:
    """English labels for --lang en; otherwise the article's own script."""
    return LABELS["en"] if lang == "en" else LABELS[script_of(text)]
