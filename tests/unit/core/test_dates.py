"""Dates: every written form, year and month inference, relative words, answer parsing."""

from __future__ import annotations

import doctest

import pytest

import dushu.core.facts.dates as dates_module
from dushu.core.facts.dates import (
    date_answer_forms,
    find_date_mentions,
    format_date_zh,
    parse_date_answer,
    shift_date,
)


def found(text: str, **kwargs: object) -> list[tuple[str, str]]:
    return [(m.text, m.date) for m in find_date_mentions(text, **kwargs)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("雙方在2025年10月28日會面。", [("2025年10月28日", "2025-10-28")]),
        ("該國在2016年8月提出構想。", [("2016年8月", "2016-08")]),
        ("關稅在2018年開徵。", [("2018年", "2018")]),
        ("條約在２０２４年５月生效。", [("２０２４年５月", "2024-05")]),
        ("基金在二〇一四年成立。", [("二〇一四年", "2014")]),
        ("機制在二零一七年十一月恢復。", [("二零一七年十一月", "2017-11")]),
        ("會議在二〇二五年十月二十八日舉行。", [("二〇二五年十月二十八日", "2025-10-28")]),
        ("目標是2027財年達標。", [("2027財年", "2027")]),
        ("預算在2026年度增加。", [("2026年度", "2026")]),
        ("份額在1990年代下滑。", [("1990年代", "1990")]),
        ("經濟在九十年代放緩。", [("九十年代", "1990")]),
    ],
)
def test_each_written_form_is_found_and_normalised(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_kind_says_fiscal_years_and_decades() -> None:
    kinds = {m.text: m.kind for m in find_date_mentions("2027財年的目標；1980年代的高峰；2019年的談判。")}
    assert kinds == {"2027財年": "fiscal", "1980年代": "decade", "2019年": "date"}


@pytest.mark.parametrize(
    "text",
    [
        "過去10年，雙方關係改善。",
        "計劃在未來6個月內確認。",
        "合作持續近十年。",
        "共有5500億美元投資。",
        "日圓走弱，美日韓合作。",
    ],
)
def test_durations_counts_and_japan_are_not_dates(text: str) -> None:
    assert found(text) == []


def test_month_and_day_take_the_year_of_the_nearest_full_date_in_a_caption() -> None:
    text = (
        "10月27日，總統抵達東京，並在28日與首相會談。\n\n"
        "2025年10月28日，日本東京，首相與總統舉行會面。（Reuters）"
    )
    dates = found(text, caption_spans=[(text.index("2025年"), len(text))])
    assert dates[:2] == [("10月27日", "2025-10-27"), ("28日", "2025-10-28")]


def test_bare_day_takes_month_and_year_from_the_previous_date_in_the_paragraph() -> None:
    assert found("2023年8月，部長訪華，27日抵達北京；29日，新手機開售。") == [
        ("2023年8月", "2023-08"),
        ("27日", "2023-08-27"),
        ("29日", "2023-08-29"),
    ]


def test_same_year_and_next_year_count_from_the_previous_date() -> None:
    text = "2024年4月，三國宣布合作。同年11月，三國成立機制。翌年5月15日，規則擴大。"
    assert found(text) == [("2024年4月", "2024-04"), ("同年11月", "2024-11"), ("翌年5月15日", "2025-05-15")]


def test_same_month_next_day_and_same_day() -> None:
    text = "2024年12月2日，政府列入清單；翌日，對方反制。2025年1月20日，總統就職；同月，股價下跌。"
    assert found(text) == [
        ("2024年12月2日", "2024-12-02"),
        ("翌日", "2024-12-03"),
        ("2025年1月20日", "2025-01-20"),
        ("同月", "2025-01"),
    ]


def test_this_year_and_last_year_count_from_the_article_date() -> None:
    text = "去年12月2日，清單擴大。今年10月9日，管制加強。本年度預算增加。"
    assert found(text, reference_date="2025-11-28") == [
        ("去年12月2日", "2024-12-02"),
        ("今年10月9日", "2025-10-09"),
        ("本年度", "2025"),
    ]


def test_this_year_without_article_date_uses_the_latest_caption_date() -> None:
    text = "首相宣布把目標提前到本年度。\n2025年10月28日，日本東京，首相出席會議。（Reuters）"
    mentions = find_date_mentions(text, caption_spans=[(text.index("2025"), len(text))])
    first = mentions[0]
    assert (first.text, first.date, first.explicit) == ("本年度", "2025", False)


def test_a_bare_day_with_nothing_to_anchor_it_is_left_out() -> None:
    assert found("28日，雙方會面。") == []


def test_a_date_restated_in_a_caption_does_not_become_the_running_texts_context() -> None:
    text = "2024年4月，三國會面。\n2018年6月7日，白宮，兩人會面。（Getty）\n同年11月，三國成立機制。"
    caption = (text.index("2018"), text.index("（Getty）") + 7)
    assert found(text, caption_spans=[caption])[-1] == ("同年11月", "2024-11")


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("2017年11月", "2017-11"),
        ("2017/11", "2017-11"),
        ("2017-11", "2017-11"),
        ("2017.11", "2017-11"),
        ("２０１７／１１", "2017-11"),
        ("二零一七年十一月", "2017-11"),
        ("2025年10月28日", "2025-10-28"),
        ("2025/10/28", "2025-10-28"),
        ("2018", "2018"),
        ("2018年", "2018"),
        ("QUAD", None),
        ("2017/13", None),
    ],
)
def test_typed_dates_in_equivalent_forms_parse_alike(answer: str, expected: str | None) -> None:
    assert parse_date_answer(answer) == expected


