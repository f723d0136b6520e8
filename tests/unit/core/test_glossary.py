"""Glossary: bracketed abbreviations and English names, titles in 《》, mechanisms, members."""

from __future__ import annotations

import doctest

import dushu.core.facts.terms as glossary_module
from dushu.core.facts.terms import country_groups, expand_country_group, extract_glossary, glossary_kind
from dushu.core.models import GlossaryEntry
from dushu.core.sentences import split_sentences
from dushu.core.wordlists import NameEntry


def glossary_of(text: str, names: tuple[NameEntry, ...] = ()) -> dict[str, GlossaryEntry]:
    return {g.term: g for g in extract_glossary(text, split_sentences(text), names)}


def test_quoted_term_with_abbreviation_and_members_before_it() -> None:
    text = "失能多年的美日印澳「四方安全對話機制」（QUAD）隨即在2017年11月復活。"
    entry = glossary_of(text)["四方安全對話機制"]
    assert (entry.abbreviation, entry.kind, entry.sentence) == ("QUAD", "mechanism", 0)
    assert entry.members == ("US", "Japan", "India", "Australia")


def test_title_with_abbreviation_is_an_agreement() -> None:
    text = "日本把TPP改造為《全面與進步跨太平洋夥伴關係協定》（CPTPP）。"
    entry = glossary_of(text)["全面與進步跨太平洋夥伴關係協定"]
    assert (entry.abbreviation, entry.kind) == ("CPTPP", "agreement")


def test_english_name_in_brackets_and_members_from_a_counted_name() -> None:
    text = (
        "同年11月，美日澳舉行第十四次三國防長會談，"
        "宣布成立「三國防務磋商機制」（Trilateral Defence Consultations）。"
    )
    entry = glossary_of(text)["三國防務磋商機制"]
    assert entry.english == "Trilateral Defence Consultations"
    assert entry.abbreviation == ""
    assert entry.members == ("US", "Japan", "Australia")


def test_every_title_in_angle_brackets_is_a_term() -> None:
    text = "首相要提前修訂包括《國家安全戰略》在內的文件，並在2月的《美日首腦聯合聲明》中重申同盟。"
    found = glossary_of(text)
    assert found["國家安全戰略"].kind == "document"
    assert found["美日首腦聯合聲明"].kind == "document"


def test_unquoted_mechanisms_and_bodies_the_text_names() -> None:
    text = "2024年11月，美日韓更宣佈成立三邊協調秘書處。日本也積極參與美澳機制。"
    found = glossary_of(text)
    assert found["三邊協調秘書處"].kind == "organisation"
    assert found["三邊協調秘書處"].members == ("US", "Japan", "South Korea")
    assert found["美澳機制"].members == ("US", "Australia")


def test_a_group_named_as_a_model_is_not_the_members() -> None:
    text = "日本參與美國、菲律賓互動，並仿效美日韓建立三方協調機制。"
    assert glossary_of(text)["三方協調機制"].members == ()


def test_short_name_given_as_jian_cheng() -> None:
    text = "日本面臨美國的經貿、安全保障（簡稱「安保」）施壓。"
    assert glossary_of(text)["安全保障"].abbreviation == "安保"


def test_unquoted_institution_with_abbreviation_keeps_its_whole_name() -> None:
    text = "1996年12月，部分世界貿易組織（WTO）成員達成協定。同年，美國商務部工業與安全局（BIS）公佈新規。"
    found = glossary_of(text)
    assert found["世界貿易組織"].abbreviation == "WTO"
    assert found["美國商務部工業與安全局"].abbreviation == "BIS"


def test_people_and_places_in_brackets_are_not_terms() -> None:
    text = "總統特朗普（Donald Trump）在白宮玫瑰園（Rose Garden）召開記者會。"
    assert glossary_of(text) == {}


def test_listed_organisations_add_english_but_a_term_inside_a_longer_one_is_not_repeated() -> None:
    names = (
        NameEntry("四方安全對話", "term", "Quadrilateral Security Dialogue (Quad)"),
        NameEntry("四方安全對話機制", "term", "Quadrilateral Security Dialogue (Quad)"),
        NameEntry("台積電", "organisation", "TSMC"),
    )
    text = "美日印澳「四方安全對話機制」（QUAD）舉行峰會。台積電宣佈設廠。"
    found = glossary_of(text, names)
    assert set(found) == {"四方安全對話機制", "台積電"}
    assert found["四方安全對話機制"].english == "Quadrilateral Security Dialogue"
    assert found["台積電"].abbreviation == "TSMC"


def test_country_groups() -> None:
    assert [g for _s, _e, g in country_groups("美日印澳與美日韓，以及美國、日本")] == ["美日印澳", "美日韓"]
    assert country_groups("其中美國最積極") == []
    assert expand_country_group("美日澳菲") == ("US", "Japan", "Australia", "Philippines")
    assert glossary_kind("三邊協調秘書處") == "organisation"


def test_docstring_examples() -> None:
    assert doctest.testmod(glossary_module).failed == 0
