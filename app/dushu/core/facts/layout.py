"""The layout of a news text: photo captions and their credits, headings and the dateline."""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from dushu.core.facts.dates import find_date_mentions

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

@dataclass(frozen=True, slots=True)
class TextLayout:
    """Paragraph roles in a text: photo captions, the dateline and headings (by character span)."""

    captions: tuple[tuple[int, int], ...]
    headings: tuple[tuple[int, int], ...]
    dateline: tuple[int, int] | None
    reference_date: str  # the dateline's date, "" without one

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


def layout_of(text: str) -> TextLayout:
    """Find the photo captions, headings and dateline of a news text.

    A caption is a paragraph that ends with a picture credit after its full stop ("。（Reuters）") or
    with a known agency's name in brackets, or that opens with its date and place
    ("2025年10月28日，日本東京，…"). A dateline is a paragraph that is only a full date.
    """
    captions: list[tuple[int, int]] = []
    headings: list[tuple[int, int]] = []
    dateline: tuple[int, int] | None = None
    reference = ""
    for a, b in _paragraphs(text):
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
                        not any("\u4e00" <= c <= "\u9fff" for c in credit.group(1))
                        and " " not in credit.group(1).strip()[:1]
                    )
                )
            )
            or (agency and _is_credit(agency.group(1)))
            or (head_dated and len(para) < 200)
        ):
            captions.append((a, b))
            continue
        # A dateline is a short paragraph that is only a date ("2025年11月28日", "2025年11月28日 星期五").
        mentions = find_date_mentions(para) if dateline is None and len(para) <= 30 else []
        if (
            dateline is None
            and len(mentions) == 1
            and mentions[0].precision == "day"
            and len(para.strip(" 　")) <= len(mentions[0].text) + 12
            and not any(ch in para for ch in "，。")
        ):
            dateline = (a, b)
            reference = mentions[0].date
            continue
        if para[-1] not in _TERMINAL and len(para) <= 40:
            headings.append((a, b))
    return TextLayout(tuple(captions), tuple(headings), dateline, reference)