def test_answer_forms_and_formatting() -> None:
    assert date_answer_forms("2017-11") == ["2017年11月", "2017/11", "2017-11", "2017.11"]
    assert date_answer_forms("2024-11", "同年11月")[-1] == "同年11月"
    assert format_date_zh("2025-10-28") == "2025年10月28日"


def test_shift_date_keeps_precision() -> None:
    assert shift_date("2024-11", months=2) == "2025-01"
    assert shift_date("2024-01-31", months=1) == "2024-02-29"
    assert shift_date("2018", years=-1) == "2017"


def test_docstring_examples() -> None:
    assert doctest.testmod(dates_module).failed == 0


# -- every written form (issue 9, point 1) -----------------------------------------------------------


def one(text: str, reference_date: str = "") -> tuple[str, str]:
    (m,) = find_date_mentions(text, reference_date=reference_date)
    return m.text, m.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("燈會在二○一九年開幕。", ("二○一九年", "2019")),
        ("二〇一九「山城音樂季」落幕。", ("二〇一九", "2019")),
        ("大會於1998 年 3 月 5 日閉幕。", ("1998 年 3 月 5 日", "1998-03-05")),
        ("學校在民國113年改制。", ("民國113年", "2024")),
        ("新館在民國一一五年啟用。", ("民國一一五年", "2026")),
        ("新法在民國一百零五年通過。", ("民國一百零五年", "2016")),
        ("博物館一一七年三月廿日重新開放。", ("一一七年三月廿日", "2028-03-20")),
        ("決議在2024/04/03公布。", ("2024/04/03", "2024-04-03")),
        ("決議在2024/4/3公布。", ("2024/4/3", "2024-04-03")),
        ("2025-08-26", ("2025-08-26", "2025-08-26")),
        ("人口在1990年代倍增。", ("1990年代", "1990")),
        ("２０２４年５月３日", ("２０２４年５月３日", "2024-05-03")),
    ],
)
def test_more_written_forms(text: str, expected: tuple[str, str]) -> None:
    assert one(text) == expected


def test_twenty_and_thirty_written_with_nian_and_sa() -> None:
    assert found("2026年3月廿八日開工，卅一日完工。") == [
        ("2026年3月廿八日", "2026-03-28"),
        ("卅一日", "2026-03-31"),
    ]
    assert one("十月三日開會。", "2024-09-30") == ("十月三日", "2024-10-03")


