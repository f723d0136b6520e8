"""The layout of a news text: photo captions and their credits, headings and the dateline."""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as _date

from dushu.core.facts.dates import find_date_mentions, read_numeral
from dushu.core.models import is_han

# News agencies and picture credits that close a photo caption: "…會面。（Reuters）".
_AGENCIES = frozenset(
    [
        "reuters",
        "ap",
        "afp",
        "getty",
        "bloomberg",
        "epa",
        "xinhua",
        "kyodo",
        "yonhap",
        "nurphoto",
        "shutterstock",
        "路透社",
        "美聯社",
        "美联社",
        "法新社",
        "新華社",
        "新华社",
        "中新社",
        "彭博",
        "彭博社",
        "歐新社",
        "欧新社",
        "共同社",
        "韓聯社",
        "韩联社",
        "視覺中國",
        "视觉中国",
        "資料圖片",
        "资料图片",
        "網上圖片",
        "网上图片",
        "中通社",
        "圖片",
        "图片",
        "資料圖",
        "资料图",
    ]
)
_CREDIT_END = re.compile(r"[。！？.!?]\s*[（(]([^（）()\n]{1,30})[）)]\s*$")
_CREDIT_ONLY = re.compile(r"[（(]([^（）()\n]{1,30})[）)]\s*$")
# A caption that opens with its date and place: "2025年10月28日，日本東京，…".
_CAPTION_HEAD = re.compile(r"^(\S{6,16}?日)[，,]\s*([^，,。]{2,16})[，,]\s*")
_TERMINAL = "。！？!?…」』”"
# A dateline is looked for among the first paragraphs only: a date alone further down is a list entry.
_DATELINE_PARAGRAPHS = 6
# A reporter's line that gives the day the story was filed: "（中央社記者林小雨台北19日電）",
# "〔記者王大同／高雄19日報導〕", "新華社北京3月5日電". The month, when missing, is the document's.
_DAY_NUM = r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十廿卅]{1,3})"
_BYLINE = re.compile(
    rf"^[〔【\[(（]?[^〔〕【】\[\]()（）\n，。]{{0,24}}?"
    rf"(?:(?P<month>1[0-2]|0?[1-9]|[０-９]{{1,2}}|十[一二]?|[一二三四五六七八九])月)?(?P<day>{_DAY_NUM})日"
    rf"(?:電|电|報導|报导|報道|报道|訊|讯)[〕】\])）]?"
)
# A bracketed reporter's line without its day ("〔記者X／台北報導〕"), which a dateline may follow.
_BYLINE_PLAIN = re.compile(
    r"^[〔【\[(（][^〔〕【】\[\]()（）\n，。]{1,24}?(?:電|电|報導|报导|報道|报道|訊|讯)[〕】\])）]"
)
# Words a dateline may hold beside its date: "2025-08-26 更新", "發佈時間：2025/08/26 10:30".
_TIME_WORDS = re.compile(
    r"(?:發佈|發布|发布|更新|刊出|刊登|出版|上載|上载)(?:時間|时间|日期)?|時間|时间|日期"
    r"|上午|下午|凌晨|中午|晚上|晚間|晚间|早上"
)
# An agency story's closing code: the ROC year and the day, after the editor's credit
# ("（編輯：王小明）1150219" is 2026-02-19). Three digits of ROC year keep it from a phone number.
_CLOSING_CODE = re.compile(r"(?:^|[)）\]】\s])(1[0-9]{2})(0[1-9]|1[0-2])([0-3][0-9])$")
# The closing code is looked for in the last paragraphs only.
_CLOSING_PARAGRAPHS = 3
# A list entry that opens with its date and a colon ("◎2006/12/26：…") is no heading.
_ENTRY_HEAD = re.compile(r"^\W{0,2}\s*\S{4,16}?[：:]")


