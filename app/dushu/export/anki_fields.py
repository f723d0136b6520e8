"""Field contents for cards: escaping document text, tone-coloured readings, highlighted sentences."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from pypinyin import Style
from pypinyin.style import convert as convert_style

from dushu.core.models import Definition, Script, VocabItem
from dushu.core.senses import (
    Sense,
    definitions_for_reading,
    gloss_kind,
    hide_headword,
    is_cross_reference,
    learner_meaning,
)
from dushu.core.tones import to_numbers, tone_of

# Control characters would corrupt the package: 0x1f separates fields inside an Anki note.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Besides HTML, Anki gives meaning to {{ }} (cloze and template syntax), [ ] ([sound:…], [$]…[/$]
# LaTeX) and backslashes (MathJax \( \)); as entities they display the same and mean nothing.
_ANKI_SYNTAX = str.maketrans({"{": "&#123;", "}": "&#125;", "[": "&#91;", "]": "&#93;", "\\": "&#92;"})

_NEEDS_ESCAPE = re.compile(r"[&<>\"'{}\[\]\\\x00-\x1f\x7f]")

BLANK = "＿＿"


def clean_text(text: str) -> str:
    """`text` without control characters, tabs as spaces, line breaks as "\\n"."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("", text)


def escape_html(text: str) -> str:
    """Untrusted text as HTML that Anki shows verbatim: tags, cloze braces and media tags stay text."""
    if not _NEEDS_ESCAPE.search(text):
        return text  # most Chinese text has nothing to escape; skip the work
    escaped = html.escape(clean_text(text), quote=True).translate(_ANKI_SYNTAX)
    return escaped.replace("\n", "<br>")


def plain_line(text: str) -> str:
    """Text on one line (for CSV/TSV cells and tags): control characters and line breaks removed."""
    return " ".join(clean_text(text).split())


# The tone of a syllable, tone-marked or numbered ("xíng" -> 2, "de" -> 5, "lv4" -> 4):
# dushu.core.tones owns it; cards know it by this name.
tone_number = tone_of


@cache
def numbered(syllable: str) -> str:
    """A syllable with a tone number, lower case, ü written v (the form Pleco and IMEs accept):
    "lǜ" -> "lv4", "Máo" -> "mao2"."""
    return to_numbers(syllable).lower().replace("ü", "v")


@cache
def zhuyin(syllable: str) -> str:
    """A tone-marked syllable in zhuyin (bopomofo): "xíng" -> "ㄒㄧㄥˊ"; unknown syllables unchanged."""
    converted: str | None = convert_style(syllable.lower(), Style.BOPOMOFO, strict=True)
    return converted or syllable


@cache
def syllable_html(syllable: str) -> str:
    """One syllable in its `toneN` span."""
    return f'<span class="tone{tone_number(syllable)}">{escape_html(syllable)}</span>'


@cache
def _zhuyin_syllable_html(syllable: str) -> str:
    return f'<span class="tone{tone_number(syllable)}">{escape_html(zhuyin(syllable))}</span>'


# A syllable that starts with a, o or e after another syllable of the same word takes an apostrophe,
# so the word reads one way only (xī'ān is two syllables, xiān one): the rule of the pinyin standard.
_VOWEL_INITIAL = frozenset("aāáǎàoōóǒòeēéěèê")


def pinyin_words(syllables: Iterable[str]) -> list[list[str]]:
    """The syllables of one word grouped as pinyin writes them: a capitalised syllable after the
    first starts a new written word (CC-CEDICT capitalises names that way: "Máo Zé dōng" is
    Máo Zédōng), every other syllable joins the word before it."""
    words: list[list[str]] = []
    for syllable in syllables:
        if not syllable:
            continue
        if not words or syllable[:1].isupper():
            words.append([syllable])
        else:
            words[-1].append(syllable)
    return words


def needs_apostrophe(syllable: str) -> bool:
    """True when `syllable`, written after another in the same word, needs an apostrophe before it."""
    return syllable[:1].lower() in _VOWEL_INITIAL


def pinyin_html(syllables: Iterable[str]) -> str:
    """Syllables written as pinyin writes one word, each in a `toneN` span for colouring.

    Syllables join without spaces, with an apostrophe before a, o or e ("xī'ān"); a capitalised
    syllable after the first starts a new written word ("Máo Zédōng"). The CSS keeps every syllable
    span from wrapping inside itself.
    """
    out: list[str] = []
    for word in pinyin_words(syllables):
        parts = [syllable_html(word[0])]
        for syllable in word[1:]:
            parts.append(("'" if needs_apostrophe(syllable) else "") + syllable_html(syllable))
        out.append("".join(parts))
    return " ".join(out)


def zhuyin_html(syllables: Iterable[str]) -> str:
    """Zhuyin for the syllables, separated by spaces, each in a `toneN` span."""
    return " ".join(_zhuyin_syllable_html(s) for s in syllables if s)