def test_a_bare_roc_year_counts_only_in_a_taiwanese_text() -> None:
    taiwanese = "民國108年起，各校陸續改制。113年預算增加三成。"
    assert [m.date for m in find_date_mentions(taiwanese)] == ["2019", "2024"]
    # Elsewhere 113年 is a span of years, and 百年 or 100年來 never are dates.
    assert found("這座廟宇已有113年歷史。") == []
    assert found("民國85年建校，過去100年來人口倍增，百年老店林立。") == [("民國85年", "1996")]


def test_ranges_keep_their_start_as_the_date_and_their_end_on_the_mention() -> None:
    def ranges(text: str, reference_date: str = "") -> list[tuple[str, str, str]]:
        mentions = find_date_mentions(text, reference_date=reference_date)
        return [(m.text, m.date, m.range_end) for m in mentions]

    assert ranges("2030年5月6日至9日舉行展覽。") == [("2030年5月6日至9日", "2030-05-06", "2030-05-09")]
    assert ranges("計畫自2019至2021年執行。") == [("2019至2021年", "2019", "2021")]
    assert ranges("二〇二八年四月卅日至五月三日舉辦書展。") == [
        ("二〇二八年四月卅日至五月三日", "2028-04-30", "2028-05-03")
    ]
    assert ranges("比賽6日到8日進行。", "2031-07-02") == [("6日到8日", "2031-07-06", "2031-07-08")]
    assert ranges("2029年12月30日至1月2日休館。") == [("2029年12月30日至1月2日", "2029-12-30", "2030-01-02")]


def test_halves_and_quarters_give_the_year_and_no_month() -> None:
    (half,) = find_date_mentions("2024年下半年出口回升。")
    assert (half.date, half.period) == ("2024", "H2")
    quarter = find_date_mentions("2031年營收創高，第三季尤其強勁。")[-1]
    assert (quarter.text, quarter.date, quarter.period) == ("第三季", "2031", "Q3")
    assert one("今年上半年成長兩成。", "2025-08-26") == ("今年上半年", "2025")


def test_slash_month_day_only_where_a_date_can_stand() -> None:
    assert one("於11／24舉行頒獎。", "2025-11-01") == ("11／24", "2025-11-24")
    assert found("約1/3的人投票。", reference_date="2025-01-01") == []
    assert found("他三分球投3/5。", reference_date="2025-01-01") == []


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("市長昨（25）日出席典禮。", "2025-08-26", ("昨（25）日", "2025-08-25")),
        ("議會今（8日）開議。", "2025-08-08", ("今（8日）", "2025-08-08")),
        ("院會下周一（12日）表決。", "2025-05-07", ("下周一（12日）", "2025-05-12")),
        ("公司本月（3）日公告。", "2025-05-07", ("本月（3）日", "2025-05-03")),
        ("部長將於今(十四)日報告。", "2025-04-14", ("今(十四)日", "2025-04-14")),
        # The bracketed day wins over the word's arithmetic; the month is the one nearest the document.
        ("館方昨（28）日說明。", "2025-03-01", ("昨（28）日", "2025-02-28")),
        ("館方昨（27）日說明。", "2025-03-01", ("昨（27）日", "2025-02-27")),
    ],
)
def test_bracketed_days(text: str, reference: str, expected: tuple[str, str]) -> None:
    assert one(text, reference) == expected


def test_a_bracketed_day_without_a_document_date_is_a_day_of_the_month_before_it() -> None:
    assert found("2019年3月2日，館方宣布擴建。館長昨（25）日說明。")[-1] == ("昨（25）日", "2019-03-25")


