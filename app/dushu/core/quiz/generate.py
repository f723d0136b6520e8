"""Quiz generation: the study items of an Analysis (`dushu.core.study`) picked and worded as questions.

The study layer decides what can be asked, what the answer is and which distractors are of its
kind; this module only chooses among the items (a teacher's mix, each fact once) and words them with
the question templates of the text's script (resources/study/).
"""

from __future__ import annotations

import random
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from dushu.core.models import Analysis, Script, is_han
from dushu.core.quiz.model import QUESTION_TYPES, Question, QuizSet
from dushu.core.study import StudyItem, Templates, study_items, templates_for
from dushu.errors import DushuError

__all__ = ["GENERATED_TYPES", "MAX_WORD_SHARE", "candidate_questions", "generate_quiz"]

# The question types a caller may ask for: the file types plus "vocabulary" (meaning and reading of a
# word, stored as choice and short questions tagged "vocabulary").
GENERATED_TYPES = (*QUESTION_TYPES, "vocabulary")
# How a quiz is shared out between the kinds when all are wanted (scaled to the number asked for).
_WEIGHTS = {"choice": 7, "truefalse": 4, "cloze": 4, "short": 3, "order": 2, "match": 2, "vocabulary": 5}
# At most this share of a set asks word meanings and readings when facts are wanted too: a teacher
# wants the text's events, mechanisms and reasons asked.
MAX_WORD_SHARE = 0.4
BLANK = "____"
_DISTRACTORS = 3
_DEADLINE = re.compile(r"(?:前|以前|之前|止|為止|为止)")
_MANY_YEARS = 3  # a text whose events fall in fewer years makes "which year" a guess, not a question
# A passage that opens with the writer's advice to the reader (可先看看…, 不妨想想…): no claim to judge.
_ASIDE = re.compile(r"^(?:可先|不妨|再看|值得注意|值得一提|請注意|请注意|先看|且看)")
# A year written in a date (2024年, 二〇二四年, 民國一二〇年), as opposed to 6月3日 or 去年.
_YEAR_WRITTEN = re.compile(r"[0-9０-９〇○零一二三四五六七八九]{2,4}\s*年(?!代)")
_PLENTY = 12  # facts a text must state before an order or match question may take several of them


@dataclass(slots=True)
class _Candidate:
    bucket: str  # the kind it counts as: a question type or "vocabulary"
    question: Question  # id still empty
    groups: tuple[str, ...]  # the facts it asks about: each is asked once per set
    quality: float
    position: int  # where its source is in the text, for ordering the quiz
    false_version: Question | None = None  # true/false: the same statement with one detail changed
    answers: tuple[str, ...] = ()  # what it asks, in every form: no other question may show it
    tiebreak: float = field(default=0.0)


def generate_quiz(
    analysis: Analysis,
    n: int = 25,
    types: Collection[str] | None = None,
    seed: int = 0,
    *,
    title: str = "",
    author: str = "",
) -> QuizSet:
    """Build a quiz set of up to `n` questions from the study items of the analysis.

    `types` picks from choice, truefalse, cloze, short, order, match and vocabulary (all by default).
    Each fact is asked once; at least 60% of a set asks what the text states when facts are wanted;
    true/false statements are false about half the time. Each question cites its `source` sentence
    and explains its answer. The same analysis and seed always give the same quiz.
    """
    wanted = tuple(GENERATED_TYPES) if not types else tuple(dict.fromkeys(types))
    unknown = [t for t in wanted if t not in GENERATED_TYPES]
    if unknown:
        raise DushuError(f"unknown question type {unknown[0]!r}; choose from {', '.join(GENERATED_TYPES)}")
    if n < 1:
        raise DushuError("the number of questions must be at least 1")
    rng = random.Random(seed)
    words = templates_for(analysis.script)
    pool = _Renderer(words, rng).candidates(study_items(analysis))
    selected = _select(pool, wanted, n, rng)
    _balance_truth(selected, rng)
    selected.sort(key=lambda c: (c.position, GENERATED_TYPES.index(c.bucket)))
    width = max(2, len(str(len(selected))))
    questions = tuple(replace(c.question, id=f"q{i:0{width}d}") for i, c in enumerate(selected, start=1))
    heading = title or analysis.title
    if not any(is_han(ch) for ch in heading):
        heading = _headline(analysis)  # a title that is only a date
    return QuizSet(
        title=title or words.title(heading),
        questions=questions,
        language="zh-Hans" if analysis.script == Script.SIMPLIFIED else "zh-Hant",
        source=analysis.source,
        author=author,
    )


