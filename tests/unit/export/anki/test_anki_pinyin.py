"""Pinyin on the cards: written as words (apostrophes, capitals of proper nouns), one span per syllable."""

from __future__ import annotations

import re
from dataclasses import replace

from dushu.core.models import Analysis, Definition, Script, Sentence, Token, VocabItem
from dushu.export.anki_fields import pinyin_html, pinyin_plain, reading_as_written
from dushu.export.anki_models import VOCAB_FIELD_DEFS
from dushu.export.anki_notes import NoteContext, vocab_note

VOCAB = [f.name for f in VOCAB_FIELD_DEFS]


def _item(word: str, pinyin: tuple[str, ...], *definitions: Definition, is_name: bool = False) -> VocabItem:
    return VocabItem(word, word, word, pinyin, definitions, None, 3.0, 1, word, 0, 0, is_name)


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_a_syllable_starting_with_a_o_or_e_takes_an_apostrophe_inside_a_word() -> None:
    assert pinyin_plain(("sì", "fāng", "ān", "quán")) == "sìfāng'ānquán"
    assert pinyin_plain(("xī", "ān")) == "xī'ān", "two syllables, not xiān"
    assert pinyin_plain(("tiān", "é")) == "tiān'é"
    assert pinyin_plain(("hǎi", "ōu")) == "hǎi'ōu"
    assert pinyin_plain(("ài", "guó")) == "àiguó", "never before the first syllable"
    assert pinyin_plain(("xī", "ān"), " ") == "xī ān", "syllables set apart need none"
    assert _text(pinyin_html(("sì", "fāng", "ān", "quán"))) == "sìfāng'ānquán"


def test_every_syllable_is_its_own_tone_span_and_nothing_else_is_bare() -> None:
    html = pinyin_html(("sì", "fāng", "ān", "quán"))
    spans = re.findall(r'<span class="tone(\d)">([^<]+)</span>', html)
    assert spans == [("4", "sì"), ("1", "fāng"), ("1", "ān"), ("2", "quán")]
    assert re.sub(r'<span class="tone\d">[^<]+</span>', "", html) == "'", "only the apostrophe between"


def test_proper_nouns_keep_the_capitals_cc_cedict_gives_them() -> None:
    country = _item("日光國", ("rì", "guāng", "guó"), Definition("Rì guāng guó", ("(a country)",)))
    assert pinyin_plain(reading_as_written(country)) == "Rìguāngguó"
    person = _item(
        "高明遠", ("gāo", "míng", "yuǎn"), Definition("Gāo Míng yuǎn", ("(a person)",)), is_name=True
    )
    assert pinyin_plain(reading_as_written(person)) == "Gāo Míngyuǎn", "surname and given name"
    assert _text(pinyin_html(reading_as_written(person))) == "Gāo Míngyuǎn"


def test_a_common_word_with_a_surname_entry_stays_lower_case() -> None:
    word = _item("方", ("fāng",), Definition("fāng", ("square",)), Definition("Fāng", ("surname Fang",)))
    assert reading_as_written(word) == ("fāng",)
    other_reading = _item(
        "行", ("xíng",), Definition("Háng", ("surname Hang",)), Definition("xíng", ("to go",))
    )
    assert reading_as_written(other_reading) == ("xíng",)


def test_a_name_without_a_dictionary_entry_gets_a_capital() -> None:
    name = _item("柯嵐", ("kē", "lán"), Definition("kē lán", ("(a name)",), "names"), is_name=True)
    assert pinyin_plain(reading_as_written(name)) == "Kēlán"
    assert reading_as_written(_item("柯嵐", ("kē", "lán"))) == ("kē", "lán"), "not a name: unchanged"


def test_the_card_and_its_sentence_write_a_place_name_as_pinyin_does() -> None:
    text = "西岸城有天鵝。"
    city = _item("西岸城", ("xī", "àn", "chéng"), Definition("Xī àn chéng", ("(a city)",)), is_name=True)
    city = replace(city, example=text)
    swan = replace(
        _item("天鵝", ("tiān", "é"), Definition("tiān é", ("swan",))), example=text, first_offset=4
    )
    tokens = (
        Token("西岸城", 0, 3, 0, "ns", ("xī", "àn", "chéng"), "西岸城", True),
        Token("有", 3, 4, 0, "v", ("yǒu",)),
        Token("天鵝", 4, 6, 0, "n", ("tiān", "é")),
        Token("。", 6, 7, 0, "x"),
    )
    analysis = Analysis(text, Script.TRADITIONAL, (Sentence(0, 0, 7, text),), tokens, (city, swan))
    ctx = NoteContext.build(analysis, "t")
    note = vocab_note(swan, ctx)
    assert _text(note.fields[VOCAB.index("Pinyin")]) == "tiān'é"
    assert _text(note.fields[VOCAB.index("Example Pinyin")]) == "Xī'ànchéng yǒu tiān'é。"
    assert note.plain[2] == "tiān'é"
    assert _text(vocab_note(city, ctx).fields[VOCAB.index("Pinyin")]) == "Xī'ànchéng"


def test_a_sentence_capitalises_only_the_words_it_uses_as_names() -> None:
    # 東島 "the east islands" here, though its one dictionary entry is a place.
    text = "東島的東島人。"
    island = _item("東島", ("dōng", "dǎo"), Definition("Dōng dǎo", ("(a place)",)))
    island = replace(island, example=text)
    people = replace(_item("東島人", ("dōng", "dǎo", "rén")), example=text, first_offset=3)
    tokens = (
        Token("東島", 0, 2, 0, "n", ("dōng", "dǎo")),
        Token("的", 2, 3, 0, "uj", ("de",)),
        Token("東島", 3, 5, 0, "ns", ("dōng", "dǎo")),
        Token("人", 5, 6, 0, "n", ("rén",)),
        Token("。", 6, 7, 0, "x"),
    )
    analysis = Analysis(text, Script.TRADITIONAL, (Sentence(0, 0, 7, text),), tokens, (island, people))
    note = vocab_note(people, NoteContext.build(analysis, "t"))
    assert _text(note.fields[VOCAB.index("Example Pinyin")]) == "dōngdǎo de Dōngdǎo rén。"
