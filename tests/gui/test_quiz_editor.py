"""The teacher's quiz-set editor: building a set in the forms, validation as you type, files, exports."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from dushu.core.quiz import Question, QuizSet, QuizSettings, load_quiz_set, save_quiz_set
from dushu.gui.quiz_editor import QuizEditor


def _load_sample() -> ModuleType:
    # Test modules cannot import each other in importlib mode: load the shared sample by path.
    path = Path(__file__).resolve().parents[1] / "unit" / "core" / "quiz_sample.py"
    spec = importlib.util.spec_from_file_location("dushu_tests_quiz_sample_editor", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sample_analysis = _load_sample().sample_analysis

SET = QuizSet(
    "山城圖書館",
    (
        Question("q01", "choice", "圖書館幾點開門？", answer=0, choices=("九點", "十點")),
        Question("q02", "truefalse", "圖書館週一休息。", answer=True),
        Question("q03", "short", "館長姓甚麼？", answer=("許",)),
    ),
    author="高老師",
    settings=QuizSettings(shuffle_questions=False, pass_mark=50),
)


@pytest.fixture
def editor(qtbot: Any) -> Iterator[QuizEditor]:
    from dushu.storage.library import open_library

    library, _ = open_library()
    widget = QuizEditor(library)
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    widget.show()
    yield widget
    widget.close()
    library.close()


class MessageBoxes:
    """The message boxes the editor showed (their text), each answered with `reply`."""

    def __init__(self) -> None:
        self.shown: list[str] = []
        self.reply = QMessageBox.StandardButton.Ok


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    """Message boxes are recorded and answered at once instead of waiting for a click."""
    record = MessageBoxes()

    def ask(self: QuizEditor, box: QMessageBox) -> QMessageBox.StandardButton:
        record.shown.append(box.text())
        return record.reply

    monkeypatch.setattr(QuizEditor, "_ask", ask)
    return record


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """The save dialog answers `path`; returns the titles of the dialogs that were shown."""
    asked: list[str] = []

    def dialog(parent: Any, title: str, *args: Any, **kwargs: Any) -> tuple[str, str]:
        asked.append(title)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return asked


def type_into(qtbot: Any, widget: Any, text: str) -> None:
    """Type as a user does: Latin text on the keys, Chinese committed by an input method."""
    widget.setFocus()
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def test_a_set_built_in_the_forms_saves_and_loads_back_the_same(
    qtbot: Any, editor: QuizEditor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boxes: MessageBoxes
) -> None:
    editor.title_edit.clear()
    type_into(qtbot, editor.title_edit, "Harbour quiz 海港")
    type_into(qtbot, editor.author_edit, "Ms Ho")
    editor.feedback_combo.setCurrentIndex(1)  # at the end
    editor.time_limit.setValue(15)
    form = editor.form

    editor.add_actions["choice"].trigger()
    type_into(qtbot, form.prompt, "Which pier? 哪個碼頭？")
    type_into(qtbot, form.choices.row_edits(0)[0], "North 北")
    type_into(qtbot, form.choices.row_edits(1)[0], "South 南")
    radio = form.choices.row_radio(1)
    assert radio is not None
    radio.click()

    editor.add_actions["truefalse"].trigger()
    type_into(qtbot, form.prompt, "The ferry is free.")
    form.tf_false.click()

    editor.add_actions["cloze"].trigger()
    type_into(qtbot, form.prompt, "The ferry leaves at ")
    form.insert_blank.click()
    type_into(qtbot, form.accepted_cloze.row_edits(0)[0], "9:00")
    form.accepted_cloze.add_button.click()
    type_into(qtbot, form.accepted_cloze.row_edits(1)[0], "nine")

    editor.add_actions["order"].trigger()
    type_into(qtbot, form.prompt, "Put in order")
    for row, text in enumerate(("buy", "board")):
        type_into(qtbot, form.items.row_edits(row)[0], text)
    form.items.add_button.click()
    type_into(qtbot, form.items.row_edits(2)[0], "sail")

    editor.add_actions["match"].trigger()
    type_into(qtbot, form.prompt, "Match")
    for row, (left, right) in enumerate((("boat", "船"), ("pier", "碼頭"))):
        type_into(qtbot, form.pairs.row_edits(row)[0], left)
        type_into(qtbot, form.pairs.row_edits(row)[1], right)
    form.points.setValue(2)
    type_into(qtbot, form.tags, "words, harbour")
    type_into(qtbot, form.explanation, "Two words of the text.")

    editor.add_actions["short"].trigger()
    type_into(qtbot, form.prompt, "Who drives the ferry?")
    type_into(qtbot, form.accepted_short.row_edits(0)[0], "the captain")

    assert editor.problems() == []
    assert editor.has_unsaved_changes()
    target = tmp_path / "harbour.toml"
    save_to(monkeypatch, target)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert boxes.shown == []
    loaded = load_quiz_set(target)
    assert loaded == editor.quiz_set()
    assert [q.type for q in loaded.questions] == ["choice", "truefalse", "cloze", "order", "match", "short"]
    assert loaded.title == "Harbour quiz 海港" and loaded.author == "Ms Ho"
    assert loaded.settings.feedback == "end" and loaded.settings.time_limit_minutes == 15
    choice, tf, cloze, order, match, _short = loaded.questions
    assert choice.answer == 1 and choice.choices == ("North 北", "South 南")
    assert tf.answer is False
    assert cloze.prompt == "The ferry leaves at ____" and cloze.accepted == ("9:00", "nine")
    assert order.items == ("buy", "board", "sail")
    assert match.pairs == (("boat", "船"), ("pier", "碼頭")) and match.points == 2
    assert match.tags == ("words", "harbour") and match.explanation == "Two words of the text."
    assert len({q.id for q in loaded.questions}) == 6
    assert not editor.has_unsaved_changes()
    assert "unsaved" not in editor.file_label.text() and "harbour.toml" in editor.file_label.text()


def test_a_cloze_without_a_blank_shows_the_problem_until_it_is_fixed(qtbot: Any, editor: QuizEditor) -> None:
    editor.add_actions["cloze"].trigger()
    type_into(qtbot, editor.form.prompt, "The ferry leaves at nine.")
    type_into(qtbot, editor.form.accepted_cloze.row_edits(0)[0], "nine")
    assert "Mark the blank with ____" in editor.form.problem_text("prompt")
    item = editor.question_list.item(0)
    assert "Mark the blank" in item.toolTip()
    assert "Question 1: Mark the blank" in editor.problems_label.text()

    editor.form.prompt.moveCursor(editor.form.prompt.textCursor().MoveOperation.End)
    editor.form.insert_blank.click()
    assert editor.form.problem_text("prompt") == ""
    assert "Mark the blank" not in item.toolTip()
    assert "ready to save" in editor.problems_label.text()


def test_a_choice_problem_shows_next_to_the_choices(qtbot: Any, editor: QuizEditor) -> None:
    editor.add_actions["choice"].trigger()
    type_into(qtbot, editor.form.prompt, "Which?")
    type_into(qtbot, editor.form.choices.row_edits(0)[0], "same")
    type_into(qtbot, editor.form.choices.row_edits(1)[0], "same")
    assert "“same” is there twice" in editor.form.problem_text("choices")
    assert "Mark the right choice" in editor.form.problem_text("choices")
    editor.form.choices.row_edits(1)[0].clear()
    type_into(qtbot, editor.form.choices.row_edits(1)[0], "other")
    radio = editor.form.choices.row_radio(0)
    assert radio is not None
    radio.click()
    assert editor.form.problem_text("choices") == ""


def test_reorder_delete_undo_and_duplicate_from_the_keyboard(
    qtbot: Any, editor: QuizEditor, tmp_path: Path, boxes: MessageBoxes
) -> None:
    path = tmp_path / "library.toml"
    save_quiz_set(SET, path)
    assert editor.open_file(path)
    assert not editor.has_unsaved_changes()
    prompts = lambda: [q.prompt for q in editor.questions()]  # noqa: E731
    the_list = editor.question_list
    the_list.setFocus()
    the_list.setCurrentRow(0)

    qtbot.keyClick(the_list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert prompts() == ["圖書館週一休息。", "圖書館幾點開門？", "館長姓甚麼？"]
    assert editor.current_index() == 1 and editor.has_unsaved_changes()
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert prompts()[0] == "圖書館幾點開門？"

    the_list.setCurrentRow(2)
    qtbot.keyClick(the_list, Qt.Key.Key_Delete)
    assert prompts() == ["圖書館幾點開門？", "圖書館週一休息。"]
    assert "Undo brings it back" in editor.status_label.text()
    qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)
    assert prompts() == ["圖書館幾點開門？", "圖書館週一休息。", "館長姓甚麼？"]
    assert editor.questions()[2] == SET.questions[2]

    the_list.setCurrentRow(0)
    the_list.setFocus()  # the keys act on the list when it has the focus (a click on a row gives it)
    qtbot.keyClick(the_list, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert prompts() == ["圖書館幾點開門？", "圖書館幾點開門？", "圖書館週一休息。", "館長姓甚麼？"]
    assert len({q.id for q in editor.questions()}) == 4
    assert editor.current_index() == 1
    # Moved, deleted, restored and duplicated: undoing the duplicate and the moves gives the file back.
    editor.undo()
    editor.undo()
    editor.undo()
    assert editor.questions() == SET.questions
    assert not editor.has_unsaved_changes()


def test_a_question_dragged_to_a_new_place_stays_there(editor: QuizEditor, tmp_path: Path) -> None:
    path = tmp_path / "library.toml"
    save_quiz_set(SET, path)
    editor.open_file(path)
    model = editor.question_list.model()
    # What a drop inside the list does: the row moves in the list's model.
    assert model.moveRow(model.index(0, 0).parent(), 2, model.index(0, 0).parent(), 0)
    assert [q.id for q in editor.questions()] == ["q03", "q01", "q02"]
    assert editor.question_list.item(0).text().startswith("1. ")
    editor.undo()
    assert [q.id for q in editor.questions()] == ["q01", "q02", "q03"]


def test_add_from_the_text_adds_the_ticked_candidates(
    editor: QuizEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dushu.gui.question_picker import QuestionPicker

    editor.set_document(None, "")
    assert not editor.from_text_button.isEnabled()
    assert "Open a text" in editor.from_text_reason.text()

    editor.set_document(sample_analysis(), "海上合作")
    assert editor.from_text_button.isEnabled() and editor.from_text_reason.isHidden()
    seen: dict[str, Any] = {}

    def tick(self: QuizEditor, picker: QuestionPicker) -> bool:
        seen["groups"] = list(picker.group_items)
        people = picker.group_items["people"]
        for i in range(2):
            people.child(i).setCheckState(0, Qt.CheckState.Checked)
        picker.tree.setCurrentItem(people.child(0))
        seen["preview"] = picker.preview.toPlainText()
        seen["button"] = picker.add_button.text()
        seen["picked"] = picker.chosen()
        return True

    monkeypatch.setattr(QuizEditor, "_run_picker", tick)
    editor.from_text_button.click()
    assert seen["groups"] == ["facts", "terms", "people", "vocabulary"]
    assert seen["button"] == "Add 2 question(s)"
    picked = seen["picked"]
    assert "From the text:" in seen["preview"]
    assert [q.prompt for q in editor.questions()] == [q.prompt for q in picked]
    assert all(q.id for q in editor.questions()) and all("person" in q.tags for q in editor.questions())
    assert "Added 2 question(s)" in editor.status_label.text()


def test_the_picker_finds_questions_by_a_word_of_their_answer(qtbot: Any) -> None:
    from dushu.core.quiz.generate import candidate_questions
    from dushu.gui.question_picker import QuestionPicker

    candidates = candidate_questions(sample_analysis())
    picker = QuestionPicker(candidates)
    qtbot.addWidget(picker)
    items = picker.candidate_items()
    items[0].setCheckState(0, Qt.CheckState.Checked)
    person = next(q for q in candidates if "person" in q.tags and q.type == "choice")
    name = person.expected_text()
    assert items[0].text(1) and any(item.text(1) == name for item in items)  # the Answer column
    picker.filter_edit.setText(name)  # as an input method commits it
    shown = [item for item in items if not item.isHidden()]
    assert shown and len(shown) < len(items)
    for item in shown:
        q = candidates[int(item.data(0, Qt.ItemDataRole.UserRole))]
        assert name in f"{q.prompt} {q.expected_text()} {q.source} {' '.join(q.choices)}"
    assert picker.chosen() == [candidates[0]]  # a ticked question stays ticked while hidden
    # A group's box ticks the questions shown, not the ones the find box hides.
    group = next(top for top in picker.group_items.values() if not top.isHidden())
    group.setCheckState(0, Qt.CheckState.Checked)
    shown_in_group = [
        candidates[int(item.data(0, Qt.ItemDataRole.UserRole))]
        for item in shown
        if item.parent() is group
    ]
    assert set(map(id, picker.chosen())) == set(map(id, [candidates[0], *shown_in_group]))
    picker.filter_edit.clear()
    assert not any(item.isHidden() for item in items)


def test_a_new_set_generated_from_the_text_is_unsaved_work(
    editor: QuizEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor.set_document(sample_analysis(), "海上合作")
    assert editor.new_set(sample_analysis(), questions=8)
    assert 0 < len(editor.questions()) <= 8
    assert editor.problems() == []
    assert editor.has_unsaved_changes()


def test_a_set_with_problems_is_not_saved_and_the_problems_are_listed(
    qtbot: Any, editor: QuizEditor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boxes: MessageBoxes
) -> None:
    editor.add_actions["cloze"].trigger()
    type_into(qtbot, editor.form.prompt, "No blank here")
    target = tmp_path / "broken.toml"
    asked = save_to(monkeypatch, target)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not target.exists() and asked == []
    assert len(boxes.shown) == 1
    assert "Question 1: Mark the blank with ____" in boxes.shown[0]
    assert "Question 1: Type at least one accepted answer." in boxes.shown[0]
    assert editor.has_unsaved_changes()
    editor.export("pdf")
    assert len(boxes.shown) == 2 and "cannot be exported" in boxes.shown[1]


def test_discarding_unsaved_work_asks_first(
    qtbot: Any, editor: QuizEditor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boxes: MessageBoxes
) -> None:
    assert editor.maybe_discard()  # nothing made yet: no question
    assert boxes.shown == []
    editor.add_actions["truefalse"].trigger()
    type_into(qtbot, editor.form.prompt, "Kept?")
    # A new true/false question is neither until the teacher says which: it cannot be saved so.
    assert "true or false" in editor.form.problem_text("answer")
    editor.form.tf_true.click()
    changes: list[bool] = []
    editor.modifiedChanged.connect(changes.append)

    boxes.reply = QMessageBox.StandardButton.Cancel
    assert not editor.new_set()
    assert len(boxes.shown) == 1 and "not saved" in boxes.shown[0]
    assert [q.prompt for q in editor.questions()] == ["Kept?"]

    boxes.reply = QMessageBox.StandardButton.Save
    target = tmp_path / "kept.toml"
    save_to(monkeypatch, target)
    assert editor.maybe_discard()
    assert load_quiz_set(target).questions[0].prompt == "Kept?"
    assert changes == [False]

    type_into(qtbot, editor.form.prompt, " Yes.")
    assert changes == [False, True]
    boxes.reply = QMessageBox.StandardButton.Discard
    assert editor.new_set()
    assert editor.questions() == () and not editor.has_unsaved_changes()


def test_a_bad_file_is_one_line_and_the_work_stays(
    qtbot: Any, editor: QuizEditor, tmp_path: Path, boxes: MessageBoxes
) -> None:
    editor.add_actions["truefalse"].trigger()
    type_into(qtbot, editor.form.prompt, "Mine")
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'format = "dushu-quiz"\nversion = 1\ntitle = "x"\n[[questions]]\nid = "a"\ntype = "essay"\n'
    )
    boxes.reply = QMessageBox.StandardButton.Discard
    assert not editor.open_file(bad)
    assert "type is 'essay'" in boxes.shown[-1] and "\n" not in boxes.shown[-1]
    assert [q.prompt for q in editor.questions()] == ["Mine"]


def test_preview_as_student_sends_the_set(qtbot: Any, editor: QuizEditor, tmp_path: Path) -> None:
    path = tmp_path / "library.toml"
    save_quiz_set(SET, path)
    editor.open_file(path)
    with qtbot.waitSignal(editor.previewRequested) as signal:
        qtbot.mouseClick(editor.preview_button, Qt.MouseButton.LeftButton)
    assert signal.args == [SET]


def test_the_printed_handout_has_the_questions_then_the_answer_key(
    editor: QuizEditor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boxes: MessageBoxes
) -> None:
    path = tmp_path / "library.toml"
    save_quiz_set(SET, path)
    editor.open_file(path)
    target = tmp_path / "handout.pdf"
    save_to(monkeypatch, target)
    editor.export_actions["pdf"].trigger()
    assert boxes.shown == []
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and b"/Type /Page" in data
    if shutil.which("pdftotext") is None:
        assert data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type /Page>") >= 2
        return
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, check=True, text=True).stdout
    # The PDF's text map names some characters by their radical twins (口 -> ⼝, 長 -> ⻑): NFKC folds
    # the Kangxi ones back, so the checks use text without the others.
    text = unicodedata.normalize("NFKC", text)
    key = text.index("Answer key")
    assert 0 <= text.index("圖書館幾點開門") < key
    assert text.index("姓甚麼") < key
    assert text.index("許", key) > key  # the answer is only in the key
    assert "\f" in text[:key]  # the key starts on a page of its own


def test_the_other_exports_write_their_files(
    editor: QuizEditor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boxes: MessageBoxes
) -> None:
    path = tmp_path / "library.toml"
    save_quiz_set(SET, path)
    editor.open_file(path)
    for kind, name in (
        ("gift", "set.gift.txt"),
        ("moodle-xml", "set.xml"),
        ("csv", "set.csv"),
        ("anki", "set"),
    ):
        save_to(monkeypatch, tmp_path / name)
        assert editor.export(kind)
    assert "圖書館幾點開門" in (tmp_path / "set.gift.txt").read_text(encoding="utf-8")
    assert "<quiz>" in (tmp_path / "set.xml").read_text(encoding="utf-8")
    assert "館長姓甚麼" in (tmp_path / "set.csv").read_text(encoding="utf-8-sig")
    with zipfile.ZipFile(tmp_path / "set.apkg") as archive:  # the suffix is added when left out
        assert "collection.anki2" in archive.namelist()
    assert boxes.shown == []


def test_every_problem_is_worded_for_the_form_not_the_file(qapp: Any) -> None:
    from dushu.core.quiz.quizfile import PROBLEM_CODES, QuestionProblem
    from dushu.gui.question_form import form_message

    for field in ("id", "prompt", "choices", "items", "answer", "pairs"):
        for code in PROBLEM_CODES:
            file_words = "the file's own words"
            worded = form_message(QuestionProblem(field, file_words, code, ("3", "1")))
            assert worded and worded != file_words, (field, code)


def test_the_undo_button_undoes_something_after_the_fields_own_undo(qtbot: Any, editor: QuizEditor) -> None:
    editor.add_actions["short"].trigger()
    assert len(editor.questions()) == 1
    type_into(qtbot, editor.form.prompt, "多長？")
    editor.form.prompt.setPlainText("")  # the field's own Ctrl+Z took the typing back
    assert editor.questions()[0].prompt == ""
    editor.undo_button.click()  # so the button takes back the step before: adding the question
    assert list(editor.questions()) == []