def candidate_questions(analysis: Analysis, seed: int = 0) -> list[Question]:
    """Every question the generator could put in a set for this analysis (before it picks), ids empty."""
    rng = random.Random(seed)
    return [
        c.question for c in _Renderer(templates_for(analysis.script), rng).candidates(study_items(analysis))
    ]


def _headline(analysis: Analysis) -> str:
    """A headline for the set: a short first line with Chinese in it (a lede would give answers
    away), else the file's name."""
    for line in analysis.text.splitlines():
        line = line.strip()
        if any(is_han(ch) for ch in line):
            if len(line) <= 30 and not line.endswith(("。", "！", "？")):
                return line
            break
    stem = PurePath(analysis.source).stem if analysis.source else ""
    return stem or "Dushu"


def _select(pool: list[_Candidate], wanted: Sequence[str], n: int, rng: random.Random) -> list[_Candidate]:
    """Share `n` out between the wanted kinds by weight, best first, each fact asked once."""
    by_bucket: dict[str, list[_Candidate]] = {b: [] for b in wanted}
    for c in pool:
        if c.bucket in by_bucket:
            c.tiebreak = rng.random()
            by_bucket[c.bucket].append(c)
    for bucket, items in by_bucket.items():
        by_bucket[bucket] = _interleave_kinds(items)
    total_weight = sum(_WEIGHTS[b] for b in wanted)
    quotas = {b: max(1, round(n * _WEIGHTS[b] / total_weight)) for b in wanted}
    selected: list[_Candidate] = []
    used: set[str] = set()

    def words_allowed() -> bool:
        if wanted == ("vocabulary",):
            return True
        facts = sum(1 for c in selected if c.bucket != "vocabulary")
        words = len(selected) - facts
        # Adding one more word question must keep the share at or under the cap.
        return words + 1 <= MAX_WORD_SHARE * (len(selected) + 1)

    def take(bucket: str, limit: int) -> int:
        taken = 0
        for c in list(by_bucket[bucket]):
            if taken >= limit or len(selected) >= n:
                break
            if used.intersection(c.groups) or _gives_away(c, selected):
                continue
            if bucket == "vocabulary" and not words_allowed():
                break
            selected.append(c)
            by_bucket[bucket].remove(c)
            used.update(c.groups)
            taken += 1
        return taken

    # Facts first, each kind its share. The kinds that ask several facts at once (order, match) go
    # first when the text states plenty, or nothing would be left for them; in a short text they
    # come after the others, so that its few facts are not all spent on one question.
    firsts = [b for b in wanted if b in ("order", "match")]
    facts = {g for c in pool if c.bucket != "vocabulary" for g in c.groups}
    taken = dict.fromkeys(wanted, 0)
    if len(facts) >= _PLENTY:
        for bucket in firsts:
            taken[bucket] += take(bucket, 1)
    # Then one of each kind in turn up to its share, so a short text still gets every kind asked for.
    progress = True
    while progress:
        progress = False
        for bucket in [b for b in wanted if b not in firsts and b != "vocabulary"]:
            if taken[bucket] < quotas[bucket] and take(bucket, 1):
                taken[bucket] += 1
                progress = True
    for bucket in firsts:
        if not taken[bucket]:
            take(bucket, 1)
    # Words their share too, before the facts fill the rest: a text that states plenty would
    # otherwise leave no room for the words a learner ticked (the cap still holds).
    if "vocabulary" in wanted:
        take("vocabulary", quotas["vocabulary"])
    progress = True
    while len(selected) < n and progress:
        progress = False
        for bucket in sorted((b for b in wanted if b != "vocabulary"), key=lambda b: -_WEIGHTS[b]):
            if len(selected) >= n:
                break
            if take(bucket, 1):
                progress = True
    if "vocabulary" in wanted:
        take("vocabulary", n - len(selected))
    return selected


