"""Clean a scraped Chinese news article: the article's own characters only.

The damage handled here is the damage seen in this genre of scraped copies:
pinyin readings pasted after characters, HTML remnants, a quotation end
mangled by a bad decode, doubled punctuation, and page chrome (date line,
editor, copyright notice, a spam footer). What cannot be restored with
certainty is flagged, never guessed.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PINYIN_LETTERS = "a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ"
# A reading is one lowercase syllable, in ASCII or full-width parentheses,
# pasted right after a Chinese character; some scrapes leave a trailing space, and some
# paste it twice or thrice ("人口(kou)(kou)"): the run goes with the character.
PINYIN_READING = re.compile(rf"(?<=[{_CJK}])(?:[(（][{_PINYIN_LETTERS}]{{1,6}} ?[)）])+")
# After a character lost to a bad decode ("ç»©(jì)") only a toned syllable is surely a reading.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_TONED_SYLLABLE = rf"[{_PINYIN_LETTERS}]{{0,5}}[{_TONED}][{_PINYIN_LETTERS}]{{0,5}}"
# A word's reading after it ("脫貧(tuō pín)"): several syllables, each toned, so that a
# remark in brackets is never taken for one.
WORD_READING = re.compile(
    rf"(?<=[{_CJK}])[(（]({_TONED_SYLLABLE}(?: {_TONED_SYLLABLE}){{1,3}}) ?[)）]"
)
# What a page runs but never shows: scripts and styles, their contents too. Each opener
# is matched with the first closer of its name after it, found by a plain search (a
# lazy pattern rescanned to the end of the text from every unclosed opener).
HIDDEN_OPENER = re.compile(r"<(script|style|noscript)\b[^<>]{0,2000}>", re.I)
HIDDEN_CLOSERS = {
    name: re.compile(rf"</{name}\s*>", re.I) for name in ("script", "style", "noscript")
}
# Formatting characters that change the order in which text is shown (U+202E shows what
# follows reversed): no content of a news text, and between a figure and its words they
# hide it from the patterns that find relations. Taken out, each place remembered.
BIDI_CONTROL = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# a page pasted from a terminal: colour codes and links (ESC[31m, ESC]8;;URL ESC\) are no
# text, and their digits no figures; taken out as the bidirectional controls are
TERMINAL_ESCAPE = r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]"
CONTROL = re.compile(f"{BIDI_CONTROL.pattern}|{TERMINAL_ESCAPE}")
TONED_READING = re.compile(rf"(?<=[^\x00-\x7f{_CJK}])[(（]({_TONED_SYLLABLE}) ?[)）]")
# "。”</p>" decoded through the wrong code page comes out as "?!?/p>".
MANGLED_QUOTE_END = re.compile(r"\?!\?(?:</?p>|/p>)?")
HTML_TAG = re.compile(r"</?[a-zA-Z][^<>\n]{0,200}>|(?<![a-zA-Z])/?p>")
# Figures as scrapes and typists write them: full-width digits, "1660 萬人" with a
# space, "6, 688". They are restored so that one figure reads as one figure.
FULL_WIDTH_FIGURES = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
SPACED_FIGURE = re.compile(r"(?<=\d) +(?=[萬万億亿千百%元個个人])|(?<=\d,) +(?=\d{3}(?!\d))")
# "1,664 萬 4,684 人次" (Taiwan's 16,644,684, once the space before 萬 is gone): the four
# digits after 萬, written with a comma or before the unit ("1147 萬 5000 人", 鉅亨網's
# 11,475,000), belong to the figure
SPACED_AFTER_WAN = re.compile(
    r"(?<=\d[萬万]) +(?=\d,\d{3}(?![\d,])|[1-9] *千|\d{4}(?![\d.,]) *[人元個个戶户家輛辆噸吨])"
)
# "46 萬 1 千人" (主計總處's 461,000, as 財訊 spaces it): the thousands after 萬 are the figure's
SPACED_THOUSANDS = re.compile(r"(?<=\d[萬万][1-9]) +(?=千)")
# "1兆995.4億美元" (Taiwan's 兆, a million million): the 億 it holds, 10995.4億; "2.5兆元" is
# 2.5萬億元 (兆瓦, a megawatt, is another 兆)
ZHAO_AND_YI = re.compile(
    r"(?<![\d.,])(\d{1,4})兆(\d{1,3},\d{3}(?:\.\d+)?|\d{1,4}(?:\.\d+)?)(?=[億亿])"
)  # ("3兆7,813億元": the thousands grouped by a comma, 37813億)
ZHAO_MONEY = re.compile(
    r"(?<=\d)兆(?=(?:元|美元|新臺幣|新台幣|新台币|臺幣|台幣|台币|日圓|日元|人民幣|人民币|港元|港幣|港币))"
)


def _zhao_read(text: str) -> str:
    text = ZHAO_AND_YI.sub(lambda m: _yi_of(m.group(1), m.group(2)), text)
    return ZHAO_MONEY.sub("萬億", text)


def _yi_of(zhao: str, yi: str) -> str:
    whole, _, decimals = yi.replace(",", "").partition(".")
    value = int(zhao) * 10000 + int(whole)
    return f"{value}.{decimals}" if decimals else str(value)


# "1 896.66万m", "5 221 km": thousands grouped by spaces, as bulletins typeset them; a run of
# cells a space apart (a flattened table: "19 436 11 341 10 860 481") is left as it is
SPACE_GROUPED = re.compile(
    r"(?<![\d.,])(?<![\d.,][ \u00a0\u2009\u202f])\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+"
    r"(?!\d)(?![ \u00a0\u2009\u202f]\d)"
)
GROUP_SPACE = re.compile(r"[ \u00a0\u2009\u202f]")
# a footnote's mark after a word ("普惠性幼兒園[3]24.47萬所"): not a figure of the text
FOOTNOTE_MARK = re.compile(rf"(?<=[{_CJK}])\[\d{{1,2}}\]")
DOUBLED_PUNCTUATION = re.compile(r"([,，、。;；])(?:\s*[,，、])+|[,，](?=[。])")
# A lost character leaves a "?" and the tail of a reading ("?jì)A").
LOST_CHARACTERS = re.compile(rf"\?[{_PINYIN_LETTERS}]{{1,6}} ?[)）][A-Za-z]?")
DATE_LINE = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2}|\d{4}年\d{1,2}月\d{1,2}日)"
    r"(?:\s*(?P<time>\d{2}:\d{2}(?::\d{2})?))?\s*"
    r"(?:來源|来源)[:：]\s*(?P<publisher>\S+)"
)
CHINESE_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
# the page's own furniture: copyright, sharing, printing, font size
CHROME_LINE = re.compile(
    r"^(?:版權所有|版权所有|掃一掃|扫一扫|手機看新聞|手机看新闻|分享到|打印本頁|打印本页|"
    r"關閉窗口|关闭窗口|返回頂部|返回顶部|【字號|【字号)"
)
EDITOR_LINE = re.compile(r"^(?:責任編輯|责任编辑)[:：]\s*(?P<editor>\S+)")
COPYRIGHT_LINE = re.compile(r"^(?:版權聲明|版权声明)[:：]")
REPUBLISHER = re.compile(r"凡(?P<names>[^刊]+?)刊載|凡(?P<names_s>[^刊]+?)刊载")
BYLINE = re.compile(r"^(?:本報記者|本报记者)\s*(?P<author>\S+)$")


@dataclass
class Flag:
    """A spot the cleaner could not restore with certainty, or changed in a way a reader
    should know of: its offset in the cleaned text (or in the input, `in_input`)."""

    offset: int
    text: str
    reason: str
    in_input: bool = False

    def describe(self) -> str:
        where = "input offset" if self.in_input else "offset"
        return f"warning: {where} {self.offset}: {self.text!r}: {self.reason}"


@dataclass
class CleanResult:
    text: str
    metadata: dict[str, str] = field(default_factory=dict)
    flags: list[Flag] = field(default_factory=list)
    removed_readings: int = 0
    restored_quote_ends: int = 0
    # the bidirectional controls taken out: (offset in `text` they stood before, character)
    controls: list[tuple[int, str]] = field(default_factory=list)

    def shown(self) -> str:
        """The text with the controls taken out put back where they were (to be shown
        visibly, as `<U+202E>`, by whatever prints it)."""
        return with_controls(self.text, self.controls, 0, len(self.text))


def with_controls(
    text: str, controls: list[tuple[int, str]], start: int, end: int, edges: bool = True
) -> str:
    """text[start:end] with the controls that stood in it put back: those at its edges
    too (before its first character, after its last) unless `edges` is False."""
    import bisect

    first = bisect.bisect_left(controls, (start if edges else start + 1, ""))
    pieces, at = [], start
    for offset, char in controls[first:]:
        if offset > end or (offset == end and not edges):
            break
        pieces += [text[at:offset], char]
        at = offset
    pieces.append(text[at:end])
    return "".join(pieces)


def without_hidden_blocks(raw: str) -> tuple[str, list[Flag]]:
    """The page without its scripts and styles; an opener never closed is said, and the
    text after it kept. Linear: once no closer of a name follows an opener, none follows
    a later one, so each name's closer is searched for in vain at most once."""
    pieces: list[str] = []
    unclosed: dict[str, list[int]] = {}  # name: [offset of the first, how many]
    kept = searched = 0
    while opener := HIDDEN_OPENER.search(raw, searched):
        name = opener.group(1).lower()
        closer = None if name in unclosed else HIDDEN_CLOSERS[name].search(raw, opener.end())
        if closer is None:
            unclosed.setdefault(name, [opener.start(), 0])[1] += 1
            searched = opener.end()
            continue
        pieces.append(raw[kept : opener.start()])
        kept = searched = closer.end()
    pieces.append(raw[kept:])
    flags = [
        Flag(first, f"<{name}>", _unclosed(name, count), in_input=True)
        for name, (first, count) in unclosed.items()
    ]
    return "".join(pieces), sorted(flags, key=lambda flag: flag.offset)


