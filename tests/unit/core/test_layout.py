"""The layout of a news text: datelines, reporters' dated lines, list entries, and the document date."""

from __future__ import annotations

import pytest

from dushu.core.facts import extract_facts, layout_of
from dushu.core.sentences import split_sentences


def events_of(text: str, document_date: str = "") -> list[tuple[str, str]]:
    sentences = split_sentences(text)
    facts, _glossary, _people = extract_facts(text, sentences, names=(), document_date=document_date)
    return [(f.date, f.date_text) for f in facts if f.kind == "event"]


@pytest.mark.parametrize(
    "line",
    [
        "2031-08-26",
        "2031/8/26",
        "2031年8月26日 星期二",
        "2031年8月26日（週二）",
        "２０３１－０８－２６",
        "2031-08-26 09:30 更新",
        "發佈時間：2031/08/26 10:30",
    ],
)
def test_a_date_alone_on_a_first_line_is_the_dateline(line: str) -> None:
    text = f"{line}\n市長昨日宣布，新橋今天通車。\n"
    layout = layout_of(text)
    assert layout.reference_date == "2031-08-26"
    assert layout.dateline is not None and text[layout.dateline[0] : layout.dateline[1]] == line


def test_the_dateline_may_follow_a_title_but_not_sit_deep_in_the_text() -> None:
    assert layout_of("港口新規上路\n\n2031-08-26\n\n新規今天生效。\n").reference_date == "2031-08-26"
    deep = "第一段。\n" * 8 + "2031-08-26\n"
    assert layout_of(deep).reference_date == ""


def test_relative_words_resolve_against_the_dateline_and_the_dateline_is_no_event() -> None:
    text = "2031-08-26\n市長昨日宣布擴建港口，新橋今天通車。去年3月，議會通過預算。\n"
    assert events_of(text) == [("2031-08-25", "昨日"), ("2031-08-26", "今天"), ("2030-03", "去年3月")]


def test_without_a_document_date_relative_words_give_no_event() -> None:
    text = "市長昨日宣布擴建港口。2029年5月，議會通過預算。\n"
    assert events_of(text) == [("2029-05", "2029年5月")]
    assert events_of(text, "2031-08-26")[0] == ("2031-08-25", "昨日")


@pytest.mark.parametrize(
    "opening",
    ["（中央社記者林小雨台北19日電）", "〔記者王大同／高雄19日報導〕", "(本報記者陳明台中19日電)"],
)
def test_a_reporters_line_gives_the_day_and_the_dateline_the_month(opening: str) -> None:
    text = f"2031-08-20\n{opening}市長昨天宣布擴建港口。\n"
    layout = layout_of(text)
    assert layout.reference_date == "2031-08-19"
    assert events_of(text) == [("2031-08-18", "昨天")]  # the reporter's own date is no event


def test_a_reporters_day_takes_its_month_from_the_users_date() -> None:
    text = "（中央社記者林小雨台北30日電）市長今天宣布擴建港口。\n"
    assert layout_of(text).reference_date == ""
    assert layout_of(text, "2031-09-01").reference_date == "2031-08-30"
    assert events_of(text, "2031-09-01") == [("2031-08-30", "今天")]


def test_the_users_date_wins_over_the_dateline() -> None:
    text = "2031-08-26\n新橋今天通車。\n"
    assert layout_of(text, "2031-09-02").reference_date == "2031-09-02"
    assert events_of(text, "2031-09-02") == [("2031-09-02", "今天")]


def test_a_list_entry_that_opens_with_its_date_is_no_heading() -> None:
    text = "館史回顧\n\n◎2006/12/26：新館落成（三層樓）\n\n◎1999/9/21：舊館受損\n"
    layout = layout_of(text)
    headings = [text[a:b] for a, b in layout.headings]
    assert headings == ["館史回顧"]
    assert [d for d, _ in events_of(text)] == ["2006-12-26", "1999-09-21"]


def test_a_paragraph_after_a_timeline_takes_the_document_date() -> None:
    text = (
        "2031-05-10\n\n"
        "學會大事記\n\n"
        "1921年5月，學會成立。\n"
        "1958年3月，遷入新址。\n"
        "1987年9月，改名。\n\n"
        "學會將於6月1日舉行年會。\n"
    )
    assert events_of(text)[-1] == ("2031-06-01", "6月1日")


def test_a_passage_keeps_its_year_across_paragraphs() -> None:
    text = (
        "2030-11-01\n"
        "藝文中心昨天公布民國一二〇年展演檔期。\n\n"
        "一二〇年三月廿日開放售票、四月卅日至五月三日舉行開幕週。\n\n"
        "藝文中心於十月十二日公布年度節目手冊。\n"
    )
    assert events_of(text) == [
        ("2030-10-31", "昨天"),
        ("2031", "民國一二〇年"),
        ("2031-03-20", "一二〇年三月廿日"),
        ("2031-04-30", "四月卅日至五月三日"),
        ("2031-10-12", "十月十二日"),
    ]


def test_a_line_with_a_date_and_words_is_no_dateline() -> None:
    assert layout_of("2031-08-26：新館落成\n新館今天開放。\n").reference_date == ""
    assert layout_of("2031年8月26日，新館落成\n").reference_date == ""


def test_an_agency_closing_code_gives_the_document_date() -> None:
    # The code after the editor's credit is the ROC year and the day: 1180307 is 2029-03-07.
    text = "（北方社記者林若青南港7日電）港務局今天宣布新碼頭啟用。\n（編輯：邱映然）1180307\n"
    assert layout_of(text).reference_date == "2029-03-07"
    assert ("2029-03-07", "今天") in events_of(text)


def test_a_closing_code_that_is_no_day_gives_no_date() -> None:
    assert layout_of("港務局今天宣布新碼頭啟用。\n（編輯：邱映然）1180231\n").reference_date == ""


def test_a_date_after_the_reporters_line_is_the_dateline() -> None:
    text = "〔記者方小晴／新竹報導〕2031年4月9日\n\n市府昨（8）日公布新路線，3月2日已完成招標。\n"
    layout = layout_of(text)
    assert layout.reference_date == "2031-04-09"
    assert events_of(text) == [("2031-04-08", "昨（8）日"), ("2031-03-02", "3月2日")]


def test_a_year_a_figure_measures_lends_no_year_to_a_later_paragraph() -> None:
    text = "2031-03-12\n統計處上月公布，2030年全年出口成長五成。\n\n部長趙一凡在2月20日表示，將檢討關稅。\n"
    assert ("2031-02-20", "2月20日") in events_of(text)


def test_a_year_counted_from_the_document_date_ends_the_story_told_in_the_past() -> None:
    text = (
        "2031-10-05\n"
        "新港大橋於2027年5月動工。\n\n"
        "市府表示，明年2月將舉行論壇。\n\n"
        "工務局將於11月8日至12日封閉河濱道路。\n"
    )
    assert ("2031-11-08", "11月8日至12日") in events_of(text)
