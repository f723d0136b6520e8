"""What a text states: `extract_facts` finds dated events, causes, terms and people."""

from __future__ import annotations

from collections.abc import Sequence

from dushu.core.facts.causes import extract_causes
from dushu.core.facts.dates import DateMention, find_date_mentions
from dushu.core.facts.events import entity_finder, extract_events, find_entities
from dushu.core.facts.layout import TextLayout, layout_of
from dushu.core.facts.people import extract_people
from dushu.core.facts.terms import extract_glossary
from dushu.core.models import Fact, GlossaryEntry, Person, Sentence, Token
from dushu.core.wordlists import NameEntry, bundled_names

__all__ = [
    "TextLayout",
    "date_the_text",
    "entity_finder",
    "extract_causes",
    "extract_events",
    "extract_facts",
    "facts_of",
    "find_entities",
    "find_people_and_terms",
    "layout_of",
]


def extract_facts(
    text: str,
    sentences: Sequence[Sentence],
    tokens: Sequence[Token] = (),
    names: Sequence[NameEntry] | None = None,
    *,
    document_date: str = "",
) -> tuple[tuple[Fact, ...], tuple[GlossaryEntry, ...], tuple[Person, ...]]:
    """Everything the text states: (facts, glossary, people), each in order of first mention.

    `facts` holds one "event" per dated happening and one "cause" per sentence that explains why.
    `tokens` (from the segmenter) only sharpen where unquoted names begin; `names` defaults to the
    bundled name list. `document_date` ("YYYY-MM-DD": `--date`, the library's "published" date) is
    the day 今天 / 昨日 / 去年 count from; without it the text's dateline or reporter's line gives it,
    and without those such words stay undated.
    """
    if names is None:
        names = bundled_names()
    dating = date_the_text(text, document_date)
    people, glossary = find_people_and_terms(text, sentences, names, tokens)
    return facts_of(text, sentences, names, tokens, dating, people, glossary), glossary, people


def date_the_text(text: str, document_date: str = "") -> tuple[TextLayout, list[DateMention]]:
    """The first of `extract_facts`'s independent stages: the text's layout and every date it mentions
    (the command line runs it while another process finds the people and terms)."""
    layout = layout_of(text, document_date)
    dated_lines = ((layout.dateline,) if layout.dateline else ()) + layout.bylines
    mentions = find_date_mentions(
        text,
        reference_date=layout.reference_date,
        caption_spans=layout.captions,
        heading_spans=layout.headings,
        ignore_spans=dated_lines,
    )
    return layout, mentions


def find_people_and_terms(
    text: str, sentences: Sequence[Sentence], names: Sequence[NameEntry], tokens: Sequence[Token] = ()
) -> tuple[tuple[Person, ...], tuple[GlossaryEntry, ...]]:
    """The second stage: the people the text names, then its terms (a person's name is no term)."""
    people = extract_people(text, sentences, names, tokens)
    person_names = frozenset(p.name for p in people)
    return people, extract_glossary(text, sentences, names, tokens, person_names=person_names)


def facts_of(
    text: str,
    sentences: Sequence[Sentence],
    names: Sequence[NameEntry],
    tokens: Sequence[Token],
    dating: tuple[TextLayout, list[DateMention]],
    people: Sequence[Person],
    glossary: Sequence[GlossaryEntry],
) -> tuple[Fact, ...]:
    """The last stage: events and causes, in text order, from the two stages before."""
    layout, mentions = dating
    events = extract_events(text, sentences, mentions, layout, people, glossary, names, tokens)
    causes = extract_causes(text, sentences, layout, people, glossary, names)
    return tuple(sorted(events + causes, key=lambda f: (f.start, f.kind != "event")))