def pinyin_plain(syllables: Iterable[str], sep: str = "") -> str:
    """Tone-marked syllables as plain text: written as one word ("xī'ān", "Máo Zédōng") when `sep` is
    empty, else joined by `sep` as they are."""
    if sep:
        return sep.join(s for s in syllables if s)
    words = pinyin_words(syllables)
    return " ".join(w[0] + "".join(("'" if needs_apostrophe(s) else "") + s for s in w[1:]) for w in words)


def numbered_plain(syllables: Iterable[str], sep: str = "") -> str:
    """Tone-numbered syllables joined by `sep`: ("xíng", "dòng") -> "xing2dong4"."""
    return sep.join(numbered(s) for s in syllables if s)


def reading_key(syllables: Iterable[str]) -> str:
    """A reading normalised for identity: lower case, tone numbers, ü as v, syllables space-separated."""
    return " ".join(numbered(s) for s in syllables if s)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch `[start, end)` of a text to wrap in a class; class "blank" hides its text entirely."""

    start: int
    end: int
    cls: str


@dataclass(frozen=True, slots=True)
class Marked:
    """A plain text with spans to highlight or blank; rendered to HTML or plain text the same way."""

    text: str
    spans: tuple[Span, ...] = ()

    def html(self) -> str:
        """Escaped HTML with each span as `<span class="…">`, blanks replaced by a blank mark."""
        return _render(self.text, self._nested(), html_out=True)

    def plain(self) -> str:
        """The text on one line with blanks replaced by a blank mark."""
        return plain_line(_render(self.text, self._nested(), html_out=False))

    def _nested(self) -> list[Span]:
        """The spans that fit: inside the text and either nested or disjoint (overlaps dropped)."""
        kept: list[Span] = []
        for span in sorted(self.spans, key=lambda s: (s.start, -s.end)):
            if not 0 <= span.start < span.end <= len(self.text):
                continue
            if any(k.start < span.start < k.end < span.end for k in kept):
                continue  # overlaps a kept span without nesting in it
            if any(k.cls == "blank" and k.start <= span.start and span.end <= k.end for k in kept):
                continue  # nothing inside a blank is shown anyway
            kept.append(span)
        return kept


def _render(text: str, spans: Sequence[Span], *, html_out: bool) -> str:
    esc = escape_html if html_out else (lambda s: s)
    out: list[str] = []
    stack: list[Span] = []
    pos = 0

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            if top.cls != "blank":
                out.append(esc(text[pos : top.end]))
                if html_out:
                    out.append("</span>")
            pos = top.end

    for span in spans:
        close_until(span.start)
        if stack and stack[-1].cls == "blank":
            continue
        out.append(esc(text[pos : span.start]))
        pos = span.start
        if span.cls == "blank":
            out.append(f'<span class="blank">{BLANK}</span>' if html_out else BLANK)
        elif html_out:
            out.append(f'<span class="{span.cls}">')
        stack.append(span)
    close_until(len(text) + 1)
    out.append(esc(text[pos:]))
    return "".join(out)


def find_all(text: str, needle: str) -> list[int]:
    """Start offsets of the non-overlapping occurrences of `needle` in `text`."""
    if not needle:
        return []
    starts: list[int] = []
    i = text.find(needle)
    while i >= 0:
        starts.append(i)
        i = text.find(needle, i + len(needle))
    return starts


def reading_as_written(item: VocabItem) -> tuple[str, ...]:
    """The word's syllables with the capitals of a proper noun ("Rì běn" gives Rìběn).

    The capitals come from CC-CEDICT entries of the same reading: when every such entry is
    capitalised (日本, 中文), or when one is and the word is a name. A character whose only capital
    entry is a surname beside common senses (方 fāng) stays lower case. A name no entry has gets a
    capital first syllable.
    """
    wanted = [numbered(s) for s in item.pinyin]
    same_reading = [
        written
        for written in (d.pinyin.split() for d in item.definitions if d.source == "cc-cedict")
        if len(written) == len(wanted) and [numbered(s) for s in written] == wanted
    ]
    capitalised = [w for w in same_reading if any(s[:1].isupper() for s in w)]
    if capitalised and (item.is_name or len(capitalised) == len(same_reading)):
        return tuple(
            s[:1].upper() + s[1:] if w[:1].isupper() else s
            for s, w in zip(item.pinyin, capitalised[0], strict=True)
        )
    if item.is_name and item.pinyin and item.pinyin[0] and not same_reading:
        first = item.pinyin[0]
        return (first[:1].upper() + first[1:], *item.pinyin[1:])
    return item.pinyin


# --- meanings -------------------------------------------------------------------------------

MAX_MEANINGS = 8


def contextual_definitions(item: VocabItem) -> list[Definition]:
    """The definitions for the reading the word has in the text (all of them if none matches)."""
    return definitions_for_reading(item)


@dataclass(frozen=True, slots=True)
class MeaningBlock:
    """The meanings of one dictionary entry as a card shows them; `in_context` for the sense the
    example sentence uses, which comes first."""

    source: str
    meanings: tuple[str, ...]
    in_context: bool = False


def _script_of(item: VocabItem) -> Script:
    if item.word == item.traditional != item.simplified:
        return Script.TRADITIONAL
    if item.word == item.simplified != item.traditional:
        return Script.SIMPLIFIED
    return Script.MIXED  # the same in both scripts: references show both forms


def meaning_blocks(
    item: VocabItem, limit: int = MAX_MEANINGS, *, script: Script = Script.UNKNOWN, sense: Sense | None = None
) -> list[MeaningBlock]:
    """The meanings a card shows for the word, at most `limit`: the in-context `sense` first, then
    the other dictionary meanings for the text's reading, each as a learner reads it
    (`learner_meaning`, references in `script`); measure words and pronunciation notes last.

    Meanings that would give the answer away on a card's front are kept out: a pure
    cross-reference ("variant of 佔") is left out, and the word itself inside a meaning is written
    "～". A word left with no meaning of its own (only cross-references and measure words) gets no
    meanings at all, so its card has no Meaning to prompt with (see `dushu.core.senses`).
    """
    if script is Script.UNKNOWN:
        script = _script_of(item)
    forms = (item.word, item.traditional, item.simplified)
    seen: set[str] = set()
    # (order of the entry, text, is a note) in the order the card shows them
    found: list[tuple[int, str, bool]] = []
    definitions = contextual_definitions(item)
    sense_entry = sense.definition if sense is not None else None
    skip = set(sense.glosses) if sense is not None else set()
    for at, definition in enumerate(definitions):
        for meaning in definition.meanings:
            if definition == sense_entry and meaning in skip:
                continue
            if definition.source == "user":
                text, note = plain_line(meaning), False  # the user's own words stay as written
            else:
                if is_cross_reference(meaning):
                    continue
                text = plain_line(hide_headword(forms, learner_meaning(meaning, script)))
                note = gloss_kind(meaning) == "reference"
            if text and text not in seen:
                seen.add(text)
                found.append((at, text, note))
    if not any(not note for _, _, note in found) and sense is None:
        return []
    ordered = [f for f in found if not f[2]] + [f for f in found if f[2]]
    blocks: list[MeaningBlock] = []
    if sense is not None:
        blocks.append(MeaningBlock(sense.definition.source, (plain_line(sense.text),), True))
    budget = limit - len(blocks)
    kept = ordered[: max(budget, 0)]
    for at in dict.fromkeys(a for a, _, _ in kept):
        texts = tuple(t for a, t, _ in kept if a == at)
        blocks.append(MeaningBlock(definitions[at].source, texts))
    return blocks


def meanings(
    item: VocabItem, limit: int = MAX_MEANINGS, *, script: Script = Script.UNKNOWN, sense: Sense | None = None
) -> list[str]:
    """The distinct meanings to show for the word in context, at most `limit` (`meaning_blocks`)."""
    return [m for block in meaning_blocks(item, limit, script=script, sense=sense) for m in block.meanings]


def meaning_plain(item: VocabItem, *, script: Script = Script.UNKNOWN, sense: Sense | None = None) -> str:
    """The meanings as one line: "to act; action"."""
    return "; ".join(meanings(item, script=script, sense=sense))


def meaning_html(item: VocabItem, *, script: Script = Script.UNKNOWN, sense: Sense | None = None) -> str:
    """The meanings as HTML: one block per dictionary entry, meanings separated by semicolons; the
    in-context sense first, in its own block with the class `in-context`."""
    return blocks_html(meaning_blocks(item, script=script, sense=sense))


def blocks_html(blocks: Iterable[MeaningBlock]) -> str:
    """Meaning blocks as the Meaning field's HTML (see `meaning_html`)."""
    out: list[str] = []
    for block in blocks:
        source = escape_html(plain_line(block.source))
        extra = " in-context" if block.in_context else ""
        text = "; ".join(escape_html(m) for m in block.meanings)
        out.append(f'<div class="def def-{source}{extra}">{text}</div>')
    return "".join(out)


def hsk_label(level: int | None) -> str:
    """How an HSK 3.0 level is written on a card: "HSK 3", "HSK 7–9", "" when not listed."""
    if level is None:
        return ""
    return "HSK 7–9" if level >= 7 else f"HSK {level}"


def hsk_tag(level: int | None) -> str:
    """The tag for an HSK level: "dushu::hsk::3", "dushu::hsk::7-9", "dushu::hsk::none"."""
    if level is None:
        return "dushu::hsk::none"
    return "dushu::hsk::7-9" if level >= 7 else f"dushu::hsk::{level}"


def tag_part(text: str, limit: int = 48) -> str:
    """Text usable inside an Anki tag: no spaces, no "::" nesting, no quotes, at most `limit` chars."""
    cleaned = plain_line(text).replace("::", "_").replace('"', "").replace(" ", "_").replace("\u3000", "_")
    return cleaned[:limit].strip("_:") or "untitled"
