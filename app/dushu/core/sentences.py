"""Splitting a text into sentences with their character offsets."""

from __future__ import annotations

from dushu.core.models import Sentence

# A sentence ends after one of these (runs such as "？！" or "……" stay together).
_TERMINATORS = frozenset("。！？；…!?;．｡")
# Closing marks that belong to the sentence they follow: 「他說：『走。』」 ends after the last 」.
_CLOSERS = frozenset("」』”’）)】〕》〉\"'")
_OPEN_QUOTES = {"「": "」", "『": "』", "“": "”"}
_CLOSE_QUOTES = frozenset(_OPEN_QUOTES.values())


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` at 。！？；… and line breaks; quotes stay with the sentence that holds them.

    A terminator inside 「…」 or 『…』 does not end the sentence, so a quotation is kept whole with
    the words that introduce it; a line break always ends one (an unclosed quote cannot swallow the
    rest of the document). Sentences exclude surrounding whitespace, so `text[s.start:s.end] == s.text`.

    >>> [s.text for s in split_sentences("他說：「走吧。」我們就走了。\\n好！")]
    ['他說：「走吧。」我們就走了。', '好！']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    depth = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            spans.append((start, i))
            start = i + 1
            depth = 0
        elif ch in _OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif ch in _TERMINATORS and depth == 0 and not _is_decimal_point(text, i):
            j = i + 1
            while j < n and text[j] in _TERMINATORS:
                j += 1
            while j < n and text[j] in _CLOSERS:
                j += 1
            j = _attached_credit_end(text, j)
            spans.append((start, j))
            start = j
            i = j
            continue
        i += 1
    spans.append((start, n))

    sentences: list[Sentence] = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            sentences.append(Sentence(len(sentences), a, b, text[a:b]))
    return sentences


def _attached_credit_end(text: str, j: int) -> int:
    """Extend past a short bracket that closes a line, e.g. a photo caption's "。（Reuters）"."""
    if j < len(text) and text[j] in "（(":
        close = "）" if text[j] == "（" else ")"
        k = text.find(close, j + 1, j + 40)
        if k != -1 and "\n" not in text[j:k] and (k + 1 == len(text) or text[k + 1] in "\r\n"):
            return k + 1
    return j


def _is_decimal_point(text: str, i: int) -> bool:
    """A full stop between two digits is a decimal point (３．５％), not the end of a sentence."""
    return text[i] in ".．" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
