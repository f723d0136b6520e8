"""Quiz generation: questions of every type built from an Analysis (events, terms, people, causes, words)."""

from __future__ import annotations

import random
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from dushu.core.facts.causes import cue_words
from dushu.core.facts.dates import date_answer_forms, format_date_zh, shift_date
from dushu.core.facts.terms import (
    COUNTRY_ABBREVIATIONS,
    country_display_name,
    country_groups,
    expand_country_group,
)
from dushu.core.models import Analysis, Fact, GlossaryEntry, Person, Script, VocabItem
from dushu.core.quiz.model import QUESTION_TYPES, Question, QuizSet
from dushu.core.script import to_simplified
from dushu.errors import DushuError

__all__ = ["GENERATED_TYPES", "generate_quiz"]

# The question types a caller may ask for: the file types plus "vocabulary" (meaning and reading of a
# word, stored as choice and short questions tagged "vocabulary").
GENERATED_TYPES = (*QUESTION_TYPES, "vocabulary")
# How a quiz is shared out between the kinds when all are wanted (scaled to the number asked for).
_WEIGHTS = {"choice": 6, "truefalse": 4, "cloze": 4, "short": 3, "order": 2, "match": 2, "vocabulary": 4}
_BLANK = "____"
# Words at the front of a clause that only link it to the one before.
_LEADING_LINKS = (
    "並且",
    "並",
    "以及",
    "接著",
    "而且",
    "而",
    "包括",
    "都",
    "也",
    "例如",
    "當然",
    "或許",
    "因此",
)
# Filler around a date that goes with it when the date is taken out of an event ("在2019年9月舉行…").
_DATE_FILLER_BEFORE = (
    r"(?:早在|到了|直到|直至|截至|例如在|並在|並於|也在|就在|已在|而在|接著在|隨即在|在|於)?"
)
_DATE_WITH_FILLER = _DATE_FILLER_BEFORE + r"{date}(?:時|起|間)?[，,]?"
_REASON_CUES = cue_words("reason")
_PURPOSE_CUES = cue_words("purpose")
_RESULT_CUES = cue_words("result")


@dataclass(slots=True)
class _Candidate:
    bucket: str  # the kind it counts as: a question type or "vocabulary"
    question: Question  # id still empty
    keys: tuple[str, ...]  # what it asks about, so one fact is not asked about too often
    quality: float
    position: int  # where its source is in the text, for ordering the quiz
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
    """Build a quiz set of up to `n` questions from what the analysis found.

    `types` picks from choice, truefalse, cloze, short, order, match and vocabulary (all by default).
    Distractors are of the same kind as the answer (dates with dates, terms with terms, people with
    people) and never equal to it. Each question cites its `source` sentence and explains its answer.
    The same analysis and seed always give the same quiz.
    """
    wanted = tuple(GENERATED_TYPES) if not types else tuple(dict.fromkeys(types))
    unknown = [t for t in wanted if t not in GENERATED_TYPES]
    if unknown:
        raise DushuError(f"unknown question type {unknown[0]!r}; choose from {', '.join(GENERATED_TYPES)}")
    if n < 1:
        raise DushuError("the number of questions must be at least 1")
    rng = random.Random(seed)
    builder = _Builder(analysis, rng)
    pool = builder.candidates()
    selected = _select(pool, wanted, n, rng)
    selected.sort(key=lambda c: (c.position, GENERATED_TYPES.index(c.bucket)))
    width = max(2, len(str(len(selected))))
    questions = tuple(_with_id(c.question, f"q{i:0{width}d}") for i, c in enumerate(selected, start=1))
    heading = title or analysis.title or _first_line(analysis.text)
    return QuizSet(
        title=title or builder.zh("測驗：") + heading,
        questions=questions,
        language="zh-Hans" if analysis.script == Script.SIMPLIFIED else "zh-Hant",
        source=analysis.source,
        author=author,
    )


def _with_id(q: Question, qid: str) -> Question:
    return Question(
        qid,
        q.type,
        q.prompt,
        q.answer,
        q.choices,
        q.items,
        q.pairs,
        q.points,
        q.tags,
        q.source,
        q.explanation,
    )


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:40]
    return "Dushu"


