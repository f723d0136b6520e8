"""Sentences that explain why: cause facts with their cue word and both sides where stated."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dushu.core.facts.events import entity_finder
from dushu.core.facts.layout import TextLayout
from dushu.core.models import Fact, GlossaryEntry, Person, Sentence
from dushu.core.wordlists import NameEntry


@dataclass(frozen=True, slots=True)
class CauseCue:
    """A word that marks an explanation: what it marks and whether the explanation follows it.

    `kind` is "reason" (因為B: B is why), "purpose" (為了B: B is what for), "result" (因此B: B is what
    followed) or "restatement" (換句話說B: B says it again). `follows` is True when the part the cue
    marks starts right after it; 之所以A（是因為B） and 其目的（…就是B） mark a part that comes later.
    """

    word: str
    kind: str
    follows: bool = True


# The one list of cue words (Traditional and Simplified), most specific first: a longer cue wins
# where two start at the same place, and the first cue in the sentence is the one kept.
CAUSE_CUES: tuple[CauseCue, ...] = (
    CauseCue("究其原因", "reason"),
    CauseCue("究其根源", "reason"),
    CauseCue("原因在於", "reason"),
    CauseCue("原因在于", "reason"),
    CauseCue("原因是", "reason"),
    CauseCue("之所以", "reason", follows=False),
    CauseCue("是因為", "reason"),
    CauseCue("是因为", "reason"),
    CauseCue("因為", "reason"),
    CauseCue("因为", "reason"),
    CauseCue("由於", "reason"),
    CauseCue("由于", "reason"),
    CauseCue("其目的", "purpose", follows=False),
    CauseCue("目的是", "purpose"),
    CauseCue("目的在於", "purpose"),
    CauseCue("目的在于", "purpose"),
    CauseCue("目的", "purpose", follows=False),
    CauseCue("旨在", "purpose"),
    CauseCue("為了", "purpose"),
    CauseCue("为了", "purpose"),
    CauseCue("用意", "purpose", follows=False),
    CauseCue("換句話說", "restatement"),
    CauseCue("换句话说", "restatement"),
    CauseCue("換言之", "restatement"),
    CauseCue("换言之", "restatement"),
    CauseCue("也就是說", "restatement"),
    CauseCue("也就是说", "restatement"),
    CauseCue("因此", "result"),
    CauseCue("因而", "result"),
    CauseCue("所以", "result"),
    CauseCue("從而", "result"),
    CauseCue("从而", "result"),
    CauseCue("以致", "result"),
    CauseCue("導致", "result"),
    CauseCue("导致", "result"),
    CauseCue("源於", "reason"),
    CauseCue("源于", "reason"),
    CauseCue("歸因於", "reason"),
    CauseCue("归因于", "reason"),
    CauseCue("為此", "result"),
    CauseCue("为此", "result"),
)
CUE_KINDS: dict[str, str] = {c.word: c.kind for c in CAUSE_CUES}


def cue_words(kind: str, *, following_only: bool = False) -> tuple[str, ...]:
    """The cue words of one kind, in the list's order; `following_only` keeps those whose marked part
    starts right after them (what a cloze that blanks "the words after the cue" needs).

    >>> cue_words("result")[:3]
    ('因此', '因而', '所以')
    """
    return tuple(c.word for c in CAUSE_CUES if c.kind == kind and (c.follows or not following_only))


_CUE_RE = re.compile("|".join(re.escape(c.word) for c in CAUSE_CUES))


def extract_causes(
    text: str,
    sentences: Sequence[Sentence],
    layout: TextLayout,
    people: Sequence[Person] = (),
    glossary: Sequence[GlossaryEntry] = (),
    names: Sequence[NameEntry] = (),
) -> tuple[Fact, ...]:
    """Sentences that explain why (究其原因, 因為, 由於, 目的, 因此, 換句話說 …) as "cause" facts.

    `cue` is the word that marks the explanation and `cue_kind` what it marks (see `CauseCue`);
    `cause` and `effect` are filled where the sentence (or the one before it) states both sides:
    "A，因為B" gives cause B and effect A; "究其原因，B" takes its effect from the previous sentence;
    "其目的…就是要B" gives the purpose B.
    """
    facts: list[Fact] = []
    entities_in = entity_finder(people, glossary, names)
    previous: Sentence | None = None
    for s in sentences:
        if layout.is_caption(s.start) or layout.is_heading(s.start):
            continue
        m = _CUE_RE.search(s.text)
        if m is None:
            previous = s
            continue
        cue = m.group()
        cause, effect = _split_cause(s.text, m.start(), m.end(), previous.text if previous else "")
        entities = entities_in(text, s.start, s.end)
        facts.append(
            Fact(
                kind="cause",
                text=s.text,
                sentence=s.index,
                entities=entities,
                start=s.start,
                end=s.end,
                cue=cue,
                cause=cause,
                effect=effect,
                cue_kind=CUE_KINDS[cue],
            )
        )
        previous = s
    return tuple(facts)


def _tidy(part: str) -> str:
    part = part.strip().strip("，,；;：:。！？ ")
    return part


def _split_cause(s: str, a: int, b: int, previous: str) -> tuple[str, str]:
    """(cause, effect) around the cue s[a:b]; empty strings where the text does not say."""
    cue = s[a:b]
    before, after = s[:a], s[b:]
    if cue in ("究其原因", "究其根源", "原因在於", "原因在于", "原因是"):
        if before.strip("，, ") == "":
            return _tidy(after), _tidy(previous)
        return _tidy(after), _tidy(before)
    if cue == "之所以":
        m = re.search(r"(?:是因為|是因为|是由於|是由于|在於|在于)", after)
        if m:
            return _tidy(after[m.end() :]), _tidy(after[: m.start()])
        return "", _tidy(after)
    if cue in ("是因為", "是因为", "因為", "因为", "由於", "由于"):
        if _tidy(before) and not before.rstrip().endswith(("也", "這", "这")):
            return _first_clause(after, keep_long=True), _tidy(_strip_lead(before))
        # "因為B，(所以)A": the cause runs to the first top-level comma or to 所以/因此.
        m = re.search(r"(?:所以|因此|才|，|,)", after)
        if m:
            return _tidy(after[: m.start()]), _tidy(after[m.end() :])
        return _tidy(after), _tidy(previous)
    if cue in ("其目的", "目的是", "目的在於", "目的在于", "目的", "旨在", "用意"):
        if cue == "用意":
            return "", ""
        m = re.search(r"(?:就是要|就是|在於|在于|是要|是為了|是为了|是)", after)
        purpose = _first_clause(after[m.end() :] if m else after)
        if cue == "旨在":
            return purpose, _tidy(before)
        head = _strip_lead(_tidy(before)).lstrip("而但")
        actor = re.fullmatch(r"(.{1,10}?)的?", head)
        if actor and head and not head.endswith("其"):
            return purpose, actor.group(1)  # "美國的目的是…": whose purpose it is
        return purpose, _tidy(previous)
    if cue in ("為此", "为此", "因此", "因而", "所以", "從而", "从而", "以致") and _tidy(before):
        # "…舉行開幕典禮，日本政府為此提供補貼": the cause is the clauses before the cue's clause.
        comma = max(before.rfind("，"), before.rfind(","))
        if comma > 0 and cue in ("為此", "为此"):
            return _tidy(before[:comma]), _tidy(before[comma + 1 :] + after)
    if cue in ("為了", "为了"):
        m = re.search(r"[，,]", after)
        if m:
            return _tidy(after[: m.start()]), _tidy(after[m.end() :])
        return _tidy(after), _tidy(before)
    if cue in ("因此", "因而", "所以", "從而", "从而", "以致", "為此", "为此"):
        if _tidy(before):
            return _tidy(before), _tidy(after)
        return _tidy(previous), _tidy(after)
    if cue in ("導致", "导致"):
        if "不是" in before or "並非" in before or "沒有" in before or "没有" in before:
            return "", ""
        return _tidy(_strip_lead(before)), _tidy(after)
    if cue in ("源於", "源于", "歸因於", "归因于"):
        return _tidy(after), _tidy(before)
    return "", ""  # 換句話說 and the like restate; they are kept as facts with their cue only


def _first_clause(part: str, keep_long: bool = False) -> str:
    """The explanation up to a comma that starts a new thought ("…，中國則要…", "…，正如…")."""
    part = _tidy(part)
    for m in re.finditer(r"[，,]", part):
        rest = part[m.end() :]
        new_thought = rest.startswith(("正如", "例如", "比如", "就像", "好像", "如同"))
        if (not keep_long or new_thought) and m.start() >= 6:
            return part[: m.start()]
    return part


def _strip_lead(part: str) -> str:
    for lead in ("當然", "当然", "而且", "不過", "不过", "但是", "然而"):
        if part.startswith(lead):
            return part[len(lead) :]
    return part