def _shown(c: _Candidate) -> tuple[str, ...]:
    """The prompt a question shows before it is answered (either version of a true/false one)."""
    return (c.question.prompt, *((c.false_version.prompt,) if c.false_version else ()))


def _groups(item: StudyItem) -> tuple[str, ...]:
    """What a question on `item` uses up in a set: its fact, and for a date question the date too
    (two questions keyed 2025年9月 read as one fact asked twice, however the text words them)."""
    return (item.group, f"date:{item.date}") if item.ask == "date" else (item.group,)


def _forms(item: StudyItem) -> tuple[str, ...]:
    """The answer of an item as a question may show it: its forms, the date as the text writes it,
    a person's role with the name (海港局局長柯文遠)."""
    forms = [item.answer, *item.accepted, item.date_text if item.ask == "date" else ""]
    if item.ask == "role":
        forms.append(item.answer + item.subject)
    # Two characters (今年, 9月) are written all over a text: showing them again elsewhere gives
    # nothing away; a name that fills a blank and a date as the text writes it are the exceptions.
    keep = (item.date_text, item.answer if item.ask == "actor" else "")
    return tuple(dict.fromkeys(f for f in forms if len(f) >= 3 or (f and f in keep)))


def _gives_away(c: _Candidate, selected: Sequence[_Candidate]) -> bool:
    """True when `c` shows the answer of a question already chosen, or one of them shows its answer."""
    mine = _shown(c)
    for other in selected:
        theirs = _shown(other)
        if any(a in text for a in c.answers for text in theirs):
            return True
        if any(a in text for a in other.answers for text in mine):
            return True
    return False


def _interleave_kinds(items: list[_Candidate]) -> list[_Candidate]:
    """Best first, but taking turns between sub-kinds (dates, people, terms, causes …) for variety."""
    groups: dict[tuple[str, ...], list[_Candidate]] = {}
    for c in sorted(items, key=lambda c: (-c.quality, c.tiebreak)):
        groups.setdefault(c.question.tags, []).append(c)
    ordered_groups = sorted(groups.values(), key=lambda g: (-g[0].quality, g[0].tiebreak))
    out: list[_Candidate] = []
    depth = 0
    while len(out) < len(items):
        for g in ordered_groups:
            if depth < len(g):
                out.append(g[depth])
        depth += 1
    return out


