"""What the reader needs on top of an Analysis: pages and word occurrences (edits: dushu.core.edits)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from dushu.core.models import Analysis, Token, VocabItem
from dushu.core.senses import learner_meaning, sense_in_context

__all__ = ["PAGE_CHARS", "ReadingDocument", "build_reading_document"]

# A page of the reader holds about this many characters: laid out and painted in a few milliseconds,
# while a whole novel at once would take seconds on every resize.
PAGE_CHARS = 4000
# A paragraph longer than this is cut at a sentence end so that no page grows without bound.
_MAX_PAGE_CHARS = 8000


@dataclass
class ReadingDocument:
    """An analysed document as the reader shows it (built off the GUI thread: it walks every token)."""

    analysis: Analysis
    doc_id: int | None
    pages: list[tuple[int, int]]  # token index ranges [start, end)
    page_starts: list[int]  # the first token index of each page (for bisect)
    token_starts: list[int]  # character offset of each token (for bisect)
    occurrences: dict[str, list[int]]  # token text -> indexes of the tokens with that text
    vocab_by_word: dict[str, VocabItem]

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The analysis' tokens."""
        return self.analysis.tokens

    def page_of(self, token_index: int) -> int:
        """The page holding a token."""
        return max(0, bisect.bisect_right(self.page_starts, token_index) - 1)

    def token_at(self, offset: int) -> int:
        """The index of the token covering a character offset (clamped to the text)."""
        if not self.token_starts:
            return 0
        return max(0, bisect.bisect_right(self.token_starts, offset) - 1)

    def is_word(self, index: int) -> bool:
        """True for a token a learner can look up (it contains a Han character)."""
        return 0 <= index < len(self.tokens) and self.tokens[index].is_chinese

    def next_word(self, index: int, step: int) -> int | None:
        """The next (step=1) or previous (step=-1) word from `index`, or None at the end."""
        i = index + step
        tokens = self.tokens
        while 0 <= i < len(tokens):
            if tokens[i].is_chinese:
                return i
            i += step
        return None

    def vocab_for(self, index: int) -> VocabItem | None:
        """The vocabulary item of the word at `index`, if it is one."""
        if not 0 <= index < len(self.tokens):
            return None
        return self.vocab_by_word.get(self.tokens[index].text)

    def sentence_tokens(self, index: int) -> tuple[list[Token], int]:
        """The tokens of the sentence of token `index`, and its place among them."""
        tokens = self.tokens
        sentence = tokens[index].sentence
        start = index
        while start > 0 and tokens[start - 1].sentence == sentence:
            start -= 1
        end = index
        while end + 1 < len(tokens) and tokens[end + 1].sentence == sentence:
            end += 1
        return list(tokens[start : end + 1]), index - start

    def meaning_at(self, index: int, limit: int = 2) -> str:
        """The meaning of the word at `index` in one line (for hovering): the sense its sentence
        uses where `dushu.core.senses` can tell, else the dictionary's first `limit` senses; written
        for a learner (no CC-CEDICT brackets, pipes or tone numbers)."""
        item = self.vocab_for(index)
        if item is None:
            return ""
        script = self.analysis.script
        tokens, at = self.sentence_tokens(index)
        sense = sense_in_context(item, tokens, at, script)
        if sense is not None:
            return sense.text
        for d in item.definitions:
            if d.meanings:
                shown = d.meanings[:limit]
                if d.source == "user":
                    return "; ".join(shown)
                return "; ".join(learner_meaning(m, script) for m in shown)
        return ""

    def sentence_text(self, sentence: int) -> str:
        """The text of a sentence, or "" if there is no such sentence."""
        sentences = self.analysis.sentences
        return sentences[sentence].text if 0 <= sentence < len(sentences) else ""

    def first_token_of_sentence(self, sentence: int) -> int | None:
        """The first word token of a sentence."""
        sentences = self.analysis.sentences
        if not 0 <= sentence < len(sentences):
            return None
        i = self.token_at(sentences[sentence].start)
        while i < len(self.tokens) and not self.tokens[i].is_chinese and self.tokens[i].sentence <= sentence:
            i += 1
        return i if i < len(self.tokens) else None


def build_reading_document(analysis: Analysis, doc_id: int | None = None) -> ReadingDocument:
    """Pages, offsets and occurrences of an analysis (linear in the number of tokens)."""
    tokens = analysis.tokens
    pages: list[tuple[int, int]] = []
    start = 0
    chars = 0
    occurrences: dict[str, list[int]] = {}
    token_starts: list[int] = []
    last_sentence = -1
    for i, tok in enumerate(tokens):
        token_starts.append(tok.start)
        if tok.is_chinese:
            occurrences.setdefault(tok.text, []).append(i)
        chars += tok.end - tok.start
        at_paragraph_end = tok.pos == "ws" and "\n" in tok.text
        at_sentence_end = tok.sentence != last_sentence
        last_sentence = tok.sentence
        long_enough = chars >= PAGE_CHARS and at_paragraph_end
        too_long = chars >= _MAX_PAGE_CHARS and at_sentence_end and i > start
        if long_enough or too_long:
            end = i + 1 if at_paragraph_end else i
            pages.append((start, end))
            start = end
            chars = 0 if at_paragraph_end else tok.end - tok.start
    if start < len(tokens) or not pages:
        pages.append((start, len(tokens)))
    vocab = {item.word: item for item in analysis.vocabulary}
    return ReadingDocument(
        analysis=analysis,
        doc_id=doc_id,
        pages=pages,
        page_starts=[p[0] for p in pages],
        token_starts=token_starts,
        occurrences=occurrences,
        vocab_by_word=vocab,
    )
