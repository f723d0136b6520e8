"""Note contents and identities: vocabulary, facts and cloze notes built from an analysis."""

from __future__ import annotations

from dataclasses import replace
from types import ModuleType

import pytest

from dushu.core.models import Analysis, Definition, Fact, Person, Script, Sentence, Token, VocabItem
from dushu.export.anki_fields import BLANK
from dushu.export.anki_models import CLOZE_FIELD_DEFS, FACT_FIELD_DEFS, VOCAB_FIELD_DEFS
from dushu.export.anki_notes import (
    NoteContext,
    NoteSpec,
    build_notes,
    cloze_notes,
    fact_notes,
    select_vocabulary,
    vocab_guid,
    vocab_note,
)

VOCAB = [f.name for f in VOCAB_FIELD_DEFS]
FACT = [f.name for f in FACT_FIELD_DEFS]
CLOZE = [f.name for f in CLOZE_FIELD_DEFS]


def _all_notes(analysis: Analysis) -> list[NoteSpec]:
    selection = select_vocabulary(analysis)
    return build_notes(analysis, selection, include=("vocab", "facts", "cloze"), source_title=analysis.title)


def _field(note: NoteSpec, name: str) -> str:
    names = {"vocab": VOCAB, "fact": FACT, "cloze": CLOZE}[note.model]
    return note.fields[names.index(name)]


def _word(analysis: Analysis, word: str) -> VocabItem:
    return next(v for v in analysis.vocabulary if v.word == word)


def test_every_note_has_the_fields_of_its_note_type(analysis: Analysis) -> None:
    notes = _all_notes(analysis)
    sizes = {"vocab": len(VOCAB), "fact": len(FACT), "cloze": len(CLOZE)}
    assert {n.model for n in notes} == {"vocab", "fact", "cloze"}
    for note in notes:
        assert len(note.fields) == sizes[note.model]
        assert note.fields[0], "the first field is never empty (Anki rejects such notes)"


def test_no_document_text_arrives_as_markup(analysis: Analysis, sample: ModuleType) -> None:
    for note in _all_notes(analysis):
        for value in note.fields:
            assert "<script" not in value and "<img" not in value
            assert "[sound:" not in value
    hostile = [n for n in _all_notes(analysis) if "&lt;script&gt;" in "".join(n.fields)]
    assert hostile, "the hostile sentence is exported, as text"


def test_vocab_note_fields(analysis: Analysis) -> None:
    ctx = NoteContext.build(analysis, analysis.title)
    note = vocab_note(_word(analysis, "組織"), ctx)
    assert _field(note, "Word") == "組織"
    assert _field(note, "Traditional") == "組織"
    assert _field(note, "Simplified") == "组织"
    assert _field(note, "Pinyin") == '<span class="tone3">zǔ</span><span class="tone1">zhī</span>'
    assert "ㄗㄨˇ" in _field(note, "Zhuyin")
    assert "organisation; to organise" in _field(note, "Meaning")
    assert '合作<span class="hl">組織</span>（OMC）' in _field(note, "Example")
    assert '<span class="tone3">zǔ</span><span class="tone1">zhī</span>' in _field(note, "Example Pinyin")
    assert _field(note, "HSK") == "HSK 4"
    assert _field(note, "Source") == "港口合作"
    assert _field(note, "Audio") == ""
    assert set(note.tags) == {"dushu", "dushu::vocab", "dushu::hsk::4", "dushu::source::港口合作"}
    assert note.deck == "Vocabulary"


def test_example_marks_every_occurrence_also_inside_longer_words() -> None:
    # A Sentence card that left 中 of 中國 in sight would show the answer it asks for.
    text = "中國在中間。"
    tokens = (
        Token("中國", 0, 2, 0, "ns", ("zhōng", "guó")),
        Token("在", 2, 3, 0, "p", ("zài",)),
        Token("中", 3, 4, 0, "f", ("zhōng",)),
        Token("間", 4, 5, 0, "f", ("jiān",)),
        Token("。", 5, 6, 0, "x"),
    )
    item = VocabItem("中", "中", "中", ("zhōng",), (Definition("zhōng", ("middle",)),), 1, 6.0, 2, text, 0, 3)
    analysis = Analysis(text, Script.TRADITIONAL, (Sentence(0, 0, 6, text),), tokens, (item,))
    example = vocab_note(item, NoteContext.build(analysis, "t")).fields[VOCAB.index("Example")]
    assert example == '<span class="hl-in">中</span>國在<span class="hl">中</span>間。'