def _unclosed(name: str, count: int) -> str:
    if count == 1:
        return f"a <{name}> tag never closed: the text after it is kept as the article's"
    return f"{count} <{name}> tags never closed: the text after them is kept as the article's"


def without_controls(text: str) -> tuple[str, list[tuple[int, str]], list[Flag]]:
    """The text without its bidirectional controls, where each stood, and a flag for
    each kind of control (at its first place)."""
    controls: list[tuple[int, str]] = []
    removed = 0
    for match in CONTROL.finditer(text):
        controls.append((match.start() - removed, match.group()))
        removed += len(match.group())
    if not controls:
        return text, [], []
    counts: dict[str, list[int]] = {}
    for offset, char in controls:
        counts.setdefault(char, [offset, 0])[1] += 1
    flags = [Flag(first, char, _taken_out(char, count)) for char, (first, count) in counts.items()]
    return CONTROL.sub("", text), controls, flags


def _taken_out(control: str, count: int) -> str:
    if control.startswith("\x1b"):
        return f"terminal escape code taken out ({count} in all): it would colour or link text"
    return (
        f"bidirectional control U+{ord(control):04X} taken out ({count} in all):"
        " it shows the text around it in another order"
    )


def strip_readings(text: str) -> tuple[str, int]:
    """Remove pinyin readings pasted after characters; return text and count."""
    text, words = WORD_READING.subn("", text)
    text, after_cjk = PINYIN_READING.subn("", text)
    text, after_mojibake = TONED_READING.subn("", text)
    return text, words + after_cjk + after_mojibake


