"""Dates in Chinese text: finding every mention, inferring missing years and months, normalising."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date as _date
from datetime import timedelta

__all__ = [
    "DateMention",
    "date_answer_forms",
    "find_date_mentions",
    "format_date_zh",
    "parse_date_answer",
    "shift_date",
]

# Full-width digits become ASCII one for one, so offsets found in the translated text hold in the original.
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_CN_DIGIT = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

_YEAR = r"(?:\d{4}|[〇零○一二三四五六七八九]{4})"
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = (
    r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
)
_NUMERAL = "0-9〇零○一二三四五六七八九十"
# After a bare 日 these characters make it "Japan", "yen" or "Japanese", not a day of the month.
_JAPAN_NEXT = "本圓元幣語文方軍韓美澳印菲歐中台俄朝英德法籍企相"
# Before a bare month or day these characters make the number a count ("6個月", "第3日") or part of a word.
_COUNT_PREV = "第每個幾數半多近約逾"
_REL_YEAR = "同年|當年|翌年|次年|隔年|去年|今年|明年|前年|本年|來年|上年|来年|当年"
_REL_MONTH = "同月|當月|翌月|次月|当月"
_REL_DAY = "同一天|同一日|同日|當天|當日|翌日|次日|隔日|隔天|前一天|前一日|当天|当日"

_PATTERN = re.compile(
    rf"""
    (?P<decade>(?:(?P<century>二十|十九|20|19)世紀)?(?P<dnum>\d{{4}}|\d{{2}}|[一二三四五六七八九]十)年代)
    | (?P<fiscal>(?<![{_NUMERAL}])(?P<fyear>{_YEAR})(?:財年|財政年度|会计年度|會計年度|年度|财年|财政年度))
    | (?P<full>(?<![{_NUMERAL}])(?P<year>{_YEAR})年
        (?:(?P<month>{_MONTH})月(?:份)?(?:(?P<day>{_DAY})[日號号])?)?)
    | (?P<relfiscal>(?P<rfword>本|今|去|上|下|明|來|来|翌)年度)
    | (?P<relyear>(?<![提過过不相一每此首多數数])(?P<ryword>{_REL_YEAR})(?![齡龄紀纪級级代輕轻華华])
        (?:(?P<rymonth>{_MONTH})月(?:份)?(?:(?P<ryday>{_DAY})[日號号])?)?)
    | (?P<relmonth>(?P<rmword>{_REL_MONTH})(?:(?P<rmday>{_DAY})[日號号])?)
    | (?P<relday>(?P<rdword>{_REL_DAY})(?![{_JAPAN_NEXT}]))
    | (?P<md>(?<![{_NUMERAL}{_COUNT_PREV}])(?P<mdmonth>{_MONTH})月(?P<mdday>{_DAY})[日號号])
    | (?P<m>(?<![{_NUMERAL}{_COUNT_PREV}年])(?P<mmonth>{_MONTH})月(?![{_NUMERAL}]))
    | (?P<d>(?<![{_NUMERAL}{_COUNT_PREV}月同當当翌次隔前今明昨本上下])
        (?P<dday>3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九])
        [日號号](?![{_JAPAN_NEXT}]))
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date in the text, resolved to "YYYY", "YYYY-MM" or "YYYY-MM-DD".

    `explicit` is True when the words themselves give the year (2017年11月), False when it was inferred
    from context (同年11月, 28日, 今年). `kind` is "date", "fiscal" (2027財年, 本年度) or "decade" (1990年代).
    """

    start: int
    end: int
    text: str
    date: str
    kind: str = "date"
    explicit: bool = True

    @property
    def precision(self) -> str:
        """ "year", "month" or "day"."""
        return {4: "year", 7: "month"}.get(len(self.date), "day")


@dataclass(frozen=True, slots=True)
class _Raw:
    start: int
    end: int
    text: str
    form: str  # which alternative of _PATTERN matched
    year: int | None = None
    month: int | None = None
    day: int | None = None
    word: str = ""  # the relative word: 同年, 翌月, 今年 ...


def _cn_number(s: str) -> int:
    """Read 2025, 二〇二五, 十一, 二十八 or 三十 as an integer."""
    s = s.translate(_FULLWIDTH)
    if s.isdigit():
        return int(s)
    if "十" not in s:
        value = 0
        for ch in s:
            value = value * 10 + _CN_DIGIT[ch]
        return value
    tens, _, units = s.partition("十")
    return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[units] if units else 0)


def _raw_mentions(text: str) -> list[_Raw]:
    """Every date-like span in `text`, with the parts the words themselves state."""
    scan = text.translate(_FULLWIDTH)
    raws: list[_Raw] = []
    for m in _PATTERN.finditer(scan):
        start, end = m.span()
        words = text[start:end]
        form = m.lastgroup or ""
        g = m.group
        if form == "decade":
            num = _cn_number(g("dnum"))
            if num < 100:
                century = g("century")
                if century in ("十九", "19"):
                    base = 1900
                elif century in ("二十", "20"):
                    base = 2000 if num < 10 else 1900  # 二十世紀九十年代 is the 1990s
                else:
                    base = 1900 if num >= 30 else 2000
                num = base + num
            raws.append(_Raw(start, end, words, form, year=num))
        elif form == "fiscal":
            raws.append(_Raw(start, end, words, form, year=_cn_number(g("fyear"))))
        elif form == "full":
            raws.append(
                _Raw(
                    start,
                    end,
                    words,
                    form,
                    year=_cn_number(g("year")),
                    month=_opt(g("month")),
                    day=_opt(g("day")),
                )
            )
        elif form == "relfiscal":
            raws.append(_Raw(start, end, words, form, word=g("rfword") + "年"))
        elif form == "relyear":
            word = g("ryword")
            month = _opt(g("rymonth"))
            if word in ("當年", "当年") and month is None:
                continue  # a bare 當年 usually means "back then", not a year
            raws.append(_Raw(start, end, words, form, month=month, day=_opt(g("ryday")), word=word))
        elif form == "relmonth":
            raws.append(_Raw(start, end, words, form, day=_opt(g("rmday")), word=g("rmword")))
        elif form == "relday":
            raws.append(_Raw(start, end, words, form, word=g("rdword")))
        elif form == "md":
            raws.append(
                _Raw(start, end, words, form, month=_cn_number(g("mdmonth")), day=_cn_number(g("mdday")))
            )
        elif form == "m":
            raws.append(_Raw(start, end, words, form, month=_cn_number(g("mmonth"))))
        elif form == "d":
            raws.append(_Raw(start, end, words, form, day=_cn_number(g("dday"))))
    return [r for r in raws if _plausible(r)]


def _opt(s: str | None) -> int | None:
    return _cn_number(s) if s else None


def _plausible(r: _Raw) -> bool:
    if r.year is not None and not 1000 <= r.year <= 2199:
        return False
    if r.month is not None and not 1 <= r.month <= 12:
        return False
    return r.day is None or 1 <= r.day <= 31


def _fmt(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        _date(year, month, day)
    except ValueError:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _parts(date: str) -> tuple[int, int | None, int | None]:
    bits = [int(b) for b in date.split("-")]
    return bits[0], (bits[1] if len(bits) > 1 else None), (bits[2] if len(bits) > 2 else None)


def _paragraph_of(text: str) -> list[int]:
    """For each character offset, the index of its paragraph (a run of text between line breaks)."""
    para = [0] * (len(text) + 1)
    n = 0
    for i, ch in enumerate(text):
        para[i] = n
        if ch == "\n":
            n += 1
    para[len(text)] = n
    return para


def find_date_mentions(
    text: str,
    *,
    reference_date: str = "",
    caption_spans: Sequence[tuple[int, int]] = (),
) -> list[DateMention]:
    """Find every date in `text` and resolve it to "YYYY", "YYYY-MM" or "YYYY-MM-DD".

    Missing parts come from context. 28日 or 5月 take the year (and month) of the previous date in
    the same paragraph, or else of the nearest fully dated mention anywhere in the text, photo captions
    included. 同年 / 翌年 / 次年 / 同月 / 翌日 count from the previous date of the running text (captions
    are skipped: they interrupt it). 今年 / 去年 / 明年 / 本年度 count from `reference_date` (the
    article's own date) when given, else from the latest caption date, else from the nearest full date.
    A mention that nothing can resolve is left out.

    >>> [(m.text, m.date) for m in find_date_mentions("2024年4月舉行峰會。同年11月，三國成立秘書處。")]
    [('2024年4月', '2024-04'), ('同年11月', '2024-11')]
    >>> [m.date for m in find_date_mentions("10月27日抵達，28日會談。2025年10月28日，東京。")]
    ['2025-10-27', '2025-10-28', '2025-10-28']
    """
    raws = _raw_mentions(text)
    if not raws:
        return []
    para = _paragraph_of(text)

    spans = sorted(caption_spans)
    span_starts = [a for a, _b in spans]

    def in_caption(pos: int) -> bool:
        i = bisect.bisect_right(span_starts, pos) - 1
        return i >= 0 and spans[i][0] <= pos < spans[i][1]

    full_anchors = [r for r in raws if r.form == "full" and r.day is not None]
    year_anchors = [r for r in raws if r.year is not None]

    full_starts = [a.start for a in full_anchors]
    year_starts = [a.start for a in year_anchors]

    def nearest(anchors: list[_Raw], pos: int) -> _Raw | None:
        # Anchors are in text order: the nearest is one of the two around `pos`.
        starts = full_starts if anchors is full_anchors else year_starts
        i = bisect.bisect_left(starts, pos)
        around = anchors[max(0, i - 1) : i + 1]
        return min(around, key=lambda a: abs(a.start - pos), default=None)

    doc_year: int | None = None
    if reference_date:
        doc_year = _parts(reference_date)[0]
    else:
        caption_full = [r for r in full_anchors if in_caption(r.start)]
        if caption_full:
            doc_year = max(r.year for r in caption_full if r.year is not None)

    def nearest_anchor(pos: int, year_only_ok: bool) -> _Raw | None:
        return nearest(full_anchors, pos) or (nearest(year_anchors, pos) if year_only_ok else None)

    def document_year(pos: int) -> int | None:
        if doc_year is not None:
            return doc_year
        anchor = nearest(full_anchors, pos) or nearest(year_anchors, pos)
        return anchor.year if anchor else None

    resolved: list[DateMention] = []
    # The previous resolved date of the running text (body) and of the caption being read.
    previous_body: tuple[int, str] | None = None  # (paragraph, date)
    previous_caption: tuple[int, str] | None = None

    for r in raws:
        caption = in_caption(r.start)
        prev = previous_caption if caption else previous_body
        prev_date = prev[1] if prev else None
        same_para_prev = prev_date if prev and prev[0] == para[r.start] else None
        date = _resolve(r, prev_date, same_para_prev, document_year, nearest_anchor)
        if date is None:
            continue
        kind = {"fiscal": "fiscal", "relfiscal": "fiscal", "decade": "decade"}.get(r.form, "date")
        explicit = r.form in ("full", "fiscal", "decade")
        resolved.append(DateMention(r.start, r.end, r.text, date, kind, explicit))
        if kind != "decade":
            if caption:
                previous_caption = (para[r.start], date)
            else:
                previous_body = (para[r.start], date)
    return resolved


def _resolve(
    r: _Raw,
    prev: str | None,
    same_para_prev: str | None,
    document_year: Callable[[int], int | None],
    nearest_anchor: Callable[[int, bool], _Raw | None],
) -> str | None:
    """The normalised date of one raw mention, given what came before it."""
    if r.form in ("full", "fiscal", "decade"):
        assert r.year is not None
        return _fmt(r.year, r.month, r.day)

    if r.form in ("relyear", "relfiscal"):
        word = r.word
        if word in ("同年", "當年", "当年", "翌年", "次年", "隔年"):
            if prev is None:
                return None
            year = _parts(prev)[0] + (0 if word in ("同年", "當年", "当年") else 1)
        else:
            doc = document_year(r.start)
            if doc is None:
                return None
            offset = {"去年": -1, "上年": -1, "前年": -2, "明年": 1, "來年": 1, "来年": 1, "下年": 1}
            year = doc + offset.get(word, 0)
        return _fmt(year, r.month, r.day if r.month is not None else None)

    if r.form == "relmonth":
        if prev is None or _parts(prev)[1] is None:
            return None
        year, month, _ = _parts(prev)
        assert month is not None
        if r.word in ("翌月", "次月"):
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return _fmt(year, month, r.day)

    if r.form == "relday":
        if prev is None or _parts(prev)[2] is None:
            return None
        step = {"翌日": 1, "次日": 1, "隔日": 1, "隔天": 1, "前一天": -1, "前一日": -1}.get(r.word, 0)
        return shift_date(prev, days=step)

    # A month-day, a bare month or a bare day: take what is missing from the context.
    context = same_para_prev
    if context is None:
        anchor = nearest_anchor(r.start, r.form != "d")
        if anchor is None or anchor.year is None:
            return None
        context = _fmt(anchor.year, anchor.month, anchor.day)
    year, month, _ = _parts(context)
    if r.form == "d":
        if month is None:
            return None
        return _fmt(year, month, r.day)
    return _fmt(year, r.month, r.day)


def shift_date(date: str, *, years: int = 0, months: int = 0, days: int = 0) -> str:
    """Move a normalised date by whole years, months or days, keeping its precision.

    >>> shift_date("2024-11", months=2), shift_date("2025-10-31", days=1), shift_date("2019", years=-1)
    ('2025-01', '2025-11-01', '2018')
    """
    year, month, day = _parts(date)
    year += years
    if month is not None and months:
        total = year * 12 + (month - 1) + months
        year, month = divmod(total, 12)
        month += 1
    if day is not None and month is not None:
        day = min(day, _days_in_month(year, month))
        if days:
            moved = _date(year, month, day) + timedelta(days=days)
            return moved.isoformat()
    return _fmt(year, month, day)


def _days_in_month(year: int, month: int) -> int:
    nxt = _date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - timedelta(days=1)).day


def format_date_zh(date: str) -> str:
    """Write a normalised date the way a Chinese text does: "2017-11" -> "2017年11月".

    >>> format_date_zh("2025-10-28"), format_date_zh("2017-11"), format_date_zh("2018")
    ('2025年10月28日', '2017年11月', '2018年')
    """
    year, month, day = _parts(date)
    out = f"{year}年"
    if month is not None:
        out += f"{month}月"
    if day is not None:
        out += f"{day}日"
    return out


_ANSWER_NUMERIC = re.compile(
    r"^\s*(\d{4})\s*(?:(?:[-/.．／年]|\s)\s*(\d{1,2})\s*(?:(?:[-/.．／月]|\s)\s*(\d{1,2})\s*[日號号]?|月份?)?|年)?\s*$"
)


def parse_date_answer(answer: str) -> str | None:
    """Read a typed date in any common form as a normalised date, or None if it is not one date.

    Accepts 2017年11月, 2017/11, 2017-11, 2017.11, full-width digits and Chinese numerals
    (二〇一七年十一月).

    >>> [parse_date_answer(a) for a in ("2017年11月", "2017/11", "２０１７－１１", "二零一七年十一月")]
    ['2017-11', '2017-11', '2017-11', '2017-11']
    """
    s = answer.strip().translate(_FULLWIDTH).replace("－", "-").replace("　", " ")
    if not s:
        return None
    m = _ANSWER_NUMERIC.match(s)
    if m:
        year = int(m.group(1))
        month = int(m.group(2)) if m.group(2) else None
        day = int(m.group(3)) if m.group(3) else None
        if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
            return None
        return _fmt(year, month, day)
    raws = _raw_mentions(s)
    if len(raws) == 1 and raws[0].start == 0 and raws[0].end == len(s) and raws[0].form in ("full", "fiscal"):
        r = raws[0]
        assert r.year is not None
        return _fmt(r.year, r.month, r.day)
    return None


def date_answer_forms(date: str, original: str = "") -> list[str]:
    """The equivalent ways to write `date` that a cloze answer should accept (first one preferred).

    >>> date_answer_forms("2017-11")
    ['2017年11月', '2017/11', '2017-11', '2017.11']
    """
    year, month, day = _parts(date)
    forms = [format_date_zh(date)]
    if month is None:
        forms.append(str(year))
    elif day is None:
        forms += [f"{year}/{month}", f"{year}-{month:02d}", f"{year}.{month}"]
    else:
        forms += [f"{year}/{month}/{day}", f"{year}-{month:02d}-{day:02d}", f"{year}.{month}.{day}"]
    if original and original not in forms:
        forms.append(original)
    return _unique(forms)


def _unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out