def _select(pool: list[_Candidate], wanted: Sequence[str], n: int, rng: random.Random) -> list[_Candidate]:
    """Share `n` out between the wanted kinds by weight, best candidates first, no fact asked too often."""
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
    key_uses: dict[str, int] = {}
    prompts: set[str] = set()

    def take(bucket: str, limit: int, max_key_uses: int) -> int:
        taken = 0
        for c in list(by_bucket[bucket]):
            if taken >= limit or len(selected) >= n:
                break
            if c.question.prompt in prompts or any(key_uses.get(k, 0) >= max_key_uses for k in c.keys):
                continue
            selected.append(c)
            by_bucket[bucket].remove(c)
            prompts.add(c.question.prompt)
            for k in c.keys:
                key_uses[k] = key_uses.get(k, 0) + 1
            taken += 1
        return taken

    # First every wanted kind gets its share, then the rest is filled from whatever is left.
    for bucket in wanted:
        take(bucket, quotas[bucket], 1)
    for max_uses in (1, 2, 3):
        progress = True
        while len(selected) < n and progress:
            progress = False
            for bucket in sorted(wanted, key=lambda b: -_WEIGHTS[b]):
                if len(selected) >= n:
                    break
                if take(bucket, 1, max_uses):
                    progress = True
    return selected


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