def _is_spam(line: str) -> bool:
    # The footers in this genre are runs of keywords joined by "_" in
    # Simplified script, unrelated to the article.
    return line.count("_") >= 2 and " " not in line.strip()


# a line ending in figures a space apart ("普通中学 Regular Secondary Schools 1373 1361"), and
# such figures that cannot be one number grouped by spaces (a group of four digits or more)
TRAILING_CELLS = re.compile(r"(?:^|[^\d.,])((?:\d[\d.,]*[ \u00a0]+)+\d[\d.,]*)[ \u00a0]*$")
UNGROUPABLE = re.compile(r"[ \u00a0]\d{4,}|[ \u00a0]\d+\.\d|^\d{4,}[ \u00a0]")
TABLE_NEIGHBOURS = 2  # lines either side that show a table of cells a space apart


def _space_grouped_joined(text: str) -> str:
    """Thousands grouped by spaces joined ("1 896.66万m" → "1896.66万m"), except on the rows of
    a table whose cells stand a space apart: "高 中 Senior 286 262" between "…1373 1361" and
    "…1087 1099" is two cells, not 286262."""
    lines = text.split("\n")
    rows = [_table_row_cells(line) for line in lines]
    tabled = [bool(UNGROUPABLE.search(cells)) if cells else False for cells in rows]
    joined = []
    for number, line in enumerate(lines):
        around = [
            tabled[other]
            for other in range(number - TABLE_NEIGHBOURS * 2, number + TABLE_NEIGHBOURS * 2 + 1)
            if 0 <= other < len(lines) and other != number and lines[other].strip()
        ]
        if rows[number] and sum(around) >= TABLE_NEIGHBOURS:
            joined.append(line)  # a row of a table: its cells stay apart
        else:
            joined.append(SPACE_GROUPED.sub(lambda m: GROUP_SPACE.sub("", m.group()), line))
    return "\n".join(joined)


# what a line stands in by: spaces, ideographic spaces (two each), no-break spaces
INDENT = re.compile(r"[ \u3000\u00a0]+")
MAX_INDENT = 12