# -- the document's own date (point 2) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今天", "2025-08-26"),
        ("今日", "2025-08-26"),
        ("昨天", "2025-08-25"),
        ("昨日", "2025-08-25"),
        ("前天", "2025-08-24"),
        ("明天", "2025-08-27"),
        ("明日", "2025-08-27"),
        ("今年", "2025"),
        ("去年", "2024"),
        ("明年", "2026"),
        ("前年", "2023"),
        ("後年", "2027"),
        ("本月", "2025-08"),
        ("上月", "2025-07"),
        ("下個月", "2025-09"),
        ("上週三", "2025-08-20"),  # 2025-08-26 is a Tuesday
        ("下周一", "2025-09-01"),
        ("週五", "2025-08-29"),
        ("星期天", "2025-08-31"),
        ("禮拜一", "2025-08-25"),
    ],
)
def test_relative_words_count_from_the_document_date(text: str, expected: str) -> None:
    (m,) = find_date_mentions(f"他{text}抵達會場。", reference_date="2025-08-26")
    assert (m.text, m.date, m.relative) == (text, expected, True)


@pytest.mark.parametrize("text", ["今天", "昨日", "明年", "去年", "上週三", "本月", "下個月"])
def test_without_a_document_date_relative_words_stay_undated(text: str) -> None:
    assert found(f"2019年3月2日，館方宣布擴建。他{text}抵達會場。") == [("2019年3月2日", "2019-03-02")]


def test_same_day_is_the_previous_mention_and_recently_stays_undated() -> None:
    text = "2031年3月2日，新橋通車，當天湧入人潮。日前，市府宣布延長，近日將公布細節。"
    assert found(text, reference_date="2031-04-01") == [
        ("2031年3月2日", "2031-03-02"),
        ("當天", "2031-03-02"),
    ]


def test_same_year_and_next_year_still_count_from_the_previous_date_without_a_document_date() -> None:
    assert found("2024年5月動工，次年8月完工。") == [("2024年5月", "2024-05"), ("次年8月", "2025-08")]


def test_a_weekday_right_after_a_date_belongs_to_it() -> None:
    assert one("2025年8月26日 星期二") == ("2025年8月26日 星期二", "2025-08-26")
    assert one("8月26日（週二）開幕。", "2025-08-01") == ("8月26日（週二）", "2025-08-26")


def test_a_lone_zhou_may_be_a_surname() -> None:
    assert found("周三說他會來。", reference_date="2025-08-26") == []
    assert one("周三下午開會。", "2025-08-26") == ("周三", "2025-08-27")


# -- year inference (point 3) ------------------------------------------------------------------------


def test_a_month_and_day_never_take_a_year_that_only_comes_later() -> None:
    assert found("3月5日，隊伍出發。2031年大會在高雄舉行。") == [("2031年", "2031")]
    assert found("3月5日，隊伍出發。2031年大會在高雄舉行。", reference_date="2029-02-01")[0] == (
        "3月5日",
        "2029-03-05",
    )


def test_a_month_and_day_take_the_nearest_earlier_year_of_the_passage() -> None:
    text = "民國一一八年校慶活動如下。\n\n三月廿二日開放報名。\n\n十月十五日舉行園遊會。"
    assert [m.date for m in find_date_mentions(text, reference_date="2028-12-01")] == [
        "2029",
        "2029-03-22",
        "2029-10-15",
    ]


def test_a_year_stated_relative_to_the_document_leads_the_next_month_day() -> None:
    text = "明年馬拉松預定三月廿二日起跑。"
    assert [m.date for m in find_date_mentions(text, reference_date="2027-09-01")] == ["2028", "2028-03-22"]


def test_a_month_without_a_year_is_placed_nearest_the_document_date() -> None:
    # Four months back, not eight ahead: last December.
    assert found("樂團上回巡演是在十一月底。", reference_date="2027-03-09") == [("十一月", "2026-11")]
    # Said to lie ahead: this December.
    assert found("新館預計12月完工。", reference_date="2025-04-14") == [("12月", "2025-12")]
    # A bare day near the start of a month is last month's when that is nearer.
    assert found("表演30日落幕。", reference_date="2025-11-02") == [("30日", "2025-10-30")]


