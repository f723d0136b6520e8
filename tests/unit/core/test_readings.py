"""Readings: one tone-marked syllable per Han character, right for polyphones and names."""

from __future__ import annotations

from dushu.core import Analysis, Toolkit
from dushu.core.readings import to_numbers, to_zhuyin


def reading_of(analysis: Analysis, word: str) -> tuple[str, ...]:
    for tok in analysis.tokens:
        if tok.text == word:
            return tok.pinyin
    raise AssertionError(f"{word} not found in {[t.text for t in analysis.tokens]}")


def test_one_syllable_per_han_character(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("他在2025年訪問了香港，GDP增長3%。")
    for tok in analysis.tokens:
        han = sum(1 for ch in tok.text if "\u4e00" <= ch <= "\u9fff")
        assert len(tok.pinyin) == han, tok
    assert reading_of(analysis, "2025年") == ("nián",)
    assert reading_of(analysis, "GDP") == ()


def test_polyphones_in_context(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("銀行的行長說，這件事還不行。他長得很高，重新開始很重要。")
    assert reading_of(analysis, "銀行") == ("yín", "háng")
    assert reading_of(analysis, "不行") == ("bù", "xíng")
    assert reading_of(analysis, "重新") == ("chóng", "xīn")
    assert reading_of(analysis, "重要") == ("zhòng", "yào")


def test_japanese_names_read_as_listed(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("菅義偉和高市早苗")
    assert reading_of(analysis, "菅義偉") == ("jiān", "yì", "wěi")
    assert reading_of(analysis, "高市早苗") == ("gāo", "shì", "zǎo", "miáo")


def test_tone_numbers_and_zhuyin_on_request() -> None:
    assert to_numbers("nián") == "nian2"
    assert to_numbers("lǜ") == "lv4"
    assert to_numbers("de") == "de5"
    assert to_zhuyin("nián") == "ㄋㄧㄢˊ"


def test_erhua_names_and_unknown_readings_in_zhuyin_and_numbers() -> None:
    assert to_zhuyin("r") == "ㄦ˙", "the erhua suffix of CC-CEDICT's r5"
    assert to_zhuyin("Měi") == "ㄇㄟˇ", "a capital (美元 Měi yuán) reads as lower case"
    assert to_zhuyin("?") == "?" and to_numbers("?") == "?", "an unknown reading stays a question mark"
    assert to_zhuyin("K") == "K" and to_numbers("DNA") == "DNA", "Latin letters (卡拉OK) stay letters"


def test_traditional_and_simplified_read_the_same(toolkit: Toolkit, analyze_text) -> None:  # type: ignore[no-untyped-def]
    trad = analyze_text("長期發展")
    simp = analyze_text("长期发展")
    assert [t.pinyin for t in trad.tokens] == [t.pinyin for t in simp.tokens]


def test_a_name_does_not_change_how_its_characters_read_elsewhere(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("他流了很多汗。")
    assert reading_of(analysis, "汗") == ("hàn",)


def test_wei_standing_alone_is_read_from_its_neighbours(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "他們把協定改造為新框架，以國家安全為藉口。為應對危機，我們要為人民服務。圖為兩國領導人。"
    readings = [t.pinyin for t in analyze_text(text).tokens if t.simplified in ("为", "图为")]
    assert readings == [("wéi",), ("wéi",), ("wèi",), ("wèi",), ("tú", "wéi")]


def test_the_white_circle_zero_of_a_chinese_numeral_reads_ling(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("二○二三年的營收成長一○％，二〇二三年也是。")
    assert reading_of(analysis, "二○二三年") == ("èr", "líng", "èr", "sān", "nián")
    assert reading_of(analysis, "一○％") == ("yī", "líng")
    assert reading_of(analysis, "二〇二三年") == ("èr", "líng", "èr", "sān", "nián")