class _Builder:
    """Turns the facts, glossary, people and vocabulary of one analysis into candidate questions."""

    def __init__(self, analysis: Analysis, rng: random.Random) -> None:
        self.a = analysis
        self.rng = rng
        self.simplified = analysis.script == Script.SIMPLIFIED
        self.events = [f for f in analysis.facts if f.kind == "event" and f.date and f.date_text]
        self.causes = [f for f in analysis.facts if f.kind == "cause" and f.cause and f.effect]
        self.people = list(analysis.people)
        self.glossary = list(analysis.glossary)
        self.out: list[_Candidate] = []

    # -- helpers ---------------------------------------------------------------------------------------

    def zh(self, template: str) -> str:
        """A fixed Chinese phrase in the text's own script."""
        return to_simplified(template) if self.simplified else template

    def sentence_text(self, index: int) -> str:
        if 0 <= index < len(self.a.sentences):
            return self.a.sentences[index].text
        return ""

    def sentence_start(self, index: int) -> int:
        if 0 <= index < len(self.a.sentences):
            return self.a.sentences[index].start
        return 0

    def add(self, bucket: str, q: Question, keys: Sequence[str], quality: float, position: int) -> None:
        self.out.append(_Candidate(bucket, q, tuple(keys), quality, position))

    def shuffle_choices(self, answer: str, distractors: Sequence[str]) -> tuple[tuple[str, ...], int]:
        options = [answer, *distractors]
        self.rng.shuffle(options)
        return tuple(options), options.index(answer)

    # -- everything ------------------------------------------------------------------------------------

    def candidates(self) -> list[_Candidate]:
        for i, event in enumerate(self.events):
            self.event_questions(i, event)
        self.order_questions()
        for entry in self.glossary:
            self.term_questions(entry)
        self.term_match()
        self.people_questions()
        self.cause_questions()
        self.vocabulary_questions()
        return self.out

    # -- events ----------------------------------------------------------------------------------------

    def display_date(self, fact: Fact, date: str | None = None) -> str:
        """How a date is shown in a choice or statement: 2017年11月, 2027財年, 1990年代."""
        date = date or fact.date
        if "財年" in fact.date_text or "财年" in fact.date_text:
            return f"{date[:4]}" + self.zh("財年")
        if "年度" in fact.date_text:
            return f"{date[:4]}" + self.zh("年度")
        if "年代" in fact.date_text:
            return f"{date[:4]}" + self.zh("年代")
        return format_date_zh(date)

    def excerpt(self, fact: Fact, text: str) -> str:
        """The event's words as a quotation, marked as an excerpt when it starts mid-sentence."""
        start = self.sentence_start(fact.sentence)
        lead = "……" if fact.start > start else ""
        return f"「{lead}{text}」"

    def masked(self, fact: Fact) -> str | None:
        """The event text with its date replaced by a blank (None when the text does not hold the date)."""
        idx = fact.text.find(fact.date_text)
        if idx == -1:
            return None
        return fact.text[:idx] + _BLANK + fact.text[idx + len(fact.date_text) :]

    def date_distractors(self, fact: Fact, count: int) -> list[str]:
        """Other dates of the same precision: from the text first (plausible), then shifted ones."""
        answer = self.display_date(fact)
        precision = len(fact.date)
        from_text = sorted(
            {e.date for e in self.events if len(e.date) == precision and e.date != fact.date},
            key=lambda d: (abs(_date_number(d) - _date_number(fact.date)), d),
        )
        picks: list[str] = []
        for d in from_text[: count + 2]:
            shown = self.display_date(fact, d)
            if shown != answer and shown not in picks:
                picks.append(shown)
        self.rng.shuffle(picks)
        picks = picks[: max(0, count - 1)] if len(from_text) > 0 else []
        shifts: list[dict[str, int]] = (
            [{"years": 1}, {"years": -1}, {"years": 2}, {"years": -2}, {"years": 3}]
            if precision == 4
            else [{"months": 2}, {"years": -1}, {"months": -3}, {"years": 1}, {"months": 5}, {"years": 2}]
        )
        for shift in shifts:
            if len(picks) >= count:
                break
            shown = self.display_date(fact, shift_date(fact.date, **shift))
            if shown != answer and shown not in picks:
                picks.append(shown)
        return picks[:count]

    def event_questions(self, index: int, fact: Fact) -> None:
        masked = self.masked(fact)
        source = self.sentence_text(fact.sentence)
        key = f"event:{fact.start}:{fact.date}"
        answer = self.display_date(fact)
        relative = answer.replace(" ", "") != fact.date_text.replace(" ", "")
        where = self.zh("文中寫作「{}」，即{}。").format(fact.date_text, answer) if relative else ""
        explanation = self.zh("{}：{}。").format(answer, fact.text) + where
        # Long clauses make poor prompts; inferred dates (28日, 同年11月) are good tests of reading.
        quality = (
            3.0 - max(0, len(fact.text) - 45) / 30 + (0.3 if fact.date_text[:2] in ("同年", "翌年") else 0)
        )
        if fact.date_text in ("本年度", "今年度"):
            quality -= 1.0
        if masked is not None:
            distractors = self.date_distractors(fact, 3)
            if len(distractors) == 3:
                choices, ans = self.shuffle_choices(answer, distractors)
                prompt = self.zh("根據文章，下面這件事發生在甚麼時候？\n") + self.excerpt(fact, masked)
                self.add(
                    "choice",
                    Question(
                        "",
                        "choice",
                        prompt,
                        ans,
                        choices,
                        tags=("event", "date"),
                        source=source,
                        explanation=explanation,
                    ),
                    [key],
                    quality,
                    fact.start,
                )
            accepted = date_answer_forms(fact.date, fact.date_text)
            if "財年" in fact.date_text or "年度" in fact.date_text or "年代" in fact.date_text:
                accepted = [fact.date_text, answer, *accepted]
            prompt = self.zh("根據文章填空（寫出日期）：\n") + self.excerpt(fact, masked)
            self.add(
                "cloze",
                Question(
                    "",
                    "cloze",
                    prompt,
                    tuple(dict.fromkeys(accepted)),
                    tags=("event", "date"),
                    source=source,
                    explanation=explanation,
                ),
                [key],
                quality,
                fact.start,
            )
            if len(fact.date) >= 4 and fact.date_text not in ("本年度", "今年度"):
                year = fact.date[:4]
                prompt = self.zh("根據文章，下面這件事發生在哪一年？（只寫年份）\n") + self.excerpt(
                    fact, masked
                )
                self.add(
                    "short",
                    Question(
                        "",
                        "short",
                        prompt,
                        (year, f"{year}年"),
                        tags=("event", "year"),
                        source=source,
                        explanation=explanation,
                    ),
                    [key],
                    quality - 0.5,
                    fact.start,
                )
            # True or false: the statement with the date written out in full, or a wrong one.
            truth = self.rng.random() < 0.5
            shown = answer if truth else (self.date_distractors(fact, 1) or [""])[0]
            if shown:
                statement = fact.text.replace(fact.date_text, shown, 1)
                prompt = self.zh("根據文章，判斷對錯：\n") + self.excerpt(fact, statement)
                why = explanation if truth else self.zh("不對。") + explanation
                self.add(
                    "truefalse",
                    Question(
                        "", "truefalse", prompt, truth, tags=("event", "date"), source=source, explanation=why
                    ),
                    [key],
                    quality - 0.2,
                    fact.start,
                )
        self.actor_questions(fact, key, source)

    def actor_questions(self, fact: Fact, key: str, source: str) -> None:
        """Blank the person an event names and ask who it was."""
        person = next((p for p in self.people if p.name in fact.text), None)
        if person is None:
            return
        others = [p.name for p in self.people if p.name != person.name and p.name not in fact.text]
        # An English gloss or caption position after the name would give the answer away.
        masked = re.sub(re.escape(person.name) + r"(?:（[^）]*）|\([^)]*\))?", _BLANK, fact.text)
        date_shown = self.display_date(fact)
        if fact.date_text in masked:
            masked = masked.replace(fact.date_text, date_shown, 1)
        explanation = self.zh("文中說：「{}」。").format(fact.text)
        akey = f"actor:{fact.start}"
        if len(others) >= 3:
            distractors = self.rng.sample(others, 3)
            choices, ans = self.shuffle_choices(person.name, distractors)
            prompt = self.zh("根據文章，空格中是誰？\n") + self.excerpt(fact, masked)
            self.add(
                "choice",
                Question(
                    "",
                    "choice",
                    prompt,
                    ans,
                    choices,
                    tags=("event", "person"),
                    source=source,
                    explanation=explanation,
                ),
                [key, akey],
                2.6,
                fact.start,
            )
        if others:
            truth = self.rng.random() < 0.5
            who = person.name if truth else self.rng.choice(others)
            statement = masked.replace(_BLANK, who)
            prompt = self.zh("根據文章，判斷對錯：\n") + self.excerpt(fact, statement)
            why = explanation if truth else self.zh("不對，是{}。").format(person.name) + explanation
            self.add(
                "truefalse",
                Question(
                    "", "truefalse", prompt, truth, tags=("event", "person"), source=source, explanation=why
                ),
                [key, akey],
                2.4,
                fact.start,
            )

    def event_label(self, fact: Fact) -> str | None:
        """An event without its date, short enough to be an item to put in order."""
        pattern = _DATE_WITH_FILLER.format(date=re.escape(fact.date_text))
        label = re.sub(pattern, "", fact.text, count=1).strip("，,；; ")
        for link in _LEADING_LINKS:
            if label.startswith(link) and len(label) > len(link) + 4:
                label = label[len(link) :]
        label = label.strip("，,；; ")
        if label.endswith(("時", "后", "後")) and len(label) > 6:
            label = label[:-1]  # "…解禁集體自衛權時": the time word belonged to the date
        if label.startswith(("的", "中", "時", "前", "後", "起")):
            return None  # "在2025年2月的《…》中表示": without its date the clause no longer reads
        if len(label) > 42:
            cut = max(label.rfind("，", 0, 42), label.rfind("；", 0, 42))
            if cut < 10:
                return None
            label = label[:cut]
        return label if len(label) >= 5 else None

    def order_questions(self) -> None:
        """Put 3–5 events in time order (dates that can be compared, labels without the dates)."""
        usable: list[tuple[Fact, str]] = []
        labels: set[str] = set()
        for f in self.events:
            label = self.event_label(f)
            if label and label not in labels and "年代" not in f.date_text and f.date_text not in ("本年度",):
                usable.append((f, label))
                labels.add(label)
        if len(usable) < 3:
            return
        made = 0
        for attempt in range(12):
            size = min(len(usable), self.rng.choice((4, 4, 5, 3)))
            picked = self.rng.sample(usable, size)
            if not _comparable([f.date for f, _ in picked]):
                continue
            picked.sort(key=lambda fl: fl[0].date)
            items = tuple(label for _f, label in picked)
            explanation = "；".join(f"{self.display_date(f)}：{label}" for f, label in picked) + "。"
            prompt = self.zh("根據文章，把下列事件按發生的先後排列（最早的在前）：")
            keys = [f"order:{f.start}" for f, _ in picked]
            source = " ".join(dict.fromkeys(self.sentence_text(f.sentence) for f, _ in picked))
            self.add(
                "order",
                Question(
                    "",
                    "order",
                    prompt,
                    items=items,
                    points=2,
                    tags=("event", "order"),
                    source=source,
                    explanation=explanation,
                ),
                keys,
                3.0 - attempt * 0.05,
                picked[0][0].start,
            )
            made += 1
            if made >= 4:
                break

    # -- glossary --------------------------------------------------------------------------------------

    def term_source(self, entry: GlossaryEntry) -> str:
        return self.sentence_text(entry.sentence)

    def term_clause(self, entry: GlossaryEntry, term_form: str) -> str | None:
        """The clause of the term's sentence that holds `term_form` (for cloze questions)."""
        s = self.term_source(entry)
        idx = s.find(term_form)
        if idx == -1:
            return None
        start = max(s.rfind("，", 0, idx), s.rfind("；", 0, idx), s.rfind("：", 0, idx)) + 1
        ends = [
            p for p in (s.find("，", idx + len(term_form)), s.find("。", idx + len(term_form))) if p != -1
        ]
        end = min(ends) if ends else len(s)
        return s[start:end]

    def term_questions(self, entry: GlossaryEntry) -> None:
        source = self.term_source(entry)
        position = self.sentence_start(entry.sentence)
        key = f"term:{entry.term}"
        quoted = f"「{entry.term}」"
        if entry.abbreviation and entry.abbreviation.isascii():
            abbr = entry.abbreviation
            explanation = self.zh("文中寫作「{}」（{}）。").format(entry.term, abbr)
            others = [
                g.abbreviation
                for g in self.glossary
                if g.abbreviation and g.abbreviation.isascii() and g.abbreviation.upper() != abbr.upper()
            ]
            if len(others) >= 3:
                choices, ans = self.shuffle_choices(abbr, self.rng.sample(others, 3))
                prompt = self.zh("根據文章，{}的英文簡稱是甚麼？").format(quoted)
                self.add(
                    "choice",
                    Question(
                        "",
                        "choice",
                        prompt,
                        ans,
                        choices,
                        tags=("term", "abbreviation"),
                        source=source,
                        explanation=explanation,
                    ),
                    [key],
                    2.8,
                    position,
                )
            same_kind = [g.term for g in self.glossary if g.term != entry.term and g.kind == entry.kind]
            other_kind = [g.term for g in self.glossary if g.term != entry.term and g.kind != entry.kind]
            pool = same_kind[:]
            self.rng.shuffle(pool)
            if len(pool) < 3:
                extra = other_kind[:]
                self.rng.shuffle(extra)
                pool += extra
            if len(pool) >= 3:
                choices, ans = self.shuffle_choices(entry.term, pool[:3])
                prompt = self.zh("根據文章，「{}」是哪一個的簡稱？").format(abbr)
                self.add(
                    "choice",
                    Question(
                        "",
                        "choice",
                        prompt,
                        ans,
                        choices,
                        tags=("term", "abbreviation"),
                        source=source,
                        explanation=explanation,
                    ),
                    [key],
                    2.7,
                    position,
                )
            clause = self.term_clause(entry, f"（{abbr}）") or self.term_clause(entry, f"({abbr})")
            if clause:
                masked = clause.replace(abbr, _BLANK, 1)
                prompt = self.zh("根據文章填空（寫出英文簡稱）：\n「{}」").format(masked)
                self.add(
                    "cloze",
                    Question(
                        "",
                        "cloze",
                        prompt,
                        (abbr,),
                        tags=("term", "abbreviation"),
                        source=source,
                        explanation=explanation,
                    ),
                    [key],
                    2.9,
                    position,
                )
            self.add(
                "short",
                Question(
                    "",
                    "short",
                    self.zh("寫出{}的英文簡稱。").format(quoted),
                    (abbr,),
                    tags=("term", "abbreviation"),
                    source=source,
                    explanation=explanation,
                ),
                [key],
                2.6,
                position,
            )
            wrong = [o for o in others if o.upper() != abbr.upper()]
            if wrong:
                truth = self.rng.random() < 0.5
                shown = abbr if truth else self.rng.choice(wrong)
                prompt = self.zh("根據文章，判斷對錯：\n{}的簡稱是 {}。").format(quoted, shown)
                why = explanation if truth else self.zh("不對。") + explanation
                self.add(
                    "truefalse",
                    Question(
                        "",
                        "truefalse",
                        prompt,
                        truth,
                        tags=("term", "abbreviation"),
                        source=source,
                        explanation=why,
                    ),
                    [key],
                    2.5,
                    position,
                )
        if entry.english and entry.english in self.sentence_text(entry.sentence):
            explanation = self.zh("文中寫作「{}」（{}）。").format(entry.term, entry.english)
            self.add(
                "short",
                Question(
                    "",
                    "short",
                    self.zh("寫出{}的英文名稱。").format(quoted),
                    (entry.english,),
                    tags=("term", "english"),
                    source=source,
                    explanation=explanation,
                ),
                [key],
                2.3,
                position,
            )
            others_en = [
                g.english
                for g in self.glossary
                if g.english and g.english != entry.english and g.english in self.a.text
            ]
            if others_en:
                truth = self.rng.random() < 0.5
                shown = entry.english if truth else self.rng.choice(others_en)
                prompt = self.zh("根據文章，判斷對錯：\n{}的英文名稱是 {}。").format(quoted, shown)
                why = explanation if truth else self.zh("不對。") + explanation
                self.add(
                    "truefalse",
                    Question(
                        "",
                        "truefalse",
                        prompt,
                        truth,
                        tags=("term", "english"),
                        source=source,
                        explanation=why,
                    ),
                    [key],
                    2.2,
                    position,
                )
        self.member_question(entry, key, source, position)

    def member_question(self, entry: GlossaryEntry, key: str, source: str, position: int) -> None:
        """Which countries make up a mechanism, when the text says and the name does not give it away."""
        if (
            len(entry.members) < 2
            or entry.kind not in ("mechanism", "organisation")
            or country_groups(entry.term)
        ):
            return
        answer_set = frozenset(entry.members)
        options: list[frozenset[str]] = []
        for g in self.glossary:
            if g.members and frozenset(g.members) != answer_set:
                options.append(frozenset(g.members))
        for _s, _e, group in country_groups(self.a.text):
            members = frozenset(expand_country_group(group))
            if len(members) >= 2 and members != answer_set:
                options.append(members)
        # Variants of the right answer with one country swapped, so length gives nothing away.
        countries = list(dict.fromkeys(COUNTRY_ABBREVIATIONS.values()))
        for drop in sorted(answer_set):
            for add in countries:
                if add not in answer_set:
                    options.append((answer_set - {drop}) | {add})
        distinct: list[frozenset[str]] = []
        for o in options:
            if o not in distinct and o != answer_set:
                distinct.append(o)
        from_text = [o for o in distinct[:8] if o]
        self.rng.shuffle(from_text)
        picks = from_text[:2]
        for o in distinct:
            if len(picks) >= 3:
                break
            if o not in picks and len(o) == len(answer_set):
                picks.append(o)
        if len(picks) < 3:
            return
        order = list(entry.members)

        def show(members: frozenset[str]) -> str:
            ranked = sorted(members, key=lambda m: (order.index(m) if m in order else 99, m))
            return "、".join(self.zh(country_display_name(m)) for m in ranked)

        choices, ans = self.shuffle_choices(show(answer_set), [show(p) for p in picks])
        prompt = self.zh("根據文章，{}由哪些國家組成？").format(f"「{entry.term}」")
        explanation = self.zh("文中說明成員是{}。").format(show(answer_set))
        self.add(
            "choice",
            Question(
                "",
                "choice",
                prompt,
                ans,
                choices,
                tags=("term", "members"),
                source=source,
                explanation=explanation,
            ),
            [key, f"members:{entry.term}"],
            3.2,
            position,
        )

    def term_match(self) -> None:
        """Abbreviations to full names."""
        with_abbr = [g for g in self.glossary if g.abbreviation and g.abbreviation.isascii()]
        if len(with_abbr) < 3:
            return
        for attempt in range(2):
            size = min(len(with_abbr), 5 - attempt)
            picked = self.rng.sample(with_abbr, size)
            picked.sort(key=lambda g: g.sentence)
            pairs = tuple((g.abbreviation, g.term) for g in picked)
            explanation = "；".join(f"{a} = {t}" for a, t in pairs) + "。"
            source = " ".join(dict.fromkeys(self.term_source(g) for g in picked))
            prompt = self.zh("根據文章，把英文簡稱和中文全名配對：")
            self.add(
                "match",
                Question(
                    "",
                    "match",
                    prompt,
                    pairs=pairs,
                    points=2,
                    tags=("term", "abbreviation"),
                    source=source,
                    explanation=explanation,
                ),
                [f"match:{g.term}" for g in picked],
                3.0 - attempt * 0.3,
                self.sentence_start(picked[0].sentence),
            )

    # -- people ----------------------------------------------------------------------------------------

    def people_questions(self) -> None:
        with_role = [p for p in self.people if p.role and p.name not in p.role and self.role_stated(p)]
        distinct: dict[str, Person] = {}
        for p in with_role:
            distinct.setdefault(p.role, p)
        roles = list(distinct.values())
        if len(roles) >= 3:
            for attempt in range(2):
                size = min(len(roles), 5 - attempt)
                picked = self.rng.sample(roles, size)
                picked.sort(key=lambda p: p.sentences[0] if p.sentences else 0)
                pairs = tuple((p.name, p.role) for p in picked)
                explanation = "；".join(f"{n}：{r}" for n, r in pairs) + "。"
                source = " ".join(
                    dict.fromkeys(self.sentence_text(p.sentences[0]) for p in picked if p.sentences)
                )
                prompt = self.zh("根據文章，把人物和身份配對：")
                self.add(
                    "match",
                    Question(
                        "",
                        "match",
                        prompt,
                        pairs=pairs,
                        points=2,
                        tags=("person", "role"),
                        source=source,
                        explanation=explanation,
                    ),
                    [f"rolematch:{p.name}" for p in picked],
                    2.8 - attempt * 0.3,
                    self.sentence_start(picked[0].sentences[0] if picked[0].sentences else 0),
                )
        for p in roles:
            others = [o.role for o in roles if o.role != p.role]
            position = self.sentence_start(p.sentences[0]) if p.sentences else 0
            source = self.sentence_text(p.sentences[0]) if p.sentences else ""
            explanation = self.zh("文中稱{}為「{}」。").format(p.name, p.role)
            if len(others) >= 3:
                choices, ans = self.shuffle_choices(p.role, self.rng.sample(others, 3))
                prompt = self.zh("根據文章，{}的身份是甚麼？").format(p.name)
                self.add(
                    "choice",
                    Question(
                        "",
                        "choice",
                        prompt,
                        ans,
                        choices,
                        tags=("person", "role"),
                        source=source,
                        explanation=explanation,
                    ),
                    [f"person:{p.name}"],
                    2.4,
                    position,
                )
        for p in self.people:
            if not p.english or p.english not in self.a.text:
                continue  # an English name from the name list, not from the text
            position = self.sentence_start(p.sentences[0]) if p.sentences else 0
            source = self.sentence_text(p.sentences[0]) if p.sentences else ""
            words = p.english.split()
            # Japanese names are written family name first (Takaichi Sanae), others last (Donald Trump).
            family = words[0] if len(p.name) == 4 and len(words) == 2 else words[-1]
            accepted = tuple(dict.fromkeys((p.english, family)))
            prompt = self.zh("文中的「{}」英文名字是甚麼？").format(p.name)
            explanation = self.zh("文中寫作{}（{}）。").format(p.name, p.english)
            self.add(
                "short",
                Question(
                    "",
                    "short",
                    prompt,
                    accepted,
                    tags=("person", "english"),
                    source=source,
                    explanation=explanation,
                ),
                [f"person:{p.name}"],
                2.2,
                position,
            )

    def role_stated(self, p: Person) -> bool:
        """True when the text itself gives the role right before the name (日本首相高市早苗)."""
        text = self.a.text
        pos = text.find(p.name)
        while pos != -1:
            if p.role in text[max(0, pos - len(p.role) - 8) : pos]:
                return True
            pos = text.find(p.name, pos + 1)
        return False

    # -- causes ----------------------------------------------------------------------------------------

    def cause_questions(self) -> None:
        shortened = [(f, _shorten(f.cause), _shorten(f.effect)) for f in self.causes]
        # 因此 / 所以 at the start of a sentence often only link paragraphs; a reason is asked about only
        # when the text marks it as one (因為, 由於, 究其原因, 目的 …) or gives both sides in one sentence.
        usable = [
            (f, c, e)
            for f, c, e in shortened
            if c
            and e
            and c != e
            and f.cue != "究其根源"
            and (
                f.cue in _REASON_CUES or f.cue in _PURPOSE_CUES or (f.cause in f.text and f.effect in f.text)
            )
        ]
        for f, cause, effect in usable:
            others = [c for g, c, _e in usable if g is not f and c != cause]
            if len(others) < 3:
                others += [c for c in self.other_clauses(f) if c not in others and c != cause]
            # A distractor taken from the question's own words would be a giveaway or a second answer.
            others = [o for o in others if o not in effect and effect not in o and o not in f.text]
            if len(others) < 3:
                continue
            if f.cue in _PURPOSE_CUES:
                subject = effect if len(effect) <= 10 else f"「{effect}」"
                prompt = self.zh("根據文章，{}的目的是甚麼？").format(subject)
            elif f.cue in _RESULT_CUES:
                prompt = self.zh("根據文章，「{}」的原因是甚麼？").format(effect)
            else:
                prompt = self.zh("根據文章，為甚麼「{}」？").format(effect)
            choices, ans = self.shuffle_choices(cause, self.rng.sample(others[:6], 3))
            explanation = self.zh("文中說（{}）：{}").format(f.cue, f.text)
            self.add(
                "choice",
                Question(
                    "",
                    "choice",
                    prompt,
                    ans,
                    choices,
                    tags=("cause",),
                    source=f.text,
                    explanation=explanation,
                ),
                [f"cause:{f.start}"],
                2.5,
                f.start,
            )

    def other_clauses(self, fact: Fact) -> list[str]:
        """Statements from elsewhere in the text, as distractors for a reason."""
        found: list[str] = []
        for s in self.a.sentences:
            if s.index == fact.sentence:
                continue
            for part in re.split(r"[，；。]", s.text):
                if 10 <= len(part) <= 30 and not re.search(r"\d", part):
                    found.append(part)
        self.rng.shuffle(found)
        return found[:6]

    # -- vocabulary ------------------------------------------------------------------------------------

    def vocabulary_questions(self) -> None:
        items = [v for v in self.a.vocabulary if _teachable(v)]
        meanings = {v.word: _meaning(v) for v in items}
        for rank, v in enumerate(items[:40]):
            source = v.example
            position = self.sentence_start(v.example_sentence)
            reading = " ".join(v.pinyin)
            meaning = meanings[v.word]
            quality = 2.0 - rank * 0.02
            explanation = f"{v.word}（{reading}）：{meaning}"
            others = [m for w, m in meanings.items() if w != v.word and m != meaning and m]
            if len(others) >= 3 and meaning:
                choices, ans = self.shuffle_choices(meaning, self.rng.sample(others[:30], 3))
                prompt = self.zh("「{}」（{}）在文中是甚麼意思？").format(v.word, reading)
                self.add(
                    "vocabulary",
                    Question(
                        "",
                        "choice",
                        prompt,
                        ans,
                        choices,
                        tags=("vocabulary", "meaning"),
                        source=source,
                        explanation=explanation,
                    ),
                    [f"word:{v.word}"],
                    quality,
                    position,
                )
            if reading:
                numbered = " ".join(_numbered(s) for s in v.pinyin)
                prompt = self.zh("寫出「{}」的拼音（聲調符號或數字都可以，例如 hǎo 或 hao3）。").format(
                    v.word
                )
                self.add(
                    "vocabulary",
                    Question(
                        "",
                        "short",
                        prompt,
                        tuple(dict.fromkeys((reading, numbered))),
                        tags=("vocabulary", "reading"),
                        source=source,
                        explanation=explanation,
                    ),
                    [f"word:{v.word}"],
                    quality - 0.1,
                    position,
                )


