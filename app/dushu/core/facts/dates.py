"""Dates in Chinese text: finding every mention, inferring missing years and months, normalising."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from dataclasses import replace as _replace
from datetime import date as _date
from datetime import timedelta

from dushu.core.models import is_han

__all__ = [
    "DateMention",
    "date_answer_forms",
    "find_date_mentions",
    "format_date_zh",
    "is_taiwanese",
    "parse_date_answer",
    "parse_document_date",
    "read_numeral",
    "shift_date",
]

# Full-width digits and separators become ASCII one for one, so offsets found in the translated text
# hold in the original.
_FULLWIDTH = str.maketrans("０１２３４５６７８９／－．～（）：　", "0123456789/-.~(): ")
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
_CN = "〇零○Ｏ一二三四五六七八九"
_CN19 = "一二三四五六七八九"
_SP = r"[ ]?"  # the ideographic space was translated to a plain one

_YEAR4 = rf"(?:\d{{4}}|[{_CN}]{{4}})"
_MONTH = rf"(?:1[0-2]|0?[1-9]|十[一二]?|[{_CN19}])"
_DAY = rf"(?:3[01]|[12]\d|0?[1-9]|三十一?|卅一?|二十[{_CN19}]?|廿[{_CN19}]?|十[{_CN19}]?|[{_CN19}])"
_NUMERAL = "0-9〇零○一二三四五六七八九十廿卅百"
# After a bare 日 these characters make it "Japan", "yen" or "Japanese", not a day of the month.
_JAPAN_NEXT = "本圓元幣語文方軍韓美澳印菲歐中台俄朝英德法籍企相"
# Before a bare month or day these characters make the number a count ("6個月", "第3日") or part of a word.
_COUNT_PREV = "第每個幾數半多近約逾"
_REL_YEAR = "同年|當年|翌年|次年|隔年|去年|今年|明年|前年|後年|后年|本年|來年|上年|来年|当年"
_REL_MONTH = "同月|當月|翌月|次月|当月"
_DOC_MONTH = "本月|上個月|下個月|上个月|下个月|這個月|这个月|上月|下月"
_REL_DAY = "同一天|同一日|同日|當天|當日|翌日|次日|隔日|隔天|前一天|前一日|当天|当日"
_NOW_DAY = "今天|今日|今晨|今早|今晚|今夜|昨天|昨日|昨晚|昨夜|昨晨|前天|明天|明日|明晚|明早"
_WEEK = "週|周|星期|禮拜|礼拜"
# After N年 these make it a span of years ("30年來", "10年以上"), not a year.
_NOT_A_YEAR = "[來来前後后間间內内多歷历老輕轻]|以[上來来内內]|左右|之久"
_PART = r"上半年|下半年|第[一二三四1-4]季度?|首季"
_RANGE = r"[ ]?(?:至|到|~|-|—|–)[ ]?"
# The last day of a range written once with its unit: "5月6至9日", "8月26、27日".
_DAYS_TO = r"[ ]?(?:至|到|~|-|—|–|、)[ ]?"


def _year_alt(p: str) -> str:
    """A year in any form, with groups named after `p`: 2025, 二〇二五, 民國113, 一一五, 113 (ROC)."""
    return (
        rf"(?:(?P<{p}roc>民國|民国){_SP}(?P<{p}rocy>\d{{1,3}}|[{_CN}十百]{{1,5}})"
        rf"|(?P<{p}y4>{_YEAR4})|(?P<{p}cn3>[{_CN}]{{3}})|(?P<{p}ar>1[0-4]\d|150|[4-9]\d))"
    )


_PATTERN = re.compile(
    # Every form opens with one of these characters: checking that first lets the scan skip the
    # other positions at once (a book has a million of them).
    rf"""
    (?=[\d{_CN}十廿卅民今昨明前去後后本上下同當当翌次隔來来這这週周星禮礼第首])
    (?:(?P<iso>(?<![\d/.\-])(?P<isoy>(?:19|20)\d{{2}})(?P<isosep>[-/.])(?P<isom>1[0-2]|0?[1-9])
        (?P=isosep)(?P<isod>3[01]|[12]\d|0?[1-9])(?!\d)(?![-/.%]\d))
    | (?P<decade>(?:(?P<century>二十|十九|20|19)世紀)?(?P<dnum>\d{{4}}|\d{{2}}|[{_CN19}]十)年代)
    | (?P<yrange>(?<![{_NUMERAL}.])(?P<ry1>{_YEAR4}){_RANGE}(?P<ry2>{_YEAR4}){_SP}年(?![代度]))
    | (?P<fiscal>(?<![{_NUMERAL}.]){_year_alt("f")}{_SP}(?:年?財政年度|年?會計年度|年?会计年度|年?财政年度
        |財年|财年|學年度|学年度|年度))
    | (?P<full>(?<![{_NUMERAL}.]){_year_alt("")}{_SP}年(?!{_NOT_A_YEAR})
        (?:{_SP}(?P<part>{_PART}))?
        (?:{_SP}(?P<month>{_MONTH}){_SP}月(?:份)?(?:{_SP}(?P<day>{_DAY})(?:{_DAYS_TO}(?P<dayto>{_DAY}))?{_SP}[日號号])?)?)
    | (?P<cnq>(?<![{_NUMERAL}])(?P<qy>[一二][{_CN}]{{3}})(?=[「『《“"]))
    | (?P<rymd>(?P<rymdw>今年|去年|明年|前年)(?P<rymdm>0[1-9]|1[0-2])(?P<rymdd>0[1-9]|[12]\d|3[01])(?!\d))
    | (?P<relfiscal>(?P<rfword>本|今|去|上|下|明|來|来|翌)年度)
    | (?P<relyear>(?<![提過过不相一每此首多數数])(?P<ryword>{_REL_YEAR})(?![齡龄紀纪級级代輕轻華华])
        (?:{_SP}(?P<rypart>{_PART}))?
        (?:{_SP}(?P<rymonth>{_MONTH}){_SP}月(?:份)?(?:{_SP}(?P<ryday>{_DAY}){_SP}[日號号])?)?)
    | (?P<bpart>(?<![年集劇剧片目賽赛輯辑])(?P<bpw>{_PART}))
    | (?P<brday>(?P<bw>今天|今日|昨天|昨日|明天|明日|前天|今|昨|明|前|{_DOC_MONTH}
        |(?:上|下|本|這|这)?(?:個|个)?(?:{_WEEK})[一二三四五六日天])
        {_SP}\({_SP}(?P<bd>\d{{1,2}}|{_DAY}){_SP}日?{_SP}\)(?:{_SP}[日號号])?)
    | (?P<docmonth>(?P<dmword>{_DOC_MONTH})(?![台臺])(?:{_SP}(?P<dmday>{_DAY}){_SP}[日號号])?)
    | (?P<relmonth>(?P<rmword>{_REL_MONTH})(?:(?P<rmday>{_DAY})[日號号])?)
    | (?P<relnow>(?P<rnword>{_NOW_DAY})(?!之[星秀]|報|报|頭條|头条|美國|美国|俄羅斯|俄罗斯))
    | (?P<yesterday>(?<![今是])昨(?![天日晚夜晨非]))
    | (?P<weekday>(?<![每幾几數数兩两半])(?P<wkrel>上|下|本|這|这)?(?:個|个)?(?P<wkw>{_WEEK})
        (?P<wkd>[一二三四五六日天])(?![次回趟]))
    | (?P<relday>(?P<rdword>{_REL_DAY})(?![{_JAPAN_NEXT}]))
    | (?P<mslash>(?<![\d/.:])(?P<sm>1[0-2]|0?[1-9])/(?P<sd>3[01]|[12]\d|0?[1-9])(?![\d/%.:]))
    | (?P<md>(?<![{_NUMERAL}{_COUNT_PREV}])(?P<mdmonth>{_MONTH}){_SP}月{_SP}(?P<mdday>{_DAY})
        (?:{_DAYS_TO}(?P<mddayto>{_DAY}))?{_SP}[日號号])
    | (?P<m>(?<![{_NUMERAL}{_COUNT_PREV}年])(?P<mmonth>{_MONTH})月(?![{_NUMERAL}]))
    | (?P<d>(?<![{_NUMERAL}{_COUNT_PREV}月同當当翌次隔前今明昨本上下])
        (?P<dday>3[01]|[12]\d|0?[1-9]|三十一?|卅一?|二十[{_CN19}]?|廿[{_CN19}]?|十[{_CN19}]?)
        {_SP}[日號号](?![{_JAPAN_NEXT}])))
    """,
    re.VERBOSE,
)

_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_PERIODS = {"上半年": "H1", "下半年": "H2", "首季": "Q1"}
# What may stand before a bare ROC year (113年): the head of a clause, or a word that takes a time.
_CLAUSE_HEAD = "\n，,。、；;：:()「『《 於于在自從从至到迄及和與与"
_DURATION_AFTER = ("歷史", "历史", "傳統", "传统", "之久", "週年", "周年", "的歷", "的历")
# Forms whose words give the year themselves (or count it from the document's year: 明年3月).
_YEAR_STATED = frozenset(["full", "iso", "fiscal", "decade", "yrange", "relyear", "rymd", "relfiscal"])
# Words just before a month without its year that say the date lies ahead ("預計12月完工").
_FUTURE_CUES = (
    *("將", "将", "預計", "预计", "預定", "预定", "擬", "拟", "即將", "即将", "計劃", "計畫", "计划"),
    *("可望", "定於", "定于", "訂於", "订于", "準備", "准备", "明年", "下月"),
    *("應於", "应于", "須於", "须于"),
)
# A timeline entry: a line that opens with its own year ("1906年，…", "◎2006/12/26：…").
_TIMELINE_BULLETS = "◎●○•·‧・-*＊■□◆◇▲△▶►★☆※"
# Signals of a Taiwanese text, where a bare 113年 is a year of the Republic (1911 + 113).
_TAIWAN_SIGNALS = re.compile(
    rf"民國|民国|(?<![\d{_CN}])[{_CN}]{{3}}年|(?<!\d)(?:1[0-4]\d|[4-9]\d)年{_SP}(?:1[0-2]|0?[1-9]){_SP}月"
    rf"|(?<!\d)1[0-4]\d學年度|〔記者|中央社記者"
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date in the text, resolved to "YYYY", "YYYY-MM" or "YYYY-MM-DD".

    `explicit` is True when the words themselves give the year (2017年11月), False when it was inferred
    from context (同年11月, 28日, 今年). `kind` is "date", "fiscal" (2027財年, 本年度, 一一三學年度) or
    "decade" (1990年代). `relative` is True for words that count from the document's own date (今天,
    昨（25）日, 去年, 上週三). `range_end` is the last date of a range (5月6日至9日: "…-09"), "" for one
    date. `period` names the part of the year a mention speaks of without a month ("H1", "H2", "Q1"…"Q4").
    """

    start: int
    end: int
    text: str
    date: str
    kind: str = "date"
    explicit: bool = True
    relative: bool = False
    range_end: str = ""
    period: str = ""

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
    word: str = ""  # the relative word: 同年, 翌月, 今年, 昨, 下週 ...
    period: str = ""
    roc_bare: bool = False  # a bare 2- or 3-digit Arabic year (113年): only a year in a Taiwanese text
    weekday: int | None = None
    year_end: int | None = None  # 2019至2021年
    day_to: int | None = None  # 5月6至9日
    range_to: _Raw | None = field(default=None)


def _cn_number(s: str) -> int:
    """Read 2025, 二〇二五, 一一五, 十一, 二十八, 廿八, 卅一 or 一百一十三 as an integer."""
    s = s.translate(_FULLWIDTH).replace("廿", "二十").replace("卅", "三十")
    if s.isdigit():
        return int(s)
    if all(ch in _CN_DIGIT for ch in s):
        value = 0
        for ch in s:
            value = value * 10 + _CN_DIGIT[ch]
        return value
    value = 0
    if "百" in s:
        hundreds, _, s = s.partition("百")
        value = (_CN_DIGIT[hundreds] if hundreds else 1) * 100
        s = s.lstrip("〇零○")
        if s and "十" not in s:
            return value + _CN_DIGIT[s[-1]]
    if "十" in s:
        tens, _, units = s.partition("十")
        return value + (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[units] if units else 0)
    return value


def read_numeral(s: str) -> int:
    """The value of a number as dates write it: "19", "１９", "十九", "廿五", "一一五", "一百零五".

    >>> read_numeral("廿八"), read_numeral("卅一"), read_numeral("一一五"), read_numeral("１９")
    (28, 31, 115, 19)
    """
    return _cn_number(s)


def _year_of(m: re.Match[str], p: str) -> tuple[int, bool]:
    """The year of a `_year_alt(p)` match and whether it is a bare Arabic 2-3 digit (ROC) number."""
    g = m.group
    if g(p + "roc"):
        return _cn_number(g(p + "rocy")) + 1911, False
    if g(p + "y4"):
        return _cn_number(g(p + "y4")), False
    if g(p + "cn3"):
        value = _cn_number(g(p + "cn3"))
        # 一一五年 is ROC 115; three Chinese digits above 150 are no year at all.
        return (value + 1911 if 1 <= value <= 150 else 0), False
    return _cn_number(g(p + "ar")) + 1911, True


def _period(word: str | None) -> str:
    if not word:
        return ""
    if word in _PERIODS:
        return _PERIODS[word]
    return "Q" + str(_cn_number(word.strip("第季度")))


def is_taiwanese(text: str) -> bool:
    """True when `text` shows it counts years of the Republic (民國, 一一五年, 113年5月, 〔記者…〕)."""
    return bool(_TAIWAN_SIGNALS.search(text.translate(_FULLWIDTH)))


def _raw_mentions(text: str) -> list[_Raw]:
    """Every date-like span in `text`, with the parts the words themselves state."""
    scan = text.translate(_FULLWIDTH)
    raws: list[_Raw] = []
    taiwanese: bool | None = None
    for m in _PATTERN.finditer(scan):
        start, end = m.span()
        words = text[start:end]
        form = m.lastgroup or ""
        g = m.group
        raw: _Raw | None = None
        if form == "iso":
            raw = _Raw(start, end, words, form, year=int(g("isoy")), month=int(g("isom")), day=int(g("isod")))
        elif form == "decade":
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
            raw = _Raw(start, end, words, form, year=num)
        elif form == "yrange":
            raw = _Raw(start, end, words, form, year=_cn_number(g("ry1")), year_end=_cn_number(g("ry2")))
        elif form == "fiscal":
            year, bare = _year_of(m, "f")
            raw = _Raw(start, end, words, form, year=year, roc_bare=bare)
        elif form == "full":
            year, bare = _year_of(m, "")
            day_to = _opt(g("dayto"))
            raw = _Raw(
                start,
                end,
                words,
                form,
                year=year,
                month=_opt(g("month")),
                day=_opt(g("day")),
                period=_period(g("part")),
                roc_bare=bare,
                day_to=day_to,
            )
        elif form == "cnq":
            raw = _Raw(start, end, words, "full", year=_cn_number(g("qy")))
        elif form == "rymd":
            raw = _Raw(start, end, words, form, month=int(g("rymdm")), day=int(g("rymdd")), word=g("rymdw"))
        elif form == "relfiscal":
            raw = _Raw(start, end, words, form, word=g("rfword") + "年")
        elif form == "relyear":
            word = g("ryword")
            month = _opt(g("rymonth"))
            if word in ("當年", "当年") and month is None:
                continue  # a bare 當年 usually means "back then", not a year
            day = _opt(g("ryday"))
            raw = _Raw(start, end, words, form, month=month, day=day, word=word, period=_period(g("rypart")))
        elif form == "bpart":
            raw = _Raw(start, end, words, form, period=_period(g("bpw")))
        elif form == "brday":
            raw = _Raw(start, end, words, form, day=_cn_number(g("bd")), word=g("bw"))
        elif form == "docmonth":
            raw = _Raw(start, end, words, form, day=_opt(g("dmday")), word=g("dmword"))
        elif form == "relmonth":
            raw = _Raw(start, end, words, form, day=_opt(g("rmday")), word=g("rmword"))
        elif form == "relnow":
            raw = _Raw(start, end, words, form, word=g("rnword"))
        elif form == "yesterday":
            raw = _Raw(start, end, words, "relnow", word="昨")
        elif form == "weekday":
            if g("wkw") == "周" and not g("wkrel") and not _weekday_context(scan, end):
                continue  # 周 is also a surname: 周三 alone may be a person
            raw = _Raw(start, end, words, form, word=g("wkrel") or "", weekday=_WEEKDAYS[g("wkd")])
        elif form == "relday":
            raw = _Raw(start, end, words, form, word=g("rdword"))
        elif form == "mslash":
            if not _slash_is_date(scan, start, end):
                continue
            raw = _Raw(start, end, words, "md", month=int(g("sm")), day=int(g("sd")))
        elif form == "md":
            month, day = _cn_number(g("mdmonth")), _cn_number(g("mdday"))
            raw = _Raw(start, end, words, form, month=month, day=day, day_to=_opt(g("mddayto")))
        elif form == "m":
            raw = _Raw(start, end, words, form, month=_cn_number(g("mmonth")))
        elif form == "d":
            raw = _Raw(start, end, words, form, day=_cn_number(g("dday")))
        if raw is None or not _plausible(raw):
            continue
        if raw.roc_bare:
            if taiwanese is None:
                taiwanese = is_taiwanese(text)
            if not (taiwanese and _bare_roc_is_year(scan, raw)):
                continue
        raws.append(raw)
    return _join_ranges_and_weekdays(text, scan, raws)


def _weekday_context(scan: str, end: int) -> bool:
    """After 周X: a time of day, a bracket or punctuation, not more of a name."""
    nxt = scan[end : end + 1]
    return not nxt or not is_han(nxt) or nxt in "上下中晚早凌起前後后至到將将"


def _slash_is_date(scan: str, start: int, end: int) -> bool:
    """11/24 is a date at a line's head or after 於/在/至, before a space or colon; 1/3的 is a fraction."""
    before = scan[max(0, start - 2) : start]
    after = scan[end : end + 1]
    if after and after in "的之人個个倍成強强弱左以分":
        return False
    head = not before or before[-1] in "\n|｜ 於于在自從从至到起(" or before.endswith("截至")
    return head and (not after or after in " \n:(,，、。起至到前晚早上下中凌" or is_han(after))


def _bare_roc_is_year(scan: str, r: _Raw) -> bool:
    """113年 in a Taiwanese text: a year before a month or 年度, or from 90 up and not a span of years."""
    if r.month is not None or r.form == "fiscal":
        return True
    assert r.year is not None
    if r.year - 1911 < 90:
        return False
    # Only where a year stands: at the head of a clause or after 於/在/自/至 ("113年預算", "於113年").
    before = scan[max(0, r.start - 2) : r.start]
    after = scan[r.end : r.end + 3]
    head = not before or before[-1] in _CLAUSE_HEAD or before.endswith(("截至", "直到"))
    return head and not after.startswith(_DURATION_AFTER)


_SHORT_WEEKDAY = re.compile(r"[ ]?\([一二三四五六日]\)")


def _join_ranges_and_weekdays(text: str, scan: str, raws: list[_Raw]) -> list[_Raw]:
    """Join "5月6日至9日" into one mention that keeps its end, and "8月26日（星期二）" into one."""
    out: list[_Raw] = []
    for r in raws:
        short_weekday = _SHORT_WEEKDAY.match(scan, r.end)
        if short_weekday and (r.day is not None or r.form == "iso"):
            # "10/15(三)", "8月26日（二）": the weekday in brackets belongs to the date.
            r = _replace(r, end=short_weekday.end(), text=text[r.start : short_weekday.end()])
        if out:
            prev = out[-1]
            gap = scan[prev.end : r.start]
            if (
                r.form == "weekday"
                and not r.word
                and prev.range_to is None
                and (prev.day is not None or prev.form in ("relnow", "brday"))
                and gap in ("", " ", "(", " (")
            ):
                end = r.end + (1 if "(" in gap and scan[r.end : r.end + 1] == ")" else 0)
                out[-1] = _replace(prev, end=end, text=text[prev.start : end])
                continue
            if (
                prev.range_to is None
                and prev.form in ("iso", "full", "md", "m", "d", "relyear", "docmonth", "brday", "rymd")
                and r.form in ("iso", "full", "md", "m", "d")
                and re.fullmatch(_RANGE, gap)
                and _narrower_or_equal(prev, r)
            ):
                out[-1] = _replace(prev, end=r.end, text=text[prev.start : r.end], range_to=r)
                continue
        out.append(r)
    return out


def _narrower_or_equal(first: _Raw, second: _Raw) -> bool:
    """A range end states no more than its start: 5月6日至9日, 2019年至2021年, 3月至5月 — not 5日至2021年."""
    first_has_day = first.day is not None or first.form in ("brday", "relnow")
    second_has_day = second.day is not None
    return first_has_day == second_has_day


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


def parse_document_date(value: str) -> str:
    """A document date as given by a user: "YYYY-MM-DD" (also 2025/8/26, 2025年8月26日) -> "2025-08-26".

    Raises ValueError for anything that is not one calendar day.

    >>> parse_document_date("2025/8/26"), parse_document_date(" 2025-08-26 ")
    ('2025-08-26', '2025-08-26')
    """
    parsed = parse_date_answer(value)
    if parsed is None or len(parsed) != 10:
        raise ValueError(f"{value.strip()!r} is not a calendar day; write it YYYY-MM-DD, e.g. 2025-08-26")
    return parsed


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


def _timeline_paragraphs(
    text: str, raws: Sequence[_Raw], para: Sequence[int], captions: set[int]
) -> set[int]:
    """Paragraphs of a timeline: two or more lines in a row that each open with their own year, and
    not all the same one (a schedule under a heading of its year is one passage, not a history)."""
    opening: dict[int, int] = {}
    for r in raws:
        if r.form not in ("full", "iso", "yrange") or r.year is None or para[r.start] in captions:
            continue
        a = r.start
        while a > 0 and text[a - 1] in _TIMELINE_BULLETS + " \u3000\t":
            a -= 1
        if a > 0 and text[a - 1] != "\n":
            continue
        # An entry of a list, not a paragraph of running text that happens to open with its date: a
        # bullet, a colon after the date, or a short line.
        line_end = text.find("\n", a)
        line = text[a : line_end if line_end >= 0 else len(text)].strip()
        bullet = a < r.start and text[a] in _TIMELINE_BULLETS
        if bullet or text[r.end : r.end + 1] in ("：", ":") or len(line) <= 60:
            opening.setdefault(para[r.start], r.year)
    # Blank lines between the entries do not break the list.
    timeline: set[int] = set()
    nonblank = [i for i, line in enumerate(text.split("\n")) if line.strip()]
    run: list[int] = []
    for p in [*nonblank, -1]:
        if p in opening:
            run.append(p)
            continue
        if len(run) >= 2 and len({opening[q] for q in run}) >= 2:
            timeline.update(run)
        run = []
    return timeline


@dataclass(frozen=True, slots=True)
class _Doc:
    """The document's own date, as far as it is known."""

    year: int
    month: int | None
    day: int | None
    stated: bool = True  # False when taken from a photo caption: then only years count from it

    def as_date(self) -> _date | None:
        return _date(self.year, self.month, self.day) if self.month and self.day else None

    def today(self) -> _date | None:
        """The day 今天 / 昨日 / 上週三 count from: only a date the document or the user states."""
        return self.as_date() if self.stated else None


_SENTENCE_ENDS = "。！？!?\n"
# Words after a year that make it the period a figure measures ("2030年全年出口…"), not a time the
# story is told in.
_WHOLE_YEAR = ("全年", "整年", "整體", "整体", "全年度")


def _future_cue(scan: str, pos: int) -> bool:
    """True when the words just before `pos` (in its clause) say the date lies ahead: 將於, 預計, 預定."""
    a = pos
    while a > 0 and pos - a < 12 and scan[a - 1] not in "，。；！？\n,;":
        a -= 1
    return any(cue in scan[a:pos] for cue in _FUTURE_CUES)


def _nearest_year(doc: _Doc, month: int, day: int | None, future: bool) -> int:
    """The year that puts month/day nearest the document date (12月 in an April article: last December)."""
    target = doc.as_date()
    if target is None:
        return doc.year
    best: tuple[int, int] | None = None
    for year in (doc.year - 1, doc.year, doc.year + 1):
        try:
            when = _date(year, month, min(day or 15, _days_in_month(year, month)))
        except ValueError:
            continue
        if future and (year, month) < (target.year, target.month):
            continue
        distance = abs((when - target).days)
        if best is None or distance < best[0] or (distance == best[0] and year == doc.year):
            best = (distance, year)
    return best[1] if best else doc.year


def _nearest_month(base: _date, day: int, future: bool) -> tuple[int, int]:
    """(year, month) that puts a bare day nearest `base`: 30日 in a paper of the 2nd is last month's."""
    best: tuple[int, int, int] | None = None
    for step in (-1, 0, 1):
        total = base.year * 12 + base.month - 1 + step
        year, month = divmod(total, 12)
        month += 1
        if day > _days_in_month(year, month):
            continue
        when = _date(year, month, day)
        if future and when < base:
            continue
        distance = abs((when - base).days)
        if best is None or distance < best[0] or (distance == best[0] and step == 0):
            best = (distance, year, month)
    return (best[1], best[2]) if best else (base.year, base.month)


def find_date_mentions(
    text: str,
    *,
    reference_date: str = "",
    caption_spans: Sequence[tuple[int, int]] = (),
    heading_spans: Sequence[tuple[int, int]] = (),
    ignore_spans: Sequence[tuple[int, int]] = (),
) -> list[DateMention]:
    """Find every date in `text` and resolve it to "YYYY", "YYYY-MM" or "YYYY-MM-DD".

    `reference_date` is the document's own date ("YYYY-MM-DD"; a dateline, the user's setting).
    今天 / 昨（25）日 / 去年 / 上週三 / 本月 count from it and stay out without it: they are never
    guessed. 28日 or 5月 take the year (and month) of the nearest preceding date of the same passage
    (a run of paragraphs between headings; each photo caption is a passage of its own, and a timeline
    — lines that each open with their own year — lends its years to no later paragraph), else the
    document date (the nearest such day to it), else the nearest date before them in the text; never
    a date that comes later. 同年 / 翌年 / 同月 / 當天 / 翌日 count from the previous date. Mentions
    inside `ignore_spans` (a byline, the dateline) are left out. A mention that nothing resolves is
    left out.

    >>> [(m.text, m.date) for m in find_date_mentions("2024年4月舉行峰會。同年11月，三國成立秘書處。")]
    [('2024年4月', '2024-04'), ('同年11月', '2024-11')]
    >>> [m.date for m in find_date_mentions("昨（25）日開會，下半年再議。", reference_date="2025-08-26")]
    ['2025-08-25', '2025']
    """
    raws = _raw_mentions(text)
    if ignore_spans:
        raws = [r for r in raws if not any(a <= r.start < b for a, b in ignore_spans)]
    if not raws:
        return []
    scan = text.translate(_FULLWIDTH)
    para = _paragraph_of(text)

    def spans_test(spans: Sequence[tuple[int, int]]) -> Callable[[int], bool]:
        ordered = sorted(spans)
        starts = [a for a, _b in ordered]

        def inside(pos: int) -> bool:
            i = bisect.bisect_right(starts, pos) - 1
            return i >= 0 and ordered[i][0] <= pos < ordered[i][1]

        return inside

    in_caption = spans_test(caption_spans)

    # Passage numbers: a heading, a caption and each timeline entry start one; the paragraph after a
    # timeline starts one too.
    passage_of_para: dict[int, int] = {}
    passage = 0
    last_para = para[len(text)]
    heading_paras = {para[a] for a, _b in heading_spans}
    caption_paras = {para[a] for a, _b in caption_spans}
    timeline = _timeline_paragraphs(text, raws, para, caption_paras)
    previous_special = False
    for p in range(last_para + 1):
        special = p in heading_paras or p in caption_paras or p in timeline
        if special or previous_special:
            passage += 1
        passage_of_para[p] = passage
        previous_special = p in caption_paras or p in timeline
        if p in heading_paras:
            previous_special = False  # a heading's own date leads its passage

    doc: _Doc | None = None
    stated = bool(reference_date)
    if not reference_date:
        # Without a dateline, a photo caption's own full date is the nearest thing to one.
        caption_days = [
            _fmt(r.year, r.month, r.day)
            for r in raws
            if r.form in ("full", "iso") and r.year and r.day and in_caption(r.start)
        ]
        reference_date = max(caption_days, default="")
    if reference_date:
        y, mo, d = _parts(reference_date)
        doc = _Doc(y, mo, d, stated)

    resolved: list[DateMention] = []
    # (passage, from a caption or timeline, year not stated, date, paragraph, counted from the
    # document date, end offset, a whole year measured) of each mention so far
    context: list[tuple[int, bool, bool, str, int, bool, int, bool]] = []

    for r in raws:
        caption = in_caption(r.start)
        p = para[r.start]
        passage_here = passage_of_para[p]
        fenced = caption or p in timeline

        def previous(
            need_month: bool,
            *,
            same_passage: bool,
            here: int = passage_here,
            stated_only: bool = False,
            same_paragraph: bool = False,
            near: bool = False,
            para_here: int = p,
            start_here: int = r.start,
        ) -> str | None:
            for pas, special, year_unstated, date, in_para, counted, end, measured in reversed(context):
                if stated_only and year_unstated:
                    continue
                if same_paragraph and (in_para != para_here or counted):
                    continue
                if near and counted and any(c in scan[end:start_here] for c in _SENTENCE_ENDS):
                    return None  # the story has turned to the document's own time
                if near and in_para != para_here and measured:
                    continue
                if same_passage and pas != here:
                    continue
                if not same_passage and special and pas != here:
                    continue
                if need_month and len(date) < 7:
                    continue
                return date
            return None

        date = _resolve(r, scan, doc, previous)
        gloss = resolved[-1] if resolved else None
        if (
            date is not None
            and gloss is not None
            and gloss.relative
            and len(gloss.date) == 10
            and gloss.end == r.start - 1
            and scan[r.start - 1] in "（("
            and r.year is None
            and r.month is not None
        ):
            # 昨日（11月26日）: the bracket spells out the day the word names, in the word's year; the
            # same day twice is one date.
            date = (_fmt(int(gloss.date[:4]), r.month, r.day), date[1])
            if date[0] == gloss.date and not date[1]:
                continue
        if date is None:
            continue
        start_date, end_date = date
        kind = {"fiscal": "fiscal", "relfiscal": "fiscal", "decade": "decade"}.get(r.form, "date")
        explicit = r.form in ("full", "fiscal", "decade", "iso", "yrange")
        relative = r.form in ("relfiscal", "rymd", "brday", "docmonth", "relnow", "weekday") or (
            r.form == "relyear" and r.word not in ("同年", "當年", "当年", "翌年", "次年", "隔年")
        )
        resolved.append(
            DateMention(r.start, r.end, r.text, start_date, kind, explicit, relative, end_date, r.period)
        )
        if kind == "date":
            # 今天, 昨（25）日, 同日 and 5月3日 state no year of their own: with a document date, a later
            # 12月 is placed near it rather than given their year.
            year_unstated = r.form not in _YEAR_STATED
            measured = len(start_date) == 4 and scan.startswith(_WHOLE_YEAR, r.end)
            context.append(
                (passage_here, fenced, year_unstated, end_date or start_date, p, relative, r.end, measured)
            )
    return resolved


def _resolve(
    r: _Raw,
    scan: str,
    doc: _Doc | None,
    previous: Callable[..., str | None],
) -> tuple[str, str] | None:
    """(date, range end) of one raw mention, given the document date and the mentions before it."""
    start = _resolve_one(r, scan, doc, previous)
    if start is None:
        return None
    end = ""
    if r.year_end is not None:
        end = _fmt(r.year_end)
    elif r.day_to is not None:
        year, month, _day = _parts(start)
        end = _fmt(year, month, r.day_to) if month is not None else ""
    elif r.range_to is not None:
        to = r.range_to
        year, month, _day = _parts(start)
        if to.year is not None:
            end = _fmt(to.year, to.month, to.day)
        elif to.month is not None:
            # 12月30日至1月2日 runs into the next year.
            end = _fmt(year + (1 if month is not None and to.month < month else 0), to.month, to.day)
        elif to.day is not None and month is not None:
            end = _fmt(year, month, to.day)
    return start, end


def _resolve_one(
    r: _Raw,
    scan: str,
    doc: _Doc | None,
    previous: Callable[..., str | None],
) -> str | None:
    if r.form in ("full", "fiscal", "decade", "iso", "yrange"):
        assert r.year is not None
        return _fmt(r.year, r.month, r.day)

    word = r.word
    if r.form in ("relyear", "relfiscal", "rymd"):
        if word in ("同年", "當年", "当年", "翌年", "次年", "隔年"):
            prev = previous(False, same_passage=False)
            if prev is None:
                return None
            year = _parts(prev)[0] + (0 if word in ("同年", "當年", "当年") else 1)
        else:
            if doc is None:
                return None
            offset = {
                "去年": -1,
                "上年": -1,
                "前年": -2,
                "明年": 1,
                "來年": 1,
                "来年": 1,
                "下年": 1,
                "後年": 2,
                "后年": 2,
            }
            year = doc.year + offset.get(word, 0)
        return _fmt(year, r.month, r.day if r.month is not None else None)

    if r.form == "relmonth":
        prev = previous(True, same_passage=False)
        if prev is None:
            return None
        year, month, _ = _parts(prev)
        assert month is not None
        if word in ("翌月", "次月"):
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return _fmt(year, month, r.day)

    if r.form == "relday":
        prev = previous(True, same_passage=True)
        if prev is None or _parts(prev)[2] is None:
            return None
        step = {"翌日": 1, "次日": 1, "隔日": 1, "隔天": 1, "前一天": -1, "前一日": -1}.get(word, 0)
        return shift_date(prev, days=step)

    today = doc.today() if doc else None
    if r.form == "docmonth":
        if doc is None or doc.month is None or today is None:
            return None
        step = -1 if word.startswith("上") else 1 if word.startswith("下") else 0
        month_date = shift_date(_fmt(doc.year, doc.month), months=step)
        return f"{month_date}-{r.day:02d}" if r.day is not None and _valid(month_date, r.day) else month_date

    if r.form == "relnow":
        if today is None:
            return None
        step = {"昨": -1, "前": -2, "明": 1}.get(word[0], 0)
        return (today + timedelta(days=step)).isoformat()

    if r.form == "weekday":
        if today is None:
            return None
        week = -1 if word == "上" else 1 if word == "下" else 0
        assert r.weekday is not None
        monday = today - timedelta(days=today.weekday())
        return (monday + timedelta(days=7 * week + r.weekday)).isoformat()

    if r.form == "brday":
        # 昨（25）日, 今（8日）, 下周一（12日）: the number in brackets is the day; the month is the one
        # that puts it nearest the day the word points at.
        assert r.day is not None
        if today is not None:
            base = today
            if word[0] in "昨前明":
                base = today + timedelta(days={"昨": -1, "前": -2, "明": 1}[word[0]])
            elif any(w in word for w in ("週", "周", "星期", "禮拜", "礼拜")):
                week = -1 if word.startswith("上") else 1 if word.startswith("下") else 0
                monday = today - timedelta(days=today.weekday())
                base = monday + timedelta(days=7 * week + _WEEKDAYS[word[-1]])
            elif word in _DOC_MONTH.split("|"):
                step = -1 if word.startswith("上") else 1 if word.startswith("下") else 0
                y, mo, _ = _parts(shift_date(_fmt(today.year, today.month), months=step))
                return _fmt(y, mo, r.day)
            year, month = _nearest_month(base, r.day, False)
            return _fmt(year, month, r.day)
        prev = previous(True, same_passage=True)
        if prev is None:
            return None
        year, month, _ = _parts(prev)
        return _fmt(year, month, r.day)

    if r.form == "bpart":
        # 下半年, 第三季: the year of the passage, else the document's; never a month.
        prev = previous(False, same_passage=True) or (None if doc is None else str(doc.year))
        prev = prev or previous(False, same_passage=False)
        return None if prev is None else prev[:4]

    # A month-day, a bare month or a bare day: take what is missing from the context.
    need_month = r.form == "d"
    # With a document date, a year a figure measures (2025年全年的成長率: not the story's time)
    # lends its year to 2月27日 only in its own paragraph, and a year counted from the document
    # date (明年5月, 今年) in an earlier sentence turns the story to the document's time: the day
    # nearest the document date is meant.
    dated = doc is not None and r.form != "d"
    prev = previous(need_month, same_passage=True, stated_only=dated, near=dated)
    if prev is not None and doc is not None and r.form != "d" and _future_cue(scan, r.start):
        # 應於3月底前 in a February story: a date said to lie ahead takes a year before the document
        # date only from an explicit year of its own paragraph (a story told in the past); 去年
        # and the dates of earlier paragraphs lend none.
        assert r.month is not None
        candidate = _fmt(_parts(prev)[0], r.month, r.day)
        today = doc.as_date()
        if today is not None and candidate < today.isoformat()[: len(candidate)]:
            prev = previous(need_month, same_passage=True, stated_only=True, same_paragraph=True)
    if prev is not None:
        year, month, _ = _parts(prev)
        if r.form == "d":
            return _fmt(year, month, r.day)
        return _fmt(year, r.month, r.day)
    if doc is not None:
        future = _future_cue(scan, r.start)
        if r.form == "d":
            anchor = doc.as_date()
            if anchor is None:
                return None
            assert r.day is not None
            year, month = _nearest_month(anchor, r.day, future)
            return _fmt(year, month, r.day)
        assert r.month is not None
        return _fmt(_nearest_year(doc, r.month, r.day, future), r.month, r.day)
    prev = previous(need_month, same_passage=False)
    if prev is None:
        return None
    year, month, _ = _parts(prev)
    if r.form == "d":
        return _fmt(year, month, r.day)
    return _fmt(year, r.month, r.day)


def _valid(month_date: str, day: int) -> bool:
    year, month, _ = _parts(month_date)
    assert month is not None
    return 1 <= day <= _days_in_month(year, month)


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
        if day is not None and month is not None and day > _days_in_month(year, month):
            return None
        return _fmt(year, month, day)
    raws = [r for r in _raw_mentions(s) if r.form in ("full", "fiscal", "iso") and not r.roc_bare]
    if len(raws) == 1 and raws[0].start == 0 and raws[0].end == len(s) and raws[0].range_to is None:
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
