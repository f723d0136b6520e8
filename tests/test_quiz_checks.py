"""The quiz-quality checks of benchmarks/_quiz_checks.py on hand-made quiz sets: each defect is found,
and a set a teacher would accept gives no finding (so the benchmark's counts can be trusted)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from dushu.core.models import Analysis, GlossaryEntry, Person, Script, Sentence
from dushu.core.quiz import Question, QuizSet


def _load_checks() -> ModuleType:
    # benchmarks/ is no package: load the module by path, as the benchmark script imports it.
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "_quiz_checks.py"
    spec = importlib.util.spec_from_file_location("dushu_bench_quiz_checks", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


checks = _load_checks()

# An invented article: invented town, people and alliance.
_SENTENCES = (
    "2021年3月4日，青禾市市長林海帆宣佈成立河岸保護聯盟（RPA）。",
    "同年9月，聯盟在東港舉行首次會議。",
    "2023年5月，副市長周雨晴出席第二次會議，並表示由於河水污染嚴重，聯盟將擴大巡查。",
)


def _analysis() -> Analysis:
    text = "".join(_SENTENCES)
    sentences = []
    start = 0
    for i, s in enumerate(_SENTENCES):
        sentences.append(Sentence(i, start, start + len(s), s))
        start += len(s)
    return Analysis(
        text=text,
        script=Script.TRADITIONAL,
        sentences=tuple(sentences),
        tokens=(),
        vocabulary=(),
        glossary=(GlossaryEntry("河岸保護聯盟", "organisation", 0, abbreviation="RPA"),),
        people=(
            Person("林海帆", 2, role="青禾市市長", sentences=(0,)),
            Person("周雨晴", 1, role="副市長", sentences=(2,)),
        ),
    )


@pytest.fixture(scope="module")
def doc() -> object:
    return checks.document_of(_analysis())


def _q(qid: str, type_: str, prompt: str, answer: object = None, **kw: object) -> Question:
    return Question(qid, type_, prompt, answer, **kw)  # type: ignore[arg-type]


def _report(doc: object, *questions: Question) -> object:
    return checks.check_quiz(QuizSet("測驗", tuple(questions)), doc)


def _found(report: object) -> set[tuple[str, str]]:
    return {(f.check, f.question) for f in report.findings}  # type: ignore[attr-defined]


def test_a_set_a_teacher_accepts_has_no_finding(doc: object) -> None:
    s1, s2, s3 = _SENTENCES
    report = _report(
        doc,
        _q(
            "q1",
            "choice",
            "根據文章，下面這件事發生在甚麼時候？\n「____，副市長周雨晴出席第二次會議」",
            0,
            choices=("2023年5月", "2022年5月", "2021年5月", "2023年9月"),
            source=s3,
        ),
        _q(
            "q2", "cloze", "根據文章填空（寫出英文簡稱）：\n「成立河岸保護聯盟（____）」", ("RPA",), source=s1
        ),
        # True, with the relative date written out; false, with the date swapped for another.
        _q("q3", "truefalse", "根據文章，判斷對錯：\n「2021年9月，聯盟在東港舉行首次會議」", True, source=s2),
        _q(
            "q4",
            "truefalse",
            "根據文章，判斷對錯：\n「2022年3月4日，青禾市市長林海帆宣佈成立河岸保護聯盟」",
            False,
            source=s1,
        ),
        # An event put in order without its date is still what the text says.
        _q(
            "q6",
            "order",
            "根據文章，把下列事件按先後排列：",
            items=("聯盟在東港舉行首次會議", "副市長周雨晴出席第二次會議"),
        ),
        _q(
            "q7",
            "choice",
            "根據文章，為甚麼「聯盟將擴大巡查」？",
            1,
            choices=("首次會議在東港舉行", "河水污染嚴重", "市長宣佈成立聯盟", "副市長出席會議"),
            source=s3,
        ),
    )
    assert report.findings == ()  # type: ignore[attr-defined]
    assert (report.truefalse, report.true_items) == (2, 1)  # type: ignore[attr-defined]


def test_an_answer_only_a_bundled_list_knows_is_not_in_the_text(doc: object) -> None:
    report = _report(
        doc,
        _q("q1", "short", "寫出「河岸保護聯盟」的英文名稱。", ("River Protection Alliance",)),
        _q("q2", "short", "根據文章，「林海帆」的身份是甚麼？", ("市議員",)),
        _q("q3", "short", "寫出「河岸保護聯盟」的英文簡稱。", ("RPA",)),
    )
    assert _found(report) == {("not_in_text", "q1"), ("not_in_text", "q2")}


def test_the_key_must_be_what_the_blank_hides(doc: object) -> None:
    report = _report(
        doc,
        _q(
            "q1",
            "cloze",
            "根據文章填空：\n「____，聯盟在東港舉行首次會議」",
            ("2023年9月",),
            source=_SENTENCES[1],
        ),
    )
    assert _found(report) == {("not_in_text", "q1")}


def test_repeated_options_and_options_of_another_kind(doc: object) -> None:
    report = _report(
        doc,
        _q("q1", "choice", "根據文章，誰宣佈成立聯盟？", 0, choices=("林海帆", "周雨晴", "美國", "2021年")),
        _q(
            "q2", "choice", "根據文章，誰宣佈成立聯盟？", 0, choices=("林海帆", "周雨晴", "林 海帆", "周雨晴")
        ),
    )
    assert _found(report) >= {("mixed_kind", "q1"), ("repeated_option", "q2")}
    assert ("mixed_kind", "q2") not in _found(report)


def test_a_distractor_that_is_the_same_date_or_a_synonym_is_a_second_right_answer(doc: object) -> None:
    report = _report(
        doc,
        _q(
            "q1",
            "choice",
            "根據文章，下面這件事發生在甚麼時候？\n「____，聯盟在東港舉行首次會議」",
            0,
            choices=("2021年9月", "2021/9", "2023年9月", "2020年9月"),
        ),
        _q(
            "q2",
            "choice",
            "「擴大」在文中是甚麼意思？",
            0,
            choices=("to expand; to enlarge", "to enlarge; to magnify", "to pollute", "to inspect"),
            tags=("vocabulary", "meaning"),
        ),
        _q("q3", "truefalse", "根據文章，判斷對錯：\n「2023年5月，副市長周雨晴出席第二次會議」", False),
    )
    assert _found(report) == {("two_right", "q1"), ("two_right", "q2"), ("two_right", "q3")}


def test_word_meanings_of_another_part_of_speech_are_of_another_kind(doc: object) -> None:
    report = _report(
        doc,
        _q(
            "q1",
            "choice",
            "「擴大」在文中是甚麼意思？",
            0,
            choices=("to expand", "river bank", "to pollute", "to inspect"),
            tags=("vocabulary", "meaning"),
        ),
    )
    assert _found(report) == {("mixed_kind", "q1")}


def test_one_fact_asked_twice_whatever_the_type(doc: object) -> None:
    s2 = _SENTENCES[1]
    report = _report(
        doc,
        _q("q1", "cloze", "根據文章填空：\n「____，聯盟在東港舉行首次會議」", ("2021年9月",), source=s2),
        _q(
            "q2", "truefalse", "根據文章，判斷對錯：\n「2022年9月，聯盟在東港舉行首次會議」", False, source=s2
        ),
        _q(
            "q3",
            "match",
            "根據文章，把人物和身份配對：",
            pairs=(("林海帆", "青禾市市長"), ("周雨晴", "副市長")),
        ),
        _q("q4", "choice", "根據文章，周雨晴的身份是甚麼？", 0, choices=("副市長", "青禾市市長")),
        _q("q5", "choice", "根據文章，「RPA」是哪一個的簡稱？", 0, choices=("河岸保護聯盟",)),
        _q("q6", "short", "寫出「河岸保護聯盟」的英文簡稱。", ("RPA",)),
    )
    dups = {qid for check, qid in _found(report) if check == "duplicate_fact"}
    assert dups == {"q2", "q4", "q6"}


def test_quotes_must_keep_the_documents_words(doc: object) -> None:
    s2, s3 = _SENTENCES[1], _SENTENCES[2]
    report = _report(
        doc,
        # The relative date rewritten inside a quote with a blank for the place.
        _q("q1", "cloze", "根據文章填空：\n「2021年9月，聯盟在____舉行首次會議」", ("東港",), source=s2),
        # False by two changes at once (the date and the person).
        _q(
            "q2",
            "truefalse",
            "根據文章，判斷對錯：\n「2022年5月，副市長林海帆出席第二次會議」",
            False,
            source=s3,
        ),
        # Keyed true, but a detail is changed.
        _q(
            "q3",
            "truefalse",
            "根據文章，判斷對錯：\n「2023年5月，副市長周雨晴出席第三次會議」",
            True,
            source=s3,
        ),
        # A false statement whose swap is of another kind (a date for a person).
        _q(
            "q4",
            "truefalse",
            "根據文章，判斷對錯：\n「2023年5月，副市長2021年出席第二次會議」",
            False,
            source=s3,
        ),
    )
    # (q4 asks about the place q2 changed, and the statements show each other's words: counted apart.)
    assert {f for f in _found(report) if f[0] not in ("duplicate_fact", "giveaway")} == {
        ("altered_quote", "q1"),
        ("altered_quote", "q2"),
        ("altered_quote", "q3"),
        ("mixed_kind", "q4"),
    }


def test_shares_are_counted(doc: object) -> None:
    vocab = _q("v", "short", "寫出「擴大」的拼音。", ("kuò dà",), tags=("vocabulary", "reading"))
    report = _report(doc, vocab, _q("q2", "short", "寫出「河岸保護聯盟」的英文簡稱。", ("RPA",)))
    assert report.vocabulary == 1  # type: ignore[attr-defined]
    assert report.questions == 2  # type: ignore[attr-defined]


def test_the_same_place_in_a_repeated_sentence_is_the_same_fact() -> None:
    line = "2019年4月3日，東港碼頭重新開放。"
    text = line * 3
    analysis = Analysis(
        text=text,
        script=Script.TRADITIONAL,
        sentences=tuple(Sentence(i, i * len(line), (i + 1) * len(line), line) for i in range(3)),
        tokens=(),
        vocabulary=(),
    )
    doc = checks.document_of(analysis)
    cloze = "根據文章填空（寫出日期）：\n「____，東港碼頭重新開放」"
    report = _report(
        doc,
        _q("q1", "cloze", cloze, ("2019年4月3日",), source=line),
        _q("q2", "truefalse", "根據文章，判斷對錯：\n「2019年5月3日，東港碼頭重新開放」", False, source=line),
    )
    assert _found(report) == {("duplicate_fact", "q2")}


def test_another_question_that_shows_the_answer_gives_it_away(doc: object) -> None:
    s1 = _SENTENCES[0]
    report = _report(
        doc,
        _q(
            "q1", "cloze", "根據文章填空（寫出英文簡稱）：\n「成立河岸保護聯盟（____）」", ("RPA",), source=s1
        ),
        _q("q2", "choice", "根據文章，林海帆的身份是甚麼？", 0, choices=("青禾市市長", "副市長")),
        _q(
            "q3",
            "choice",
            "根據文章，下面這件事發生在甚麼時候？\n「____，青禾市市長林海帆宣佈成立河岸保護聯盟（RPA）」",
            0,
            choices=("2021年3月4日", "2022年3月4日"),
            source=s1,
        ),
    )
    gives = {qid for check, qid in _found(report) if check == "giveaway"}
    assert gives == {"q1", "q2"}
