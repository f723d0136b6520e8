"""Vocabulary: distinct words, all definitions, HSK level, frequency, study order."""

from __future__ import annotations

from dushu.core import Analysis
from dushu.core.segment import NUMBER_TAGS
from dushu.core.vocabulary import explain_number

TEXT = (
    "銀行今天宣布新計劃。這家銀行說，計劃的目的是支持中小企業。\n"
    "高市早苗表示，日本將加強與美國的合作，2025年投資5500億美元。GDP增長3%。"
)


def item(analysis: Analysis, word: str):  # type: ignore[no-untyped-def]
    for v in analysis.vocabulary:
        if v.word == word:
            return v
    raise AssertionError(f"{word} not in vocabulary")


def test_words_are_counted_once_with_their_first_sentence(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text(TEXT)
    bank = item(analysis, "銀行")
    assert bank.count == 2
    assert bank.example == "銀行今天宣布新計劃。"
    assert bank.simplified == "银行" and bank.traditional == "銀行"
    assert bank.pinyin == ("yín", "háng")


def test_numbers_punctuation_and_latin_are_left_out(analyze_text) -> None:  # type: ignore[no-untyped-def]
    words = {v.word for v in analyze_text(TEXT).vocabulary}
    assert not words & {"2025年", "5500億美元", "GDP", "3%", "，", "。"}


def test_all_definitions_with_the_texts_reading_first(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("我們明天再走，行嗎？")
    xing = item(analysis, "行")
    readings = [d.pinyin for d in xing.definitions]
    assert "háng" in readings and "xíng" in readings
    assert readings[0] == " ".join(xing.pinyin)


def test_hsk_level_and_frequency(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text(TEXT)
    assert item(analysis, "今天").hsk == 1
    assert item(analysis, "今天").frequency > item(analysis, "中小企業").frequency


def test_names_are_marked_and_explained(analyze_text) -> None:  # type: ignore[no-untyped-def]
    name = item(analyze_text(TEXT), "高市早苗")
    assert name.is_name
    assert any("Takaichi" in m for d in name.definitions for m in d.meanings)


def test_unknown_word_is_explained_by_its_parts(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("他們討論稀土磁鐵供應。")
    magnets = [v for v in analysis.vocabulary if v.word in ("稀土磁鐵",)]
    for v in magnets:
        assert v.definitions, "a word with no entry is explained by its parts"


def test_easy_common_words_come_before_rare_ones(analyze_text) -> None:  # type: ignore[no-untyped-def]
    order = [v.word for v in analyze_text(TEXT).vocabulary]
    assert order.index("今天") < order.index("中小企業")
    assert order.index("高市早苗") > order.index("中小企業"), "names come last"


def test_a_word_in_both_scripts_is_one_item_and_dates_are_not_vocabulary(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("他們昨天見面。他们今天见面。二〇二五年，一些人來了。")
    meet = [v for v in analysis.vocabulary if v.simplified == "见面"]
    assert len(meet) == 1 and meet[0].count == 2 and meet[0].word == "見面"
    words = {v.word for v in analysis.vocabulary}
    assert "二〇二五年" not in words
    assert "一些" in words, "jieba's numeral words (一些) are still vocabulary"


def test_a_numbers_units_are_explained_with_the_reading_the_text_has(analyze_text, toolkit) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("日本承諾提供5500億美元。二〇二五年10號，颱風登陸。")
    explained = {
        t.text: explain_number(t.simplified, toolkit.lexicon, t.pinyin, t.text)
        for t in analysis.tokens
        if t.pos in NUMBER_TAGS
    }
    money = explained["5500億美元"]
    assert [d.meanings[0].split(":")[0] for d in money] == ["億", "美元"], "parts as the text writes them"
    assert "dollar" in money[1].meanings[0]
    year = explained["二〇二五年"]
    assert len(year) == 1 and year[0].pinyin == "nián" and "year" in year[0].meanings[0]
    assert explained["10號"][0].pinyin == "hào", "the entry with the text's reading, not 號 háo (to roar)"


def test_parts_are_explained_by_their_common_meaning(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("首相抵達迎賓館。教堂的鐘聲響起。")
    bell = item(analysis, "鐘聲").definitions
    assert bell[0].meanings[0].startswith("鐘: clock"), "鐘 (bell, clock), not 鍾 (a cup), though both are 钟"
    guest_house = item(analysis, "迎賓館")
    assert all(d.source == "parts" for d in guest_house.definitions)
    meanings = [m for d in guest_house.definitions for m in d.meanings]
    assert not any(m.split(": ", 1)[1].startswith(("surname", "variant of")) for m in meanings)