def _row_indent(line: str) -> int:
    """How far a table's row stands in, kept: a yearbook sets a row's parts under it two
    spaces in (医院, then 综合医院 and 中医医院), and the indent is all that says so. Prose
    (a paragraph's indent) keeps none."""
    lead = INDENT.match(line)
    if lead is None or not _table_row_cells(line):
        return 0
    label = line[lead.end() :].split(" ")[0]
    if not label or label[0].isdigit() or re.search(r"[。，,;；:：]", label):
        return 0
    width = sum(2 if ch == "\u3000" else 1 for ch in lead.group())
    return width if width <= MAX_INDENT else 0


def _table_row_cells(line: str) -> str:
    found = TRAILING_CELLS.search(line)
    return found.group(1) if found else ""


def clean_article(raw: str) -> CleanResult:
    """Return the article's own text, its page metadata and flagged spots."""
    visible, hidden_flags = without_hidden_blocks(raw)
    text, readings = strip_readings(html.unescape(visible))
    text, quote_ends = MANGLED_QUOTE_END.subn("。”", text)
    text = HTML_TAG.sub("", text)
    text = FOOTNOTE_MARK.sub("", text)
    text = text.translate(FULL_WIDTH_FIGURES)
    text = _space_grouped_joined(text)
    text = SPACED_AFTER_WAN.sub("", SPACED_FIGURE.sub("", text))
    text = SPACED_THOUSANDS.sub("", text)
    text = _zhao_read(text)
    text = DOUBLED_PUNCTUATION.sub(lambda m: m.group(1) or "", text)
    text = _hard_wraps_joined(text)
    text = TABLE_AFTER_PROSE.sub(_table_set_apart, text)
    result = CleanResult(text="", removed_readings=readings, restored_quote_ends=quote_ends)
    body: list[str] = []
    for line in text.splitlines():
        stripped = line.strip().replace("\u3000", "")
        if not CONTROL.sub("", stripped):
            continue  # blank, or only controls: no paragraph to show
        if _take_metadata(stripped, body, result.metadata):
            continue
        body.append(" " * _row_indent(line) + stripped)
    result.text, result.controls, control_flags = without_controls("\n\n".join(body) + "\n")
    result.metadata = {key: BIDI_CONTROL.sub("", value) for key, value in result.metadata.items()}
    result.flags = hidden_flags + control_flags
    result.flags += [
        Flag(m.start(), m.group(), "characters lost in decoding; restore by hand")
        for m in LOST_CHARACTERS.finditer(result.text)
    ]
    return result


# a bulletin board's repost wraps its lines at a fixed width (76 columns, a Chinese character
# taking two): a line that fills the width and ends no sentence goes on in the next, even
# inside a number ("粗離婚率千分之2." / "66")
WRAP_WIDTHS = range(60, 81)  # columns a repost may wrap at
WRAP_SLACK = 3  # columns short of the widest a wrapped line may stop (a wide character left over)
WRAPPED_LINES = 3  # lines that fill the width before a text is read as hard-wrapped
SENTENCE_END = tuple("。!！?？;；:：」』”）)")


# a page that runs a paragraph of prose and the table after it into one line ("…下降92.21%。
# 具体收入项目情况如下: …情况表 | 预 算 科 目 | …"): the prose is no row of the table
TABLE_AFTER_PROSE = re.compile(
    r"^([^|\n]{60,}。)([^。|\n]*\|(?:[^|\n]*[^|\s][^|\n]*\|){2,})", re.MULTILINE
)  # (the table: a row of three cells or more with words in them; a note's closing | is none)


def _table_set_apart(match: re.Match[str]) -> str:
    return match.group(1) + "\n" + match.group(2).lstrip()


def _hard_wraps_joined(text: str) -> str:
    """The text with the lines a fixed-width wrap broke joined again: only where several lines
    of prose fill one width that a wrap column may have (a table's rows, spaced into columns
    or in English beside Chinese, are none)."""
    from rich.cells import cell_len  # the columns a terminal gives a line (a wide character two)

    lines = text.split("\n")
    widths = [cell_len(line) for line in lines]
    wide = [w for w, line in zip(widths, lines, strict=True) if w in WRAP_WIDTHS and _prose(line)]
    if len(wide) < WRAPPED_LINES or any(w > max(WRAP_WIDTHS) for w in widths):
        return text
    column = max(wide)
    joined: list[str] = []
    carry = False
    for line, width in zip(lines, widths, strict=True):
        if carry and line.strip():
            joined[-1] += line.strip()
        else:
            joined.append(line)
        carry = (
            width >= column - WRAP_SLACK
            and not line.rstrip().endswith(SENTENCE_END)
            and _prose(line)
        )
    return "\n".join(joined)