def test_a_timeline_does_not_lend_its_years_to_the_next_paragraph() -> None:
    text = (
        "2026-05-10\n歷年大事：\n1921年：學會成立\n1958年：遷入新址\n1987年：改名\n本會將於6月1日舉行年會。\n"
    )
    heading = (text.index("歷年"), text.index("歷年") + 5)
    dates = found(text, heading_spans=[heading], reference_date="2026-05-10")
    assert dates[-1] == ("6月1日", "2026-06-01")


def test_relative_today_words_lend_no_year_to_a_later_month() -> None:
    text = "館長今（9）日出席座談；上回開館是十一月底。"
    dates = [m.date for m in find_date_mentions(text, reference_date="2027-03-09")]
    assert dates == ["2027-03-09", "2026-11"]


def test_the_document_date_is_parsed_strictly() -> None:
    assert dates_module.parse_document_date("2025/8/26") == "2025-08-26"
    for bad in ("2025-02-30", "yesterday", "2025-08", ""):
        with pytest.raises(ValueError):
            dates_module.parse_document_date(bad)


def test_numerals_with_nian_sa_and_hundreds() -> None:
    assert [dates_module.read_numeral(s) for s in ("廿八", "卅一", "一一五", "一百零五", "十九", "１９")] == [
        28,
        31,
        115,
        105,
        19,
        19,
    ]


def test_a_range_of_days_written_with_one_unit() -> None:
    (m,) = find_date_mentions("展覽2031年8月26至28日舉行。")
    assert (m.text, m.date, m.range_end) == ("2031年8月26至28日", "2031-08-26", "2031-08-28")
    (m,) = find_date_mentions("館方5月6至9日休館。", reference_date="2031-04-20")
    assert (m.date, m.range_end) == ("2031-05-06", "2031-05-09")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("議會今日（26日）表決。", ("今日（26日）", "2031-08-26")),
        ("部長昨日（25日）說明。", ("昨日（25日）", "2031-08-25")),
        ("新館於10/15(三)開幕。", ("10/15(三)", "2031-10-15")),
        ("新館8月30日（六）開幕。", ("8月30日（六）", "2031-08-30")),
    ],
)
def test_a_weekday_or_day_in_brackets_stays_with_its_date(text: str, expected: tuple[str, str]) -> None:
    assert one(text, "2031-08-26") == expected


@pytest.mark.parametrize(
    "text",
    [
        "球隊以4:0獲勝。",
        "清晨5時40分出發。",
        "股價955元，他61歲。",
        "約2/3的人贊成。",
        "每週三次練習。",
        "影集第三季開拍。",
    ],
)
def test_scores_times_prices_fractions_and_counts_are_no_dates(text: str) -> None:
    assert found(text, reference_date="2025-08-26") == []


def test_a_deadline_ahead_keeps_ahead_of_the_document_date() -> None:
    # 應於3月底前 in a February story is this March, not the March of last year's paragraph.
    text = "鎮公所去年10月曾召開說明會。\n鎮長指示，各課室應於3月底前提出改善方案。\n"
    assert found(text, reference_date="2031-02-12") == [("去年10月", "2030-10"), ("3月", "2031-03")]


def test_a_deadline_in_a_past_narrative_keeps_its_year() -> None:
    text = "2019年，縣府宣布將於3月開放漁港。"
    assert found(text, reference_date="2031-02-12") == [("2019年", "2019"), ("3月", "2019-03")]


def test_a_bracketed_day_after_a_relative_word_is_that_day() -> None:
    # A heading's 明年 lends no year to the day 昨日 names.
    text = "明年起停車費調漲\n議會昨日（11月26日）三讀通過收費辦法。\n"
    assert found(text, reference_date="2031-11-27", heading_spans=[(0, 8)]) == [
        ("明年", "2032"),
        ("昨日", "2031-11-26"),
    ]


def test_a_date_ahead_after_last_years_figure_is_this_year() -> None:
    text = "港口去年的貨運量約三萬噸，顧問報告將於4月中完成。"
    assert found(text, reference_date="2031-03-12") == [("去年", "2030"), ("4月", "2031-04")]