def test_word_missing_from_its_example_gets_no_example(analysis: Analysis) -> None:
    item = replace(_word(analysis, "組織"), example="完全不同的句子。", example_sentence=99)
    note = vocab_note(item, NoteContext.build(analysis, "t"))
    assert _field(note, "Example") == ""
    assert _field(note, "Example Pinyin") == ""


def test_vocab_identity_is_word_and_reading(analysis: Analysis) -> None:
    item = _word(analysis, "組織")
    edited = replace(
        item, definitions=(Definition("zǔ zhī", ("a new meaning",)),), example="另一句。", count=9
    )
    assert vocab_guid(edited) == vocab_guid(item)
    simplified_text = replace(item, word="组织")
    assert vocab_guid(simplified_text) == vocab_guid(item), "the same word in either script is one note"
    other_reading = replace(item, pinyin=("zǔ", "zhì"))
    assert vocab_guid(other_reading) != vocab_guid(item)


def test_known_words_and_min_hsk_are_skipped(analysis: Analysis) -> None:
    selection = select_vocabulary(analysis, min_hsk=4, known_words={"组织", "港口", " "})
    words = {i.word for i in selection.items}
    assert "組織" not in words and "港口" not in words, "known in either script"
    assert "同意" not in words and "合作" not in words, "HSK 2 and 3 are below 4"
    assert "出任" in words, "words not on the HSK list are kept"
    assert selection.skipped_known == 2
    assert selection.skipped_below_hsk == 2


def test_items_sharing_a_note_are_exported_once(analysis: Analysis) -> None:
    item = _word(analysis, "組織")
    twin = replace(item, word="组织", traditional="組織")
    selection = select_vocabulary(replace(analysis, vocabulary=(item, twin)))
    assert selection.items == (item,)
    assert selection.skipped_duplicate == 1


def test_event_asks_who_and_keeps_the_date_for_the_date_cards(analysis: Analysis) -> None:
    notes = fact_notes(analysis, NoteContext.build(analysis, "t"))
    event = next(n for n in notes if "出任" in _field(n, "Question"))
    assert "林美華" not in _field(event, "Question")
    assert BLANK in _field(event, "Question")
    assert "林美華" in _field(event, "Answer") and "Lin Meihua" in _field(event, "Answer")
    assert "2024年3月5日" in _field(event, "Date") and "2024-03-05" in _field(event, "Date")
    source = _field(event, "Source sentence")
    assert '<span class="fact-date">2024年3月5日</span>' in source
    assert '<span class="tone2">lín</span>' in _field(event, "Reading")
    assert "dushu::fact::event" in event.tags


def test_event_without_a_named_actor_asks_for_its_date_once(analysis: Analysis) -> None:
    fact = Fact("event", "2024年3月5日，港口安全會議開幕", 0, "2024-03-05", "2024年3月5日")
    lone = replace(analysis, facts=(fact,), glossary=(), people=())
    (note,) = fact_notes(lone, NoteContext.build(lone, "t"))
    assert _field(note, "Question").startswith(f'<span class="blank">{BLANK}</span>，港口安全會議開幕')
    assert "2024年3月5日" in _field(note, "Answer")
    assert _field(note, "Date") == "", "no date cards: the question card already asks when"


def test_fact_identity_survives_rewording(analysis: Analysis) -> None:
    ctx = NoteContext.build(analysis, "t")
    before = {n.guid for n in fact_notes(analysis, ctx)}
    reworded = tuple(replace(f, text=f.text.replace("出任", "就任")) for f in analysis.facts)
    after = {n.guid for n in fact_notes(replace(analysis, facts=reworded), ctx)}
    assert before == after
    redated = (replace(analysis.facts[0], date="2024-03-06"), *analysis.facts[1:])
    assert {n.guid for n in fact_notes(replace(analysis, facts=redated), ctx)} != before


def test_facts_with_the_same_identity_stay_apart(analysis: Analysis) -> None:
    a = Fact("event", "5月，林美華訪問東京", 0, "2024-05", "5月", ("林美華",), subject="林美華")
    b = Fact("event", "5月，林美華訪問大阪", 0, "2024-05", "5月", ("林美華",), subject="林美華")
    twins = replace(analysis, facts=(a, b), glossary=(), people=())
    notes = fact_notes(twins, NoteContext.build(twins, "t"))
    assert len({n.guid for n in notes}) == 2


