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
