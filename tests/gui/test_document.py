"""The reader's view of an analysis: pages, offsets and occurrences (no widgets)."""

from __future__ import annotations

import pytest

from dushu.core.models import (
    Analysis,
    Definition,
    Script,
    Sentence,
    Token,
    VocabItem,
)
from dushu.gui import document
from dushu.gui.document import build_reading_document

pytestmark = pytest.mark.gui


def _analysis(paragraphs: int = 3, chars: int = 10) -> Analysis:
    """A text of `paragraphs` lines of `chars` one-character words each."""
    text = ""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    for p in range(paragraphs):
        start = len(text)
        for _ in range(chars):
            tokens.append(Token("字", len(text), len(text) + 1, p, "n", ("zì",), "字"))
            text += "字"
        sentences.append(Sentence(p, start, len(text), text[start:]))
        tokens.append(Token("\n", len(text), len(text) + 1, p, "ws"))
        text += "\n"
    item = VocabItem(
        "字", "字", "字", ("zì",), (Definition("zì", ("character",)),), 1, 5.0, paragraphs * chars, "字", 0, 0
    )
    return Analysis(text, Script.TRADITIONAL, tuple(sentences), tuple(tokens), (item,))


def test_pages_break_at_paragraphs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "PAGE_CHARS", 25)
    doc = build_reading_document(_analysis(paragraphs=6, chars=10))
    assert len(doc.pages) == 2
    assert doc.pages[0][1] == doc.pages[1][0]
    assert doc.pages[-1][1] == len(doc.tokens)
    end_token = doc.tokens[doc.pages[0][1] - 1]
    assert end_token.text == "\n"


def test_a_huge_paragraph_is_cut_at_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "_MAX_PAGE_CHARS", 15)
    monkeypatch.setattr(document, "PAGE_CHARS", 10)
    analysis = _analysis(paragraphs=4, chars=10)
    # Make it one paragraph: no newline tokens.
    tokens = tuple(
        t if t.text != "\n" else Token("。", t.start, t.end, t.sentence, "w") for t in analysis.tokens
    )
    doc = build_reading_document(Analysis(analysis.text, analysis.script, analysis.sentences, tokens, ()))
    assert len(doc.pages) >= 2
    for start, _ in doc.pages[1:]:
        assert doc.tokens[start].sentence != doc.tokens[start - 1].sentence


def test_offsets_words_and_occurrences() -> None:
    doc = build_reading_document(_analysis())
    assert doc.token_at(0) == 0
    assert doc.token_at(10) == 10  # the newline
    assert doc.next_word(9, 1) == 11  # skips the newline
    assert doc.next_word(0, -1) is None
    assert len(doc.occurrences["字"]) == 30
    assert doc.vocab_for(0).word == "字"
    assert doc.first_token_of_sentence(1) == 11
    assert doc.sentence_text(2) == "字" * 10
    assert doc.page_of(25) == 0