def test_cause_blanks_the_reason(analysis: Analysis) -> None:
    notes = fact_notes(analysis, NoteContext.build(analysis, "t"))
    cause = next(n for n in notes if "dushu::fact::cause" in n.tags)
    assert _field(cause, "Question").startswith(f'由於<span class="blank">{BLANK}</span>，各國同意')
    assert "為甚麼？" in _field(cause, "Question"), "the hint is worded in the text's script"
    assert "航運成本上升" in _field(cause, "Answer")
    assert _field(cause, "Date") == ""


def test_glossary_and_people_become_question_cards(analysis: Analysis) -> None:
    notes = fact_notes(analysis, NoteContext.build(analysis, "t"))
    omc = next(n for n in notes if _field(n, "Question").startswith("OMC"))
    assert "海洋合作組織" in _field(omc, "Answer")
    assert "dushu::term::organisation" in omc.tags
    person = next(n for n in notes if "dushu::fact::person" in n.tags)
    assert _field(person, "Question").startswith("林美華")
    assert "秘書長" in _field(person, "Answer")


def test_cloze_blanks_dates_and_terms_with_stable_numbers(analysis: Analysis) -> None:
    notes = cloze_notes(analysis, NoteContext.build(analysis, "t"))
    first = _field(notes[0], "Text")
    assert "{{c1::2024年3月5日::date}}" in first
    assert "{{c2::海洋合作組織::term}}" in first
    assert "{{c3::林美華::person}}" in first
    assert "OMC::" not in first, "the abbreviation is not blanked next to its full name"
    assert "2024-03-05" in _field(notes[0], "Extra")
    assert all(n.deck == "Facts" for n in notes)


def test_cloze_answers_cannot_break_out_of_their_blank(analysis: Analysis, sample: ModuleType) -> None:
    hostile = next(
        n for n in cloze_notes(analysis, NoteContext.build(analysis, "t")) if "7月1日" in n.fields[0]
    )
    text = _field(hostile, "Text")
    assert "{{c1::7月1日::date}}" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "<script" not in text
    colon = Fact("event", "A:B 在5月成立港口安全辦公室", 0, "2024-05", "5月", ("A:B",), 0, 16)
    sentence = Sentence(0, 0, 17, "A:B 在5月成立港口安全辦公室。")
    tiny = Analysis(
        sentence.text, Script.TRADITIONAL, (sentence,), (), (), facts=(colon,), people=(Person("A:B", 1),)
    )
    (note,) = cloze_notes(tiny, NoteContext.build(tiny, "t"))
    assert "A&#58;B::person}}" in note.fields[0]


@pytest.mark.parametrize("include", [("vocab",), ("facts",), ("cloze",), ("vocab", "cloze")])
def test_include_picks_the_kinds_of_notes(analysis: Analysis, include: tuple[str, ...]) -> None:
    notes = build_notes(analysis, select_vocabulary(analysis), include=include, source_title="t")
    kinds = {"vocab": "vocab", "facts": "fact", "cloze": "cloze"}
    assert {n.model for n in notes} == {kinds[i] for i in include}


def test_notes_come_in_study_order(analysis: Analysis) -> None:
    notes = _all_notes(analysis)
    vocab = [n.fields[0] for n in notes if n.model == "vocab"]
    assert vocab == [v.word for v in analysis.vocabulary]
    models = [n.model for n in notes]
    assert models == sorted(models, key=["vocab", "fact", "cloze"].index)


def test_the_white_circle_zero_of_a_year_keeps_its_syllable_in_the_example_reading(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("二○二三年，這個組織成立。")
    ctx = NoteContext.build(analysis, "年份")
    reading = _field(vocab_note(_word(analysis, "組織"), ctx), "Example Pinyin")
    marked = [("èr", 4), ("líng", 2), ("'èr", 4), ("sān", 1), ("nián", 2)]
    expected = "".join(
        f'\'<span class="tone{t}">{s[1:]}</span>' if s[0] == "'" else f'<span class="tone{t}">{s}</span>'
        for s, t in marked
    )
    assert expected in reading, "èrlíng'èrsānnián: an apostrophe before the syllable that starts with e"
