"""The quiz tab as a learner uses it: each question type by keys and clicks, feedback now or at the end,
the time limit, the summary, retrying the wrong ones, stored attempts, the CSV and a broken set file."""

from __future__ import annotations

import csv
import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from dushu.core.quiz import Question, QuizSet, QuizSettings
from dushu.core.quiz.quizfile import save_quiz_set
from dushu.gui.quiz_view import QuizView
from dushu.gui.quiz_widgets import ChoiceAnswer, MatchAnswer, OrderAnswer, TextAnswer, TrueFalseAnswer
from dushu.gui.tasks import SyncTaskRunner
from dushu.storage.library import Library

pytestmark = pytest.mark.gui

CHOICE = Question(
    "c1",
    "choice",
    "柳河村的新渡口在哪一年啟用？",
    1,
    ("2018年", "2021年", "2024年"),
    source="柳河村的新渡口在2021年啟用。",
    explanation="文中說渡口在2021年啟用。",
)
TF = Question("t1", "truefalse", "新渡口由村民集資興建。", False, explanation="文中說由縣政府出資。")
CLOZE = Question("z1", "cloze", "渡船每天開出____班。", ("十二", "12"))
SHORT = Question("s1", "short", "「渡口」的拼音？", ("dù kǒu",))
ORDER = Question("o1", "order", "按先後排列：", items=("勘察", "動工", "啟用"), points=2)
MATCH = Question(
    "m1", "match", "配對：", pairs=(("北岸", "茶園"), ("南岸", "碼頭"), ("河心", "沙洲")), points=3
)
START = datetime(2031, 6, 1, 9, 0, tzinfo=UTC)


@dataclass
class FakeClock:
    now: datetime = START

    def __call__(self) -> datetime:
        return self.now


def quiz(*questions: Question, feedback: str = "immediate", minutes: int = 0) -> QuizSet:
    settings = QuizSettings(
        shuffle_questions=False,
        shuffle_choices=False,
        time_limit_minutes=minutes,
        pass_mark=60,
        feedback=feedback,
    )
    return QuizSet("柳河渡口", questions or (CHOICE, TF, CLOZE, SHORT, ORDER, MATCH), settings=settings)


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def view(qtbot: QtBot, library: Library, clock: FakeClock) -> QuizView:
    widget = QuizView(library, SyncTaskRunner(), clock=clock)
    qtbot.addWidget(widget)
    widget.resize(900, 650)
    widget.show()
    return widget


def enter(qtbot: QtBot, view: QuizView) -> None:
    """Press Enter where the learner is (the answer area or the button that has the focus)."""
    target: Any = view._answer
    if isinstance(target, TextAnswer):
        target = target.edit
    qtbot.keyClick(target, Qt.Key.Key_Return)


def type_in(qtbot: QtBot, view: QuizView, text: str) -> None:
    """Type an answer: Latin letters as key presses, Chinese as an input method commits it."""
    answer = view._answer
    assert isinstance(answer, TextAnswer)
    if text.isascii():
        qtbot.keyClicks(answer.edit, text)
        return
    for ch in text:
        composing = QInputMethodEvent(ch, [])  # the candidate shown while choosing …
        QApplication.sendEvent(answer.edit, composing)
        committed = QInputMethodEvent()
        committed.setCommitString(ch)  # … then committed
        QApplication.sendEvent(answer.edit, committed)


def feedback_text(view: QuizView) -> str:
    return view.feedback_label.text() if view.feedback_frame.isVisibleTo(view) else ""


def test_a_choice_by_number_key_is_marked_right_and_shows_its_source(qtbot: QtBot, view: QuizView) -> None:
    view.start_quiz_set(quiz(CHOICE, TF), None)
    assert view.prompt.text() == CHOICE.prompt
    assert "Question 1 of 2" in view.progress_label.text()
    qtbot.keyClick(view._answer, Qt.Key.Key_2)
    enter(qtbot, view)
    text = feedback_text(view)
    assert "Right" in text and "文中說渡口在2021年啟用" in text
    with qtbot.waitSignal(view.sourceRequested) as signal:
        view.feedback_label.linkActivated.emit("source")
    assert signal.args == [CHOICE.source]
    assert view.next_button.text() == "Next question"