PROSE_SHARE = 0.5  # of a line's characters, Chinese ones (a table's row is mostly figures)


def _prose(line: str) -> bool:
    """A line of Chinese prose: no columns (a tab, a bar, a run of spaces), mostly Chinese."""
    words = line.strip()
    if not words or "|" in words or "\t" in words or "  " in words:
        return False
    from rich.cells import cell_len

    chinese = cell_len(words) - len(words)  # the wide characters, each a column more
    return chinese >= PROSE_SHARE * len(words)


# a chart's caption as a page keeps it between paragraphs ("2015-2021年全国医疗卫生机构数量统计图",
# "图1 农民工总量及增速") and the source under it ("数据来源:国家统计局,华经产业研究院整理"): no
# sentence, no figure; kept in the text, they part a paragraph from the whole it breaks down
CHART_CAPTION = re.compile(
    r"^(?:[^。,，;；:：!！?？]{4,48}[图圖]|[图圖]\s*\d{1,2}[^。,，;；!！?？\d]{2,40})$"
)
DATA_SOURCE = re.compile(r"^(?:数据|數據|资料|資料)(?:来源|來源)[:：][^。]{0,40}$")


def _take_metadata(line: str, body: list[str], meta: dict[str, str]) -> bool:
    """Record page chrome as metadata; True when the line is not article text."""
    if not body:
        meta["title"] = line
        return False
    if match := DATE_LINE.match(line):
        meta.update({k: v for k, v in match.groupdict().items() if v})
        if chinese := CHINESE_DATE.fullmatch(meta["date"]):
            year, month, day = chinese.groups()
            meta["date"] = f"{year}-{int(month):02d}-{int(day):02d}"
        return True
    if match := EDITOR_LINE.match(line):
        meta["editor"] = match["editor"]
        return True
    if CHROME_LINE.match(line):
        meta.setdefault("chrome", line)
        return True
    if COPYRIGHT_LINE.match(line):
        meta["copyright"] = line
        if match := REPUBLISHER.search(line):
            meta["republisher"] = match["names"] or match["names_s"]
        return True
    if _is_spam(line):
        meta["spam"] = line
        return True
    if CHART_CAPTION.match(line) or DATA_SOURCE.match(line):
        meta.setdefault("captions", line)  # a chart's caption or source: no paragraph
        return True
    if match := BYLINE.match(line):
        meta["author"] = match["author"]
    return False


# what a page header states of the article: 《人民日报》2020年01月25日 01版, 来源:新华社,
# 發布時間:2020-01-25 08:43
MASTHEAD = re.compile(r"^《(?P<publisher>[^》]{2,20})》\s*(?P<date>\d{4}年\d{1,2}月\d{1,2}日)")
# at a line's start or after a space: 数据来源:国家统计局 in the text names no publisher
SOURCE_WORDS = re.compile(r"(?:^|\s)(?:來源|来源)[:：]\s*(?P<publisher>[^\s,，;；。]{2,30})")
DATE_WORDS = re.compile(
    r"(?:^|\s)(?:發布時間|发布时间|發佈時間|日期|時間|时间)[:：]\s*"
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)"
)
HEADER_LINES = 6  # a page states its source at its top, not in its body


def stated_source(text: str, metadata: dict[str, str]) -> dict[str, str]:
    """Publisher and date: the cleaned metadata's, else what the page's first lines state."""
    found: dict[str, str] = {}
    for line in text.strip().split("\n")[:HEADER_LINES]:
        for pattern in (MASTHEAD, SOURCE_WORDS, DATE_WORDS):
            if match := pattern.search(line.strip()):
                for key, value in match.groupdict().items():
                    found.setdefault(key, value)
    if "date" in found:
        found["date"] = _iso_date(found["date"])
    return {**found, **{k: v for k, v in metadata.items() if k in ("publisher", "date") and v}}


def _iso_date(written: str) -> str:
    parts = re.findall(r"\d+", written)
    year, month, day = parts[:3]
    return f"{year}-{int(month):02d}-{int(day):02d}"


def header_spans(text: str) -> list[tuple[int, int]]:
    """Where the page header lines stand in the text (a masthead, a source or date line):
    their figures are the page's furniture, no statistic of the article."""
    lines = list(re.finditer(r"[^\n]+", text))[:HEADER_LINES]
    headers = (MASTHEAD, SOURCE_WORDS, DATE_WORDS)
    return [line.span() for line in lines if any(p.search(line.group().strip()) for p in headers)]
