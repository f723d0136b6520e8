"""Facts: events from every dated happening, photo captions counted once, causes."""

from __future__ import annotations

from dushu.core.facts import extract_facts, layout_of
from dushu.core.models import Fact
from dushu.core.sentences import split_sentences
from dushu.core.wordlists import NameEntry

NAMES = (
    NameEntry("柏木和子", "person", "Kashiwagi Kazuko", "", "日本首相"),
    NameEntry("卡森", "person", "Paul Carson", "", "美國總統"),
)

# Written to imitate a Hong Kong news analysis: a bare month-day first, photo captions with agency
# credits, relative years, two dates in one sentence, glossary terms in brackets.
ARTICLE = """\
11月3日，卡森抵達亞洲行首站的日本，並在4日與新任首相柏木和子舉行會談，簽署漁業協議。

2030年11月4日，日本東京，日本首相柏木和子（右）與美國總統卡森（Paul Carson，左）舉行會面。（Reuters）

美日澳「三國海事協調機制」（Trilateral Maritime Coordination）在2028年3月成立，並在2029年5月舉行首次部長會議。

2027年6月，三國宣布成立聯合秘書處。同年9月，三國舉行海上演習。

究其原因，是因為三國都擔心航道安全。由於能源價格上升，漁業協議變得更重要。

2030年11月4日，日本東京，柏木和子在官邸與卡森握手。（Getty）
"""


def facts_of(text: str) -> tuple[Fact, ...]:
    facts, _glossary, _people = extract_facts(text, split_sentences(text), names=NAMES)
    return facts


def events_of(text: str) -> list[tuple[str, str]]:
    return [(f.date, f.date_text) for f in facts_of(text) if f.kind == "event"]


def test_every_dated_happening_becomes_one_event_with_the_right_date() -> None:
    assert events_of(ARTICLE) == [
        ("2030-11-03", "11月3日"),
        ("2030-11-04", "4日"),
        ("2028-03", "2028年3月"),
        ("2029-05", "2029年5月"),
        ("2027-06", "2027年6月"),
        ("2027-09", "同年9月"),
    ]


def test_captions_that_restate_a_happening_are_not_counted_again() -> None:
    events = [f for f in facts_of(ARTICLE) if f.kind == "event"]
    meetings = [f for f in events if f.date == "2030-11-04"]
    assert len(meetings) == 1
    # The captions' people are merged into the running text's event.
    assert {"柏木和子", "卡森"} <= set(meetings[0].entities)


def test_a_caption_with_its_own_happening_is_an_event() -> None:
    text = "兩國關係改善。\n\n2019年5月2日，美國華盛頓，兩國外長簽署協定。（AP）\n"
    events = [f for f in facts_of(text) if f.kind == "event"]
    assert [(e.date, e.text) for e in events] == [("2019-05-02", "兩國外長簽署協定")]


def test_a_sentence_with_two_dates_gives_two_events_with_their_own_clauses() -> None:
    events = {f.date: f for f in facts_of(ARTICLE) if f.kind == "event"}
    assert events["2028-03"].sentence == events["2029-05"].sentence
    assert events["2028-03"].text.endswith("在2028年3月成立")
    assert events["2029-05"].text == "並在2029年5月舉行首次部長會議"


def test_event_text_keeps_original_characters_and_offsets() -> None:
    for f in facts_of(ARTICLE):
        assert ARTICLE[f.start : f.end] == f.text


def test_a_clause_holding_only_its_date_takes_the_next_clause() -> None:
    events = {f.date_text: f for f in facts_of(ARTICLE) if f.kind == "event"}
    assert events["11月3日"].text == "11月3日，卡森抵達亞洲行首站的日本"
    assert events["同年9月"].text == "同年9月，三國舉行海上演習"


def test_events_name_their_entities() -> None:
    events = {f.date_text: f for f in facts_of(ARTICLE) if f.kind == "event"}
    assert "卡森" in events["11月3日"].entities
    assert "三國海事協調機制" in events["2028年3月"].entities


def test_headings_and_the_dateline_are_not_events() -> None:
    text = "2025年改選前瞻\n\n2025年11月28日\n\n今年10月21日，新首相上任。\n"
    layout = layout_of(text)
    assert layout.reference_date == "2025-11-28"
    assert events_of(text) == [("2025-10-21", "今年10月21日")]


def test_captions_are_recognised_by_credit_or_by_date_and_place() -> None:
    text = "正文一句。\n\n圖為兩人在白宮會面。（Getty）\n\n2024年2月24日，日本熊本，工廠開幕。\n\n正文二句。"
    layout = layout_of(text)
    captions = [text[a:b] for a, b in layout.captions]
    assert captions == ["圖為兩人在白宮會面。（Getty）", "2024年2月24日，日本熊本，工廠開幕。"]


def test_sentences_that_explain_why_become_cause_facts() -> None:
    causes = [f for f in facts_of(ARTICLE) if f.kind == "cause"]
    assert [c.cue for c in causes] == ["究其原因", "由於"]
    assert causes[0].cause == "是因為三國都擔心航道安全"
    assert causes[0].effect == "同年9月，三國舉行海上演習"  # 究其原因 explains the sentence before
    assert causes[1].cause == "能源價格上升"
    assert causes[1].effect == "漁業協議變得更重要"


def test_because_clause_after_the_effect() -> None:
    text = "當然，兩國結盟不意味與鄰國決裂，因為貿易仍是重要的槓桿，正如首相所說。"
    (cause,) = [f for f in facts_of(text) if f.kind == "cause"]
    assert (cause.cause, cause.effect) == ("貿易仍是重要的槓桿", "兩國結盟不意味與鄰國決裂")


def test_purpose_takes_its_subject_from_the_previous_sentence() -> None:
    text = "首相多次向總統闡釋自己的海洋構想。而其目的也很清楚，就是要把同盟綁定區域框架，並擴大影響力。"
    (cause,) = [f for f in facts_of(text) if f.kind == "cause"]
    assert cause.cue == "其目的"
    assert cause.cause == "把同盟綁定區域框架"
    assert cause.effect == "首相多次向總統闡釋自己的海洋構想"
