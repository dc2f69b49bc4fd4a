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
# pasted right after a Chinese character; some scrapes leave a trailing space.
PINYIN_READING = re.compile(rf"(?<=[{_CJK}])[(（]([{_PINYIN_LETTERS}]{{1,6}}) ?[)）]")
# After a character lost to a bad decode ("ç»©(jì)") only a toned syllable is surely a reading.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_TONED_SYLLABLE = rf"[{_PINYIN_LETTERS}]{{0,5}}[{_TONED}][{_PINYIN_LETTERS}]{{0,5}}"
# A word's reading after it ("脫貧(tuō pín)"): several syllables, each toned, so that a
# remark in brackets is never taken for one.
WORD_READING = re.compile(
    rf"(?<=[{_CJK}])[(（]({_TONED_SYLLABLE}(?: {_TONED_SYLLABLE}){{1,3}}) ?[)）]"
)
# What a page runs but never shows: scripts and styles, their contents too.
HIDDEN_BLOCK = re.compile(r"<(script|style|noscript)\b[^>]*>.*?</\1\s*>", re.S | re.I)
TONED_READING = re.compile(rf"(?<=[^\x00-\x7f{_CJK}])[(（]({_TONED_SYLLABLE}) ?[)）]")
# "。”</p>" decoded through the wrong code page comes out as "?!?/p>".
MANGLED_QUOTE_END = re.compile(r"\?!\?(?:</?p>|/p>)?")
HTML_TAG = re.compile(r"</?[a-zA-Z][^<>\n]{0,200}>|(?<![a-zA-Z])/?p>")
# Figures as scrapes and typists write them: full-width digits, "1660 萬人" with a
# space, "6, 688". They are restored so that one figure reads as one figure.
FULL_WIDTH_FIGURES = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
SPACED_FIGURE = re.compile(r"(?<=\d) +(?=[萬万億亿千百%元個个人])|(?<=\d,) +(?=\d{3}(?!\d))")
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
    """A spot the cleaner could not restore with certainty."""

    offset: int
    text: str
    reason: str


@dataclass
class CleanResult:
    text: str
    metadata: dict[str, str] = field(default_factory=dict)
    flags: list[Flag] = field(default_factory=list)
    removed_readings: int = 0
    restored_quote_ends: int = 0


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


def clean_article(raw: str) -> CleanResult:
    """Return the article's own text, its page metadata and flagged spots."""
    text, readings = strip_readings(html.unescape(HIDDEN_BLOCK.sub("", raw)))
    text, quote_ends = MANGLED_QUOTE_END.subn("。”", text)
    text = HTML_TAG.sub("", text)
    text = FOOTNOTE_MARK.sub("", text)
    text = SPACED_FIGURE.sub("", text.translate(FULL_WIDTH_FIGURES))
    text = DOUBLED_PUNCTUATION.sub(lambda m: m.group(1) or "", text)
    result = CleanResult(text="", removed_readings=readings, restored_quote_ends=quote_ends)
    body: list[str] = []
    for line in text.splitlines():
        stripped = line.strip().replace("\u3000", "")
        if not stripped or _take_metadata(stripped, body, result.metadata):
            continue
        body.append(stripped)
    result.text = "\n\n".join(body) + "\n"
    result.flags = [
        Flag(m.start(), m.group(), "characters lost in decoding; restore by hand")
        for m in LOST_CHARACTERS.finditer(result.text)
    ]
    return result


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
    if match := BYLINE.match(line):
        meta["author"] = match["author"]
    return False
