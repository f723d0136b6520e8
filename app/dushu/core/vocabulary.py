"""The vocabulary of a text: distinct words with definitions, HSK level, frequency and study order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from dushu.core.cedict import cedict_pinyin_marks
from dushu.core.models import Definition, DictEntry, Sentence, Token, VocabItem, is_han
from dushu.core.script import to_traditional_each
from dushu.core.segment import NUMBER_TAGS, NUMERAL_DIGITS
from dushu.core.tones import to_numbers
from dushu.core.toolkit import Lexicon, Toolkit
from dushu.core.wordlists import NameEntry

# Parts of speech that are not vocabulary: numbers and dates with their units, punctuation, Latin.
_SKIP_POS = frozenset({"w", "ws", "x", "eng", *NUMBER_TAGS})


@dataclass(frozen=True, slots=True)
class Explanation:
    """What the dictionary says about a word, and whether it is a recognised name."""

    definitions: tuple[Definition, ...]
    is_name: bool


def explain_word(
    word: str,
    simplified: str,
    lexicon: Lexicon,
    names: dict[str, NameEntry],
    reading: tuple[str, ...] = (),
) -> Explanation:
    """All CC-CEDICT definitions of a word; for a word without an entry, its longest dictionary parts.

    A word on the bundled name list is marked as a name and described by its kind and English name.
    """
    definitions: list[Definition] = []
    entries = _entries(word, simplified, lexicon, reading)
    name = names.get(simplified)
    if name is not None and name.kind == "term" and entries:
        name = None  # a listed term the dictionary explains needs no second, shorter gloss
    if name is not None:
        gloss = f"{name.english} ({name.role})" if name.role and name.english else name.english or name.role
        label = {"person": "name of a person", "place": "place name", "organisation": "organisation"}.get(
            name.kind, "term"
        )
        listed = " ".join(cedict_pinyin_marks(name.pinyin)) if name.pinyin else " ".join(reading)
        definitions.append(Definition(listed, tuple(x for x in (gloss, label) if x), "names"))
    definitions.extend(_definitions(entries))
    if not entries and name is None:
        definitions.extend(_by_parts(simplified, lexicon, reading, word))
    return Explanation(
        tuple(definitions), name is not None and name.kind in ("person", "place", "organisation")
    )


def _entries(word: str, simplified: str, lexicon: Lexicon, reading: tuple[str, ...]) -> list[DictEntry]:
    entries: list[DictEntry] = list(lexicon.lookup(word))
    if simplified != word:
        seen = set(entries)
        entries.extend(e for e in lexicon.lookup(simplified) if e not in seen)
    if len(entries) < 2:
        return entries
    # Compared in tone numbers (CC-CEDICT's own spelling): cheaper than marking every entry.
    wanted = _numbered(reading)

    def rank(e: DictEntry) -> tuple[bool, bool, bool, bool]:
        return (
            # The reading the text has first, then the form the text uses (後 before 后), then
            # common words before proper nouns, and "variant of" cross-references last.
            bool(wanted) and e.pinyin.lower() != wanted,
            e.traditional != word and e.simplified != word,
            e.pinyin[:1].isupper(),
            all(
                d.startswith(("variant of", "old variant of", "see ", "erhua variant", "used in "))
                for d in e.definitions
            ),
        )

    entries.sort(key=rank)
    return entries


def _definitions(entries: Sequence[DictEntry]) -> list[Definition]:
    return [Definition(" ".join(cedict_pinyin_marks(e.pinyin)), e.definitions) for e in entries]


# Glosses that explain nothing about a word used as a part of another: the common reading wins.
_UNHELPFUL = ("variant of", "old variant of", "see ", "erhua variant", "used in ", "surname ", "abbr. for ")


def _part_rank(e: DictEntry, wanted: str, form: str) -> tuple[bool, bool, bool, bool]:
    """Which entry explains a part best: the one with the reading the text has (号 hào in 10号, not
    háo), then the one written as the text writes it (鐘 bell, not 鍾 goblet, both 钟), then common
    words before proper nouns (年 the year, not the surname Nián), then entries with a meaning of
    their own before cross-references."""
    return (
        bool(wanted) and e.pinyin.lower() != wanted,
        bool(form) and e.traditional != form and e.simplified != form,
        e.pinyin[:1].isupper(),
        all(d.startswith(_UNHELPFUL) for d in e.definitions),
    )


def _numbered(reading: Sequence[str]) -> str:
    """Tone-marked syllables in CC-CEDICT's spelling, lower case: ("nǚ", "ér") -> "nu:3 er2"."""
    return " ".join(to_numbers(s) for s in reading).lower().replace("v", "u:")