@dataclass(frozen=True, slots=True)
class TextLayout:
    """Paragraph roles in a text: photo captions, the dateline and headings (by character span)."""

    captions: tuple[tuple[int, int], ...]
    headings: tuple[tuple[int, int], ...]
    dateline: tuple[int, int] | None
    reference_date: str  # the document's own date ("YYYY-MM-DD"), "" when nothing gives it
    bylines: tuple[tuple[int, int], ...] = ()  # reporters' lines that give the filing day

    def is_dateline(self, pos: int) -> bool:
        """True when offset `pos` lies in the dateline or in a reporter's dated line."""
        if self.dateline and self.dateline[0] <= pos < self.dateline[1]:
            return True
        return _in_spans(self.bylines, pos)

    def is_caption(self, pos: int) -> bool:
        """True when offset `pos` lies in a photo caption."""
        return _in_spans(self.captions, pos)

    def is_heading(self, pos: int) -> bool:
        """True when offset `pos` lies in a heading, a title or the dateline."""
        if self.dateline and self.dateline[0] <= pos < self.dateline[1]:
            return True
        return _in_spans(self.headings, pos)


def _in_spans(spans: Sequence[tuple[int, int]], pos: int) -> bool:
    """True when `pos` lies in one of `spans` (sorted, not overlapping)."""
    i = bisect.bisect_right(spans, (pos, sys.maxsize)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
        pos += len(line) + 1
    return spans


def _is_credit(inner: str) -> bool:
    """True for a picture credit: "Reuters", "Getty Images", "AP Photo/…", "路透社", "資料圖片"."""
    inner = inner.strip()
    first = re.split(r"[\s/／|｜]", inner.lower(), maxsplit=1)[0]
    if first in _AGENCIES:
        return True
    return any(inner.startswith(a) for a in _AGENCIES if not a.isascii())


def layout_of(text: str, document_date: str = "") -> TextLayout:
    """Find the photo captions, headings, dateline and the document's own date in a news text.

    A caption is a paragraph that ends with a picture credit after its full stop ("。（Reuters）") or
    with a known agency's name in brackets, or that opens with its date and place
    ("2025年10月28日，日本東京，…"). A dateline is one of the first paragraphs that is only a full date
    (2025-08-26, 2025/8/26, 2025年8月26日 星期二). A reporter's line near the top that names a day
    ("（中央社記者X台北19日電）") moves the document date to that day, in the month nearest the
    dateline or `document_date` (the user's own setting, which otherwise wins over the dateline).
    """
    captions: list[tuple[int, int]] = []
    headings: list[tuple[int, int]] = []
    bylines: list[tuple[int, int]] = []
    dateline: tuple[int, int] | None = None
    reference = ""
    byline_day: tuple[int | None, int] | None = None
    paragraphs = _paragraphs(text)
    for index, (a, b) in enumerate(paragraphs):
        para = text[a:b]
        credit = _CREDIT_END.search(para)
        agency = _CREDIT_ONLY.search(para)
        head = _CAPTION_HEAD.match(para)
        head_dated = False
        if head:
            mentions = find_date_mentions(head.group(1))
            head_dated = (
                bool(mentions) and mentions[0].text == head.group(1) and mentions[0].precision == "day"
            )
        if (
            (
                credit
                and (
                    _is_credit(credit.group(1))
                    or (
                        not any(is_han(c) for c in credit.group(1)) and " " not in credit.group(1).strip()[:1]
                    )
                )
            )
            or (agency and _is_credit(agency.group(1)))
            or (head_dated and len(para) < 200)
        ):
            captions.append((a, b))
            continue
        early = index < _DATELINE_PARAGRAPHS
        # A dateline is a short paragraph that is only a date ("2025-11-28", "2025年11月28日 星期五").
        mentions = find_date_mentions(para) if early and dateline is None and len(para) <= 30 else []
        if (
            dateline is None
            and len(mentions) == 1
            and mentions[0].precision == "day"
            and mentions[0].explicit
            and len(para.strip(" 　")) <= len(mentions[0].text) + 12
            and _only_date_and_time(para.replace(mentions[0].text, ""))
        ):
            dateline = (a, b)
            reference = mentions[0].date
            continue
        plain = _BYLINE_PLAIN.match(para) if early and dateline is None else None
        if plain:
            day = _dateline_after(para[plain.end() :])
            if day:
                dateline, reference = (a, b), day
                bylines.append((a, b))
                continue
        byline = _BYLINE.match(para) if early and byline_day is None else None
        if byline:
            day = _dateline_after(para[byline.end() :]) if dateline is None else ""
            if day:
                dateline, reference = (a, b), day
                bylines.append((a, b))
                byline_day = None
                continue
            bylines.append((a, a + byline.end()))
            month = byline.group("month")
            byline_day = (read_numeral(month) if month else None, read_numeral(byline.group("day")))
            if byline.end() >= len(para.rstrip()):
                continue  # the line is only the byline
        if para[-1] not in _TERMINAL and len(para) <= 40 and not _is_entry(para):
            headings.append((a, b))
    base = document_date or reference or _closing_date(text, paragraphs)
    if base and byline_day is not None:
        base = _with_day(base, *byline_day)
    return TextLayout(tuple(captions), tuple(headings), dateline, base, tuple(bylines))


def _closing_date(text: str, paragraphs: Sequence[tuple[int, int]]) -> str:
    """The date of an agency story's closing code ("（編輯：王小明）1150219" -> "2026-02-19"), or ""."""
    for a, b in paragraphs[-_CLOSING_PARAGRAPHS:]:
        code = _CLOSING_CODE.search(text[a:b])
        if code:
            year, month, day = (int(g) for g in code.groups())
            try:
                return _date(year + 1911, month, day).isoformat()
            except ValueError:
                continue  # 1150231 is no day
    return ""


def _dateline_after(rest: str) -> str:
    """The day of a dateline that follows a byline on its line (〔記者X／台北報導〕2026年3月12日): the
    rest of the line is one explicit full date and perhaps a time; "" otherwise."""
    after = find_date_mentions(rest) if len(rest) <= 30 else []
    if (
        len(after) == 1
        and after[0].precision == "day"
        and after[0].explicit
        and _only_date_and_time(rest.replace(after[0].text, ""))
    ):
        return after[0].date
    return ""


def _only_date_and_time(rest: str) -> bool:
    """True when what a line holds beside its date is a time or a publishing word ("更新 09:30")."""
    rest = _TIME_WORDS.sub("", rest)
    return not any(is_han(ch) or ch in "，。" for ch in re.sub(r"\d{1,2}[:：]\d{2}", "", rest))


def _is_entry(para: str) -> bool:
    """A list entry that opens with its date and a colon: "◎2006/12/26：…", "3月5日：…"."""
    head = _ENTRY_HEAD.match(para)
    if not head:
        return False
    mentions = find_date_mentions(head.group(0).rstrip("：:"), reference_date="2000-01-01")
    # "◎9月15日至19日：登記" is an entry too: a month and day need no year of their own.
    return bool(mentions) and (mentions[0].explicit or len(mentions[0].date) >= 7)


def _with_day(base: str, month: int | None, day: int) -> str:
    """`base` ("YYYY-MM-DD") moved to the given day, in the nearest month (year) that has it."""
    year, base_month, base_day = (int(x) for x in base.split("-"))
    anchor = _date(year, base_month, base_day)
    best: tuple[int, _date] | None = None
    for step in (-1, 0, 1):
        if month is None:
            total = year * 12 + base_month - 1 + step
            y, m = divmod(total, 12)
            m += 1
        else:
            y, m = year + step, month
        try:
            when = _date(y, m, day)
        except ValueError:
            continue
        distance = abs((when - anchor).days)
        if best is None or distance < best[0]:
            best = (distance, when)
    return best[1].isoformat() if best else base