def _balance_truth(selected: list[_Candidate], rng: random.Random) -> None:
    """Make about half of the chosen true/false statements false (each by one changed detail)."""
    tf = [c for c in selected if c.false_version is not None]
    falses = set(rng.sample(range(len(tf)), len(tf) // 2 + (rng.random() < 0.5 if len(tf) % 2 else 0)))
    for i, c in enumerate(tf):
        if i in falses and c.false_version is not None:
            c.question = c.false_version


class _Renderer:
    """Words study items as candidate questions of every type they allow."""

    def __init__(self, words: Templates, rng: random.Random) -> None:
        self.w = words
        self.rng = rng
        self.out: list[_Candidate] = []
        self.many_years = False

    def candidates(self, items: Sequence[StudyItem]) -> list[_Candidate]:
        self.many_years = len({i.date[:4] for i in items if i.ask == "date"}) >= _MANY_YEARS
        for item in items:
            method = getattr(self, f"ask_{item.ask}", None)
            if method is not None:
                method(item)
        self.order_questions([i for i in items if i.ask == "date" and i.label])
        self.match_questions(
            [i for i in items if i.ask == "abbreviation" and i.answer.isascii()], "abbreviation"
        )
        self.match_questions([i for i in items if i.ask == "role"], "role")
        return self.out

    # -- helpers -----------------------------------------------------------------------------------

    @staticmethod
    def verbatim(item: StudyItem) -> str:
        """The item's passage in 「」 exactly as the text writes it (for explanations)."""
        return f"「{item.context}」"

    @staticmethod
    def quote(item: StudyItem, value: str | None = None) -> str:
        """The item's passage in 「」, with the blank (or `value` written in its place)."""
        return f"「{item.blanked(BLANK) if value is None else item.replaced(value)}」"

    def add(
        self,
        bucket: str,
        item: StudyItem,
        q: Question,
        quality: float,
        false_version: Question | None = None,
        groups: tuple[str, ...] = (),
    ) -> None:
        self.out.append(
            _Candidate(
                bucket, q, groups or _groups(item), quality, item.position, false_version, _forms(item)
            )
        )

    @staticmethod
    def distractors(item: StudyItem) -> tuple[str, ...]:
        """The item's distractors that its own passage does not show (one there would be a clue)."""
        return tuple(d for d in item.distractors if d not in item.context)

    def options(self, item: StudyItem) -> tuple[tuple[str, ...], int] | None:
        """The answer and three distractors (the nearest of the item's, one of the rest), shuffled."""
        distractors = self.distractors(item)
        if len(distractors) < _DISTRACTORS:
            return None
        near = list(distractors[: _DISTRACTORS + 1])
        self.rng.shuffle(near)
        picked = near[:_DISTRACTORS]
        options = [item.answer, *picked]
        self.rng.shuffle(options)
        return tuple(options), options.index(item.answer)

    def choice(
        self, bucket: str, item: StudyItem, prompt: str, tags: tuple[str, ...], why: str, quality: float
    ) -> None:
        opts = self.options(item)
        if opts is None:
            return
        choices, answer = opts
        q = Question("", "choice", prompt, answer, choices, tags=tags, source=item.source, explanation=why)
        self.add(bucket, item, q, quality)

    def statement(
        self,
        item: StudyItem,
        prompt_name: str,
        tags: tuple[str, ...],
        why: str,
        quality: float,
        **values: str,
    ) -> None:
        """A true/false pair: the text's statement, and the same with the answer swapped for a distractor."""
        distractors = self.distractors(item)
        if not distractors:
            return
        wrong = self.rng.choice(distractors[:_DISTRACTORS])
        if prompt_name == "statement_truefalse":
            if not item.blanks:
                return
            # A date the text writes out (2031年上半年) stays as written; a relative one (去年) is
            # written out, so the true statement is checkable on its own.
            # A statement is written on its own line, not in 「」: it is the text's claim with a detail
            # written out or changed, not a quotation.
            if item.ask == "date" and item.answer not in item.date_text:
                true_prompt = self.w.quiz(prompt_name, quote=item.replaced(item.answer))
            else:
                true_prompt = self.w.quiz(prompt_name, quote=item.context)
            false_prompt = self.w.quiz(prompt_name, quote=item.replaced(wrong))
        else:
            true_prompt = self.w.quiz(prompt_name, shown=item.answer, **values)
            false_prompt = self.w.quiz(prompt_name, shown=wrong, **values)
        true_q = Question("", "truefalse", true_prompt, True, tags=tags, source=item.source, explanation=why)
        false_why = self.w.explain("false_statement", quote=self.verbatim(item)) if item.blanks else why
        false_q = Question(
            "", "truefalse", false_prompt, False, tags=tags, source=item.source, explanation=false_why
        )
        self.add("truefalse", item, true_q, quality, false_version=false_q)

    @staticmethod
    def deadline(item: StudyItem) -> bool:
        """True when the blanked date ends a period or sets a deadline (截至____, ____前, 至____止)."""
        after = any(_DEADLINE.match(item.context, end) for _s, end in item.blanks)
        before = any(
            item.context[max(0, start - 2) : start].endswith(("截至", "至", "到"))
            for start, _e in item.blanks
        )
        return after or before

    # -- events ------------------------------------------------------------------------------------

    def ask_date(self, item: StudyItem) -> None:
        tags = ("event", "date")
        why = self.w.explain("date", answer=item.answer, quote=self.verbatim(item))
        if item.answer.replace(" ", "") != item.date_text.replace(" ", ""):
            why += self.w.explain("date_relative", written=item.date_text, answer=item.answer)
        quality = item.quality
        # The end of a period or a deadline (至…止, …前) is no "when did this happen".
        name = "date_blank_choice" if self.deadline(item) else "date_choice"
        self.choice("choice", item, self.w.quiz(name, quote=self.quote(item)), tags, why, quality)
        name = "date_cloze_year" if len(item.date) == 4 else "date_cloze"
        cloze = Question(
            "", "cloze", self.w.quiz(name, quote=self.quote(item)), item.accepted,
            tags=tags, source=item.source, explanation=why,
        )  # fmt: skip
        self.add("cloze", item, cloze, quality)
        # The year alone is worth asking only where the text writes it in the blank and its events
        # fall in more than one year (else every answer is the same year).
        if len(item.date) > 4 and self.many_years and _YEAR_WRITTEN.search(item.date_text):
            year = item.date[:4]
            short = Question(
                "", "short", self.w.quiz("date_year", quote=self.quote(item)), (year, f"{year}年"),
                tags=("event", "year"), source=item.source, explanation=why,
            )  # fmt: skip
            self.add("short", item, short, quality - 0.5)
        # True or false only where the statement asks for more than finding the sentence: a date the
        # text gives relatively (昨日, 同年11月), written out.
        relative = item.answer.replace(" ", "") != item.date_text.replace(" ", "")
        # "X前完成": another date would be true too when it is later, so a deadline is not stated.
        deadline = self.deadline(item)
        # One clause only: a statement joining clauses of different dates under one is murky.
        at = item.blanks[0][1] if item.blanks else 0
        rest = item.context[:at] + item.context[at:].lstrip("，, ")  # "同年9月，三國…" is one clause
        one_clause = not re.search(r"[，,；;]", rest)
        if relative and one_clause and not deadline and not _ASIDE.match(item.context):
            self.statement(item, "statement_truefalse", tags, why, quality - 0.2)

    def ask_actor(self, item: StudyItem) -> None:
        tags = ("event", "person") if item.extra[:1] == ("person",) else ("event", "actor")
        why = self.w.explain("statement", quote=self.verbatim(item))
        name = "actor_choice" if tags[1] == "person" else "actor_thing_choice"
        # No true/false: the true statement would be the text's sentence word for word.
        self.choice("choice", item, self.w.quiz(name, quote=self.quote(item)), tags, why, item.quality)

    # -- causes ------------------------------------------------------------------------------------

    def ask_reason(self, item: StudyItem) -> None:
        self.cause(item, "reason_choice")

    def ask_purpose(self, item: StudyItem) -> None:
        self.cause(item, "purpose_choice")

    def ask_result(self, item: StudyItem) -> None:
        self.cause(item, "result_choice")

    def cause(self, item: StudyItem, prompt_name: str) -> None:
        why = self.w.explain("cause", cue=item.cue, quote=self.verbatim(item))
        prompt = self.w.quiz(prompt_name, subject=item.subject)
        # No true/false: a reason swapped for a clause from elsewhere reads as nonsense, not as a
        # checkable claim.
        self.choice("choice", item, prompt, ("cause",), why, item.quality)

    # -- terms -------------------------------------------------------------------------------------

    def term_why(self, item: StudyItem) -> str:
        """What the text says of a term: its own words where it writes them, else the pair."""
        if item.context and item.subject in item.context and item.answer in item.context:
            return self.w.explain("statement", quote=self.verbatim(item))
        return self.w.explain("term", subject=item.subject, answer=item.answer)

    def ask_abbreviation(self, item: StudyItem) -> None:
        tags = ("term", "abbreviation")
        why = self.term_why(item)
        self.choice(
            "choice", item, self.w.quiz("abbreviation_choice", subject=item.subject), tags, why, item.quality
        )
        if item.blanks:
            cloze = Question(
                "", "cloze", self.w.quiz("abbreviation_cloze", quote=self.quote(item)), item.accepted,
                tags=tags, source=item.source, explanation=why,
            )  # fmt: skip
            self.add("cloze", item, cloze, item.quality + 0.1)
        short = Question(
            "", "short", self.w.quiz("abbreviation_short", subject=item.subject), item.accepted,
            tags=tags, source=item.source, explanation=why,
        )  # fmt: skip
        self.add("short", item, short, item.quality - 0.2)
        self.statement(item, "abbreviation_truefalse", tags, why, item.quality - 0.3, subject=item.subject)

    def ask_full_name(self, item: StudyItem) -> None:
        why = self.term_why(item)
        prompt = self.w.quiz("full_name_choice", subject=item.subject)
        self.choice("choice", item, prompt, ("term", "abbreviation"), why, item.quality)

    def ask_english(self, item: StudyItem) -> None:
        tags = ("term", "english")
        why = self.term_why(item)
        short = Question(
            "", "short", self.w.quiz("english_short", subject=item.subject), item.accepted,
            tags=tags, source=item.source, explanation=why,
        )  # fmt: skip
        self.add("short", item, short, item.quality)
        self.statement(item, "english_truefalse", tags, why, item.quality - 0.1, subject=item.subject)

    def ask_members(self, item: StudyItem) -> None:
        why = self.w.explain("members", answer=item.answer)
        prompt = self.w.quiz("members_choice", subject=item.subject)
        self.choice("choice", item, prompt, ("term", "members"), why, item.quality)

    # -- people ------------------------------------------------------------------------------------

    def ask_role(self, item: StudyItem) -> None:
        tags = ("person", "role")
        why = self.w.explain("role", subject=item.subject, answer=item.answer)
        self.choice("choice", item, self.w.quiz("role_choice", subject=item.subject), tags, why, item.quality)
        self.statement(item, "role_truefalse", tags, why, item.quality - 0.3, subject=item.subject)

    def ask_person_english(self, item: StudyItem) -> None:
        why = self.w.explain("person_english", subject=item.subject, answer=item.answer)
        short = Question(
            "", "short", self.w.quiz("person_english_short", subject=item.subject), item.accepted,
            tags=("person", "english"), source=item.source, explanation=why,
        )  # fmt: skip
        self.add("short", item, short, item.quality)

    # -- words -------------------------------------------------------------------------------------

    def ask_meaning(self, item: StudyItem) -> None:
        why = self.w.explain("word", subject=item.subject, reading=item.reading, answer=item.answer)
        quote = f"「{_clause_around(item.context, item.blanks)}」"
        prompt = self.w.quiz("meaning_choice", subject=item.subject, reading=item.reading, quote=quote)
        self.choice("vocabulary", item, prompt, ("vocabulary", "meaning"), why, item.quality)

    def ask_reading(self, item: StudyItem) -> None:
        # The explanation gives the word's meaning too when it is known (in its sentence).
        answer = item.gloss or item.reading
        why = self.w.explain("word", subject=item.subject, reading=item.reading, answer=answer)
        short = Question(
            "", "short", self.w.quiz("reading_short", subject=item.subject), item.accepted,
            tags=("vocabulary", "reading"), source=item.source, explanation=why,
        )  # fmt: skip
        self.add("vocabulary", item, short, item.quality)

    # -- several items at once ---------------------------------------------------------------------

    def order_questions(self, events: list[StudyItem]) -> None:
        """Put 3–5 events in time order (dates that can be compared, labels without the dates)."""
        usable: list[StudyItem] = []
        labels: set[str] = set()
        for e in events:
            if (
                e.label not in labels
                and "年代" not in e.date_text
                and e.date_text not in ("本年度", "今年度")
            ):
                usable.append(e)
                labels.add(e.label)
        if len(usable) < 3:
            return
        made = 0
        for attempt in range(12):
            size = min(len(usable), self.rng.choice((4, 4, 5, 3)))
            picked = self.rng.sample(usable, size)
            if not _comparable([e.date for e in picked]):
                continue
            picked.sort(key=lambda e: e.date)
            explanation = "；".join(f"{e.answer}：{e.label}" for e in picked) + "。"
            source = " ".join(dict.fromkeys(e.source for e in picked))
            q = Question(
                "", "order", self.w.quiz("order"), items=tuple(e.label for e in picked), points=2,
                tags=("event", "order"), source=source, explanation=explanation,
            )  # fmt: skip
            self.out.append(
                _Candidate(
                    "order",
                    q,
                    tuple(g for e in picked for g in _groups(e)),
                    3.0 - attempt * 0.05,
                    picked[0].position,
                )
            )
            made += 1
            if made >= 4:
                break

    def match_questions(self, items: list[StudyItem], kind: str) -> None:
        """Short forms to full names, or people to their roles, when the text gives three or more."""
        usable: list[StudyItem] = []
        for i in items:
            # Two answers where one holds the other (董事長, 公司董事長) would make the pairs ambiguous.
            if not any(i.answer in u.answer or u.answer in i.answer for u in usable):
                usable.append(i)
        if len(usable) < 3:
            return
        for attempt in range(2):
            size = min(len(usable), 5 - attempt)
            picked = sorted(self.rng.sample(usable, size), key=lambda i: i.position)
            if kind == "abbreviation":
                pairs = tuple((i.answer, i.subject) for i in picked)
            else:
                pairs = tuple((i.subject, i.answer) for i in picked)
            explanation = "；".join(f"{a}：{b}" for a, b in pairs) + "。"
            q = Question(
                "", "match", self.w.quiz(f"match_{kind}"), pairs=pairs, points=2,
                tags=("term", "abbreviation") if kind == "abbreviation" else ("person", "role"),
                source=" ".join(dict.fromkeys(i.source for i in picked)), explanation=explanation,
            )  # fmt: skip
            self.out.append(
                _Candidate(
                    "match",
                    q,
                    tuple(g for i in picked for g in _groups(i)),
                    2.9 - attempt * 0.3,
                    picked[0].position,
                    answers=tuple(f for i in picked for f in _forms(i)),
                )
            )


def _clause_around(text: str, spans: Sequence[tuple[int, int]], limit: int = 60) -> str:
    """The clause of `text` that holds the first span (verbatim), or the whole text when it is short."""
    if len(text) <= limit or not spans:
        return text
    start, end = spans[0]
    marks = "，,；;。！？!?"
    left = max(text.rfind(m, 0, start) for m in marks) + 1
    rights = [p for p in (text.find(m, end) for m in marks) if p != -1]
    right = min(rights) if rights else len(text)
    return text[left:right]


def _comparable(dates: Sequence[str]) -> bool:
    """True when the dates can be put in one order: all different, none a prefix of another."""
    for i, a in enumerate(dates):
        for b in dates[i + 1 :]:
            if a == b or a.startswith(b) or b.startswith(a):
                return False
    return True