def test_a_wrong_choice_by_click_shows_the_right_answer(qtbot: QtBot, view: QuizView) -> None:
    view.start_quiz_set(quiz(CHOICE), None)
    answer = view._answer
    assert isinstance(answer, ChoiceAnswer)
    qtbot.mouseClick(answer.buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert "Not quite" in feedback_text(view) and "2021年" in feedback_text(view)
    assert answer.locked  # marked: no changing it now, by click or key
    qtbot.keyClick(answer, Qt.Key.Key_1)
    assert answer.response() == CHOICE.answer + 1
    assert "right answer" in answer.buttons[1].text() and "your answer" in answer.buttons[2].text()


@pytest.mark.parametrize(("key", "right"), [(Qt.Key.Key_F, True), (Qt.Key.Key_T, False)])
def test_true_false_by_key(qtbot: QtBot, view: QuizView, key: Qt.Key, right: bool) -> None:
    view.start_quiz_set(quiz(TF), None)
    assert isinstance(view._answer, TrueFalseAnswer)
    qtbot.keyClick(view._answer, key)
    enter(qtbot, view)
    assert ("Right" in feedback_text(view)) is right
    if not right:
        assert "The answer:" in feedback_text(view) and "False" in feedback_text(view)


@pytest.mark.parametrize(("typed", "right"), [("１２", True), ("十三", False)])
def test_a_typed_cloze_answer_is_checked_with_the_variant_rules(
    qtbot: QtBot, view: QuizView, typed: str, right: bool
) -> None:
    view.start_quiz_set(quiz(CLOZE), None)
    answer = view._answer
    assert isinstance(answer, TextAnswer)
    type_in(qtbot, view, typed)
    enter(qtbot, view)
    assert ("Right" in feedback_text(view)) is right
    assert answer.edit.isReadOnly()


def test_a_short_answer_in_tone_numbers_matches_tone_marks(qtbot: QtBot, view: QuizView) -> None:
    view.start_quiz_set(quiz(SHORT), None)
    type_in(qtbot, view, "du4 kou3")
    enter(qtbot, view)
    assert "Right" in feedback_text(view)


def test_a_blank_answer_is_not_submitted_but_skip_shows_the_answer(qtbot: QtBot, view: QuizView) -> None:
    view.start_quiz_set(quiz(CLOZE), None)
    enter(qtbot, view)
    assert feedback_text(view) == "" and "Skip" in view.status_label.text()
    qtbot.mouseClick(view.skip_button, Qt.MouseButton.LeftButton)
    assert "No answer" in feedback_text(view) and "十二" in feedback_text(view)


def test_order_by_keyboard_right_and_wrong(qtbot: QtBot, view: QuizView) -> None:
    view.start_quiz_set(quiz(ORDER), None)
    answer = view._answer
    assert isinstance(answer, OrderAnswer)
    assert "Alt+Up" in view.key_hint.text()
    assert answer.response() is None  # nothing moved yet: not an answer
    # Sort it with Alt+Up/Down as a learner would: select an item, move it.
    for wanted_row, item in enumerate(ORDER.items):
        row = answer.order().index(item)
        answer.list.setCurrentRow(row)
        for _ in range(row - wanted_row):
            qtbot.keyClick(answer.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert answer.order() == list(ORDER.items)
    enter(qtbot, view)
    assert "Right" in feedback_text(view)

    view.start_quiz_set(quiz(ORDER), None)
    answer = view._answer
    assert isinstance(answer, OrderAnswer)
    answer.list.setCurrentRow(answer.order().index("啟用"))
    if answer.order()[0] == "啟用":  # shuffled there already: an untouched order is not an answer
        qtbot.keyClick(answer.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    while answer.order()[0] != "啟用":
        qtbot.keyClick(answer.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    enter(qtbot, view)
    assert "Right" not in feedback_text(view) and "勘察 → 動工 → 啟用" in feedback_text(view)


def test_match_by_letters_and_clicks(qtbot: QtBot, view: QuizView) -> None:
    view.start_quiz_set(quiz(MATCH), None)
    answer = view._answer
    assert isinstance(answer, MatchAnswer)
    letters = "ABC"
    for left, right in MATCH.pairs:
        assert answer.left_list.currentRow() == answer.lefts.index(left)  # the next unpaired one
        qtbot.keyClick(answer.left_list, letters[answer.rights.index(right)])
    assert answer.response() == dict(MATCH.pairs)
    enter(qtbot, view)
    assert "Right" in feedback_text(view)

    view.start_quiz_set(quiz(MATCH), None)
    answer = view._answer
    assert isinstance(answer, MatchAnswer)
    answer.left_list.setCurrentRow(0)
    wrong = answer.rights.index("碼頭")  # 北岸 goes with 茶園
    rect = answer.right_list.visualItemRect(answer.right_list.item(wrong))
    qtbot.mouseClick(answer.right_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert answer.pairs == {"北岸": "碼頭"}
    enter(qtbot, view)
    assert "0 of 3" not in feedback_text(view) and "Not quite" in feedback_text(view)


def test_feedback_at_the_end_waits_for_the_summary(qtbot: QtBot, view: QuizView, library: Library) -> None:
    view.start_quiz_set(quiz(CHOICE, TF, feedback="end"), None)
    qtbot.keyClick(view._answer, Qt.Key.Key_2)
    enter(qtbot, view)  # next
    assert feedback_text(view) == ""
    assert view.prompt.text() == TF.prompt and view.back_button.isVisible()
    qtbot.keyClick(view._answer, Qt.Key.Key_PageUp)  # back, as the Previous button
    assert isinstance(view._answer, ChoiceAnswer) and view._answer.response() == 1  # kept
    qtbot.keyClick(view._answer, Qt.Key.Key_PageDown)
    assert view.prompt.text() == TF.prompt
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert isinstance(view._answer, ChoiceAnswer)
    enter(qtbot, view)
    qtbot.keyClick(view._answer, Qt.Key.Key_T)  # wrong
    assert view.next_button.text() == "Finish quiz"
    enter(qtbot, view)
    assert view.pages.currentWidget() is view.summary_page
    assert "1 of 2 points, 50%" in view.score_label.text() and "Not passed" in view.verdict_label.text()
    table = view.summary_table
    assert table.item(1, 2).text() == "True" and table.item(1, 3).text() == "False"
    (stored,) = library.attempts_of(view.session.set_key)  # type: ignore[union-attr]
    assert stored.percent == 50 and not stored.passed


def test_the_clock_ends_the_set_with_a_message(
    qtbot: QtBot, view: QuizView, clock: FakeClock, library: Library
) -> None:
    view.start_quiz_set(quiz(CHOICE, TF, CLOZE, minutes=5), None)
    assert view.countdown.isVisible() and "5:00" in view.countdown.text()
    qtbot.keyClick(view._answer, Qt.Key.Key_2)
    enter(qtbot, view)
    clock.now = START + timedelta(minutes=4, seconds=30)
    view.tick()
    assert "0:30" in view.countdown.text()
    clock.now = START + timedelta(minutes=5, seconds=1)
    view.tick()
    assert view.pages.currentWidget() is view.summary_page
    assert view.time_up_label.isVisible() and "Time is up" in view.time_up_label.text()
    (stored,) = library.attempts_of(view.session.set_key)  # type: ignore[union-attr]
    assert stored.timed_out and stored.score == 1 and stored.seconds == 300


def test_retry_the_wrong_ones_then_take_again(qtbot: QtBot, view: QuizView, library: Library) -> None:
    view.start_quiz_set(quiz(CHOICE, TF, CLOZE), None)
    qtbot.keyClick(view._answer, Qt.Key.Key_1)  # wrong
    enter(qtbot, view)
    enter(qtbot, view)
    qtbot.keyClick(view._answer, Qt.Key.Key_F)  # right
    enter(qtbot, view)
    enter(qtbot, view)
    type_in(qtbot, view, "十一")
    enter(qtbot, view)
    enter(qtbot, view)  # see the score
    assert view.retry_button.text() == "Retry the wrong ones (2)"
    qtbot.mouseClick(view.retry_button, Qt.MouseButton.LeftButton)
    assert "Question 1 of 2" in view.progress_label.text() and view.prompt.text() == CHOICE.prompt
    qtbot.keyClick(view._answer, Qt.Key.Key_2)
    enter(qtbot, view)
    enter(qtbot, view)
    type_in(qtbot, view, "12")
    enter(qtbot, view)
    enter(qtbot, view)
    assert "100%" in view.score_label.text() and not view.retry_button.isEnabled()
    attempts = library.attempts_of(view.session.set_key)  # type: ignore[union-attr]
    assert [(a.retry, a.percent) for a in attempts] == [(False, 33.3), (True, 100.0)]
    qtbot.mouseClick(view.again_button, Qt.MouseButton.LeftButton)
    assert "Question 1 of 3" in view.progress_label.text()


def test_attempts_are_kept_charted_and_exported_as_csv(
    qtbot: QtBot, view: QuizView, library: Library, clock: FakeClock, tmp_path: Path
) -> None:
    view.name_edit.setText("林小雨")
    for day, key in ((0, Qt.Key.Key_1), (1, Qt.Key.Key_2)):
        clock.now = START + timedelta(days=day)
        view.start_quiz_set(quiz(CHOICE), None)
        qtbot.keyClick(view._answer, key)
        enter(qtbot, view)
        clock.now += timedelta(seconds=42)
        enter(qtbot, view)
    qtbot.mouseClick(view.set_results_button, Qt.MouseButton.LeftButton)
    assert view.pages.currentWidget() is view.results_page
    assert [p.value for p in view.results_page.chart.points()] == [0, 100]
    assert view.results_page.table.rowCount() == 2 and view.results_page.table.item(0, 1).text() == "林小雨"
    target = tmp_path / "results.csv"
    assert view.export_attempts_csv(str(target))
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["who"], r["percent"], r["passed"], r["c1 answer"]) for r in rows] == [
        ("林小雨", "0", "no", "2018年"),
        ("林小雨", "100", "yes", "2021年"),
    ]
    assert rows[0]["started"].startswith("2031-06-01T09:00:00")
    # The name is remembered for the next time.
    assert library.setting("quiz.learner") == "林小雨"


def test_a_broken_set_file_gives_one_dialog_line_and_no_crash(
    qtbot: QtBot, view: QuizView, tmp_path: Path
) -> None:
    broken = tmp_path / "壞掉的.toml"
    broken.write_text('title = "x"\n[[questions]\nid = 1\n', encoding="utf-8")
    assert not view.open_quiz_file(str(broken))
    boxes = [b for b in view.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and "\n" not in boxes[0].text() and "壞掉的.toml" in boxes[0].text()
    assert view.pages.currentWidget() is view.chooser
    boxes[0].close()


def test_a_good_file_starts_and_is_listed_as_recent(
    qtbot: QtBot, view: QuizView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "渡口.toml"
    save_quiz_set(quiz(CHOICE, TF), path)
    assert view.open_quiz_file(str(path))
    assert view.set_title.text() == "柳河渡口"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.back_to_chooser()  # ends the attempt (after asking)
    assert view.pages.currentWidget() is view.chooser
    assert view.recent_list.item(0).toolTip() == str(path)
    assert view.bundled_list.count() >= 2  # the sets in decks/


def _sample_analysis() -> Any:
    # Test modules cannot import each other in importlib mode: load the shared sample by path.
    path = Path(__file__).parents[1] / "unit" / "core" / "quiz_sample.py"
    spec = importlib.util.spec_from_file_location("dushu_tests_quiz_sample_gui", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.sample_analysis()


def test_generating_from_the_document_starts_a_quiz(qtbot: QtBot, view: QuizView) -> None:
    assert not view.generate_button.isEnabled() and "Open a document" in view.generate_reason.text()
    view.set_document(_sample_analysis(), "海上合作")
    assert view.generate_button.isEnabled()
    view.count_spin.setValue(5)
    for kind, box in view.type_boxes.items():
        box.setChecked(kind in ("choice", "truefalse"))
    qtbot.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
    assert view.pages.currentWidget() is view.question_page
    assert view.session is not None and view.session.set_key.startswith("generated:")
    assert {p.question.type for p in view.session.presented} <= {"choice", "truefalse"}


def test_ending_early_asks_and_counts_the_rest_wrong(
    qtbot: QtBot, view: QuizView, monkeypatch: pytest.MonkeyPatch
) -> None:
    view.start_quiz_set(replace(quiz(CHOICE, TF), title="短測"), None)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(view.end_button, Qt.MouseButton.LeftButton)
    assert view.pages.currentWidget() is view.question_page
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(view.end_button, Qt.MouseButton.LeftButton)
    assert view.pages.currentWidget() is view.summary_page and "0 of 2 points" in view.score_label.text()


def test_a_toml_dropped_on_the_tab_starts_it(qtbot: QtBot, view: QuizView, tmp_path: Path) -> None:
    path = tmp_path / "拖放.toml"
    save_quiz_set(quiz(TF), path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    where = QPointF(view.rect().center())
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter_event = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, mime, buttons, keys)
    view.dragEnterEvent(enter_event)
    assert enter_event.isAccepted()
    drop = QDropEvent(where, Qt.DropAction.CopyAction, mime, buttons, keys)
    view.dropEvent(drop)
    assert view.pages.currentWidget() is view.question_page and view.prompt.text() == TF.prompt


def test_a_preview_from_the_editor_is_not_kept(qtbot: QtBot, view: QuizView, library: Library) -> None:
    view.start_quiz_set(quiz(TF), None, preview=True)
    qtbot.keyClick(view._answer, Qt.Key.Key_F)
    enter(qtbot, view)
    enter(qtbot, view)
    assert view.pages.currentWidget() is view.summary_page and "preview" in view.summary_title.text()
    assert library.sets_with_attempts() == []


def test_the_set_lists_follow_a_language_change(view: QuizView) -> None:
    from PySide6.QtCore import QCoreApplication

    from dushu.gui.i18n import install_language

    try:
        install_language("zh_TW")
        QCoreApplication.processEvents()
        assert all(" 題" in view.bundled_list.item(i).text() for i in range(view.bundled_list.count()))
        assert view.recent_list.item(0).text() == "開啟過的題組會顯示在這裡。"
    finally:
        install_language("en")
        QCoreApplication.processEvents()
    assert "questions" in view.bundled_list.item(0).text()