def _by_parts(
    simplified: str, lexicon: Lexicon, reading: Sequence[str] = (), original: str = ""
) -> list[Definition]:
    """Explain an unknown word by its longest dictionary parts, left to right. `reading` (one
    syllable per character) and `original` (the word as the text writes it, as long as
    `simplified`) pick each part's entry; parts are labelled as the text writes them."""
    parts: list[Definition] = []
    n = len(simplified)
    aligned = len(reading) == n
    written = original if len(original) == n else simplified
    i = 0
    while i < n:
        for j in range(n, i, -1):
            piece = simplified[i:j]
            entries = lexicon.lookup(piece) if any(is_han(c) for c in piece) else []
            if entries:
                wanted = _numbered(reading[i:j]) if aligned else ""
                form = written[i:j]
                e = min(entries, key=lambda entry: _part_rank(entry, wanted, form))
                gloss = "; ".join(e.definitions[:3])
                parts.append(
                    Definition(" ".join(cedict_pinyin_marks(e.pinyin)), (f"{form}: {gloss}",), "parts")
                )
                i = j
                break
        else:
            i += 1
    return parts


def explain_number(
    simplified: str, lexicon: Lexicon, reading: Sequence[str] = (), original: str = ""
) -> tuple[Definition, ...]:
    """What the units of a number or date token mean, by their dictionary parts: 5500亿美元 ->
    亿 (a hundred million), 美元 (US dollar); 二〇二五年 -> 年. Numbers are not vocabulary, but a
    learner who taps one still wants to know its units. `reading`: the token's, one syllable per
    Han character; `original`: the token as the text writes it."""
    places = [i for i, ch in enumerate(simplified) if is_han(ch)]
    han = "".join(simplified[i] for i in places)
    written = "".join(original[i] for i in places) if len(original) == len(simplified) else ""
    start = 0
    while start < len(han) - 1 and han[start] in NUMERAL_DIGITS:
        start += 1
    syllables = reading[start:] if len(reading) == len(han) else ()
    return tuple(_by_parts(han[start:], lexicon, syllables, written[start:])) if han else ()


def explain_token(token: Token, lexicon: Lexicon) -> tuple[Definition, ...]:
    """What the dictionary says of a token that is not in the vocabulary: its entries, or for a
    number or date the meaning of its units (`explain_number`)."""
    entries = lexicon.lookup(token.text) or lexicon.lookup(token.simplified or token.text)
    if entries:
        return tuple(_definitions(entries))
    if token.pos in NUMBER_TAGS:
        return explain_number(token.simplified or token.text, lexicon, token.pinyin, token.text)
    return ()


def build_vocabulary(
    text: str, sentences: Sequence[Sentence], tokens: Sequence[Token], toolkit: Toolkit
) -> list[VocabItem]:
    """Distinct Chinese words of the text, ordered by what a learner should study first.

    Order: words on the HSK list by level, then the words not on it; within each, common words
    (by corpus frequency) first, and among equally common words those the text uses more often.
    Names come last. A word written in both scripts in a mixed text is one item.
    """
    # All-Han tokens are exactly those with one syllable per character.
    chinese = [t for t in tokens if t.pos not in _SKIP_POS and len(t.pinyin) == len(t.text)]
    counts = Counter(t.simplified or t.text for t in chinese)  # 會面 and 会面 in a mixed text are one word
    firsts = {t.simplified or t.text: t for t in reversed(chinese)}  # the first occurrence wins
    firsts = {key: firsts[key] for key in counts}  # in the order the text first uses them
    items: list[VocabItem] = []
    lexicon = toolkit.lexicon
    # One query per few hundred words instead of one per word.
    lexicon.prefetch([w for tok in firsts.values() for w in (tok.text, tok.simplified)])
    # Words the dictionary lacks are explained by their parts: look those up at once too.
    unknown = [key for key, tok in firsts.items() if not lexicon.lookup(tok.text) and not lexicon.lookup(key)]
    lexicon.prefetch(key[i:j] for key in unknown for i in range(len(key)) for j in range(i + 1, len(key) + 1))
    lexicon.prefetch_stats(firsts)
    # Words the text writes in Simplified (or in characters both scripts share) need their
    # Traditional form; one conversion for all of them.
    simple = [key for key, tok in firsts.items() if tok.text == (tok.simplified or tok.text)]
    traditional_of = dict(zip(simple, to_traditional_each([firsts[k].text for k in simple]), strict=True))
    for key, tok in firsts.items():
        word = tok.text  # shown as the text first writes it
        simplified = tok.simplified or word
        explanation = explain_word(word, simplified, lexicon, toolkit.names, tok.pinyin)
        traditional = traditional_of.get(key, word)
        sentence = sentences[tok.sentence] if 0 <= tok.sentence < len(sentences) else None
        items.append(
            VocabItem(
                word=word,
                traditional=traditional,
                simplified=simplified,
                pinyin=tok.pinyin,
                definitions=explanation.definitions,
                hsk=lexicon.hsk_level(simplified),
                frequency=lexicon.zipf(simplified),
                count=counts[key],
                example=sentence.text if sentence else "",
                example_sentence=tok.sentence,
                first_offset=tok.start,
                is_name=explanation.is_name or tok.is_name,
            )
        )
    items.sort(key=study_order_key)
    return items


def study_order_key(item: VocabItem) -> tuple[int, int, float, int, int]:
    """Sort key: names last, HSK words by level, then by frequency, then by count in the text."""
    return (
        1 if item.is_name else 0,
        item.hsk if item.hsk is not None else 8,
        -item.frequency,
        -item.count,
        item.first_offset,
    )