def _date_number(date: str) -> int:
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return parts[0] * 372 + (parts[1] - 1) * 31 + parts[2]


def _comparable(dates: Sequence[str]) -> bool:
    """True when the dates can be put in one order: all different, none a prefix of another."""
    for i, a in enumerate(dates):
        for b in dates[i + 1 :]:
            if a == b or a.startswith(b) or b.startswith(a):
                return False
    return True


def _shorten(text: str, limit: int = 40) -> str:
    """A long cause or effect cut to its core: the part after a colon, or its last clauses."""
    text = text.strip("，。；： ")
    for lead in ("換句話說，", "因此", "整體來說，", "首先，", "或許", "所以"):
        if text.startswith(lead):
            text = text[len(lead) :].lstrip("，")
    if len(text) <= limit:
        return text
    if "：" in text:
        tail = text.rsplit("：", 1)[1]
        if 8 <= len(tail) <= limit:
            return tail
        head = text.split("：", 1)[0]
        if 8 <= len(head) <= limit:
            return head
    clauses = [c for c in re.split(r"[，；]", text) if c]
    for size in (2, 1):
        for start in range(len(clauses) - size, -1, -1):
            piece = "，".join(clauses[start : start + size])
            if 8 <= len(piece) <= limit:
                return piece
    return ""


def _teachable(v: VocabItem) -> bool:
    """A word worth a vocabulary question: Chinese, two characters or more, with a dictionary meaning,
    and not one of the everyday words (可以, 問題) a reader of this text already knows."""
    return (
        not v.is_name
        and len(v.word) >= 2
        and bool(v.pinyin)
        and (v.hsk is None or v.hsk >= 4)
        and v.frequency < 5.0
        and any(d.source == "cc-cedict" and d.meanings for d in v.definitions)
    )


def _meaning(v: VocabItem) -> str:
    for d in v.definitions:
        if d.source == "cc-cedict" and d.meanings:
            useful = [m for m in d.meanings if not m.startswith(("variant of", "old variant", "see ", "CL:"))]
            # "(CL:個|个[ge4])" lists measure words: no help in telling meanings apart.
            meanings = [re.sub(r"\s*\(CL:[^)]*\)", "", m) for m in (useful or list(d.meanings))[:2]]
            joined = "; ".join(meanings)
            return joined if len(joined) <= 40 or len(meanings) == 1 else meanings[0]
    return ""


_MARKS = {
    "ā": ("a", 1),
    "á": ("a", 2),
    "ǎ": ("a", 3),
    "à": ("a", 4),
    "ē": ("e", 1),
    "é": ("e", 2),
    "ě": ("e", 3),
    "è": ("e", 4),
    "ī": ("i", 1),
    "í": ("i", 2),
    "ǐ": ("i", 3),
    "ì": ("i", 4),
    "ō": ("o", 1),
    "ó": ("o", 2),
    "ǒ": ("o", 3),
    "ò": ("o", 4),
    "ū": ("u", 1),
    "ú": ("u", 2),
    "ǔ": ("u", 3),
    "ù": ("u", 4),
    "ǖ": ("v", 1),
    "ǘ": ("v", 2),
    "ǚ": ("v", 3),
    "ǜ": ("v", 4),
    "ü": ("v", 5),
}


def _numbered(syllable: str) -> str:
    """ "xíng" -> "xing2" (a neutral tone gets no number)."""
    tone = 0
    out = []
    for ch in syllable:
        if ch in _MARKS:
            base, t = _MARKS[ch]
            out.append(base)
            if t != 5:
                tone = t
        else:
            out.append(ch)
    return "".join(out) + (str(tone) if tone else "")
