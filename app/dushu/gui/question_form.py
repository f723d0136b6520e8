"""The set editor's form for one question: a page per question type, problems shown beside the fields.

The form turns what the teacher typed into a `Question` (`question()`) and shows the problems
`dushu.core.quiz.question_problems` finds under the field each is about; it never decides on its
own what is valid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dushu.core.quiz.model import QUESTION_TYPES, Question
from dushu.core.quiz.quizfile import QuestionProblem

__all__ = ["QuestionForm", "RowsEditor", "type_label"]

BLANK = "____"


def type_label(qtype: str) -> str:
    """The name of a question type in the interface language."""
    names = {
        "choice": QCoreApplication.translate("QuizEditor", "Multiple choice"),
        "truefalse": QCoreApplication.translate("QuizEditor", "True or false"),
        "cloze": QCoreApplication.translate("QuizEditor", "Fill in the blank"),
        "short": QCoreApplication.translate("QuizEditor", "Short answer"),
        "order": QCoreApplication.translate("QuizEditor", "Put in order"),
        "match": QCoreApplication.translate("QuizEditor", "Match pairs"),
    }
    return names.get(qtype, qtype)


def form_message(problem: QuestionProblem) -> str:
    """A problem worded for the form the teacher fills in (the loader words it for the file)."""
    args = problem.args
    field = problem.field
    if problem.code == "list-empty-entry":
        return {
            "choices": QCoreApplication.translate("QuizEditor", "A choice is empty: write it or remove it."),
            "items": QCoreApplication.translate("QuizEditor", "An item is empty: write it or remove it."),
        }.get(
            field,
            QCoreApplication.translate("QuizEditor", "An accepted answer is empty: write it or remove it."),
        )
    if problem.code == "list-too-few" and args:
        if field == "choices":
            return QCoreApplication.translate("QuizEditor", "Give at least %1 choices.").replace(
                "%1", args[0]
            )
        if field == "items":
            return QCoreApplication.translate(
                "QuizEditor", "Give at least %1 items to put in order."
            ).replace("%1", args[0])
        return QCoreApplication.translate("QuizEditor", "Type at least one accepted answer.")
    if problem.code == "list-repeated" and args:
        if field == "choices":
            return QCoreApplication.translate(
                "QuizEditor", "“%1” is there twice: the choices must differ."
            ).replace("%1", args[0])
        return QCoreApplication.translate(
            "QuizEditor", "“%1” is there twice: the items must differ."
        ).replace("%1", args[0])
    if problem.code == "id-repeated" and args:
        return QCoreApplication.translate(
            "QuizEditor", "Question %1 has this ID already: give this one another."
        ).replace("%1", args[0])
    if problem.code == "pairs-repeated" and args:
        return QCoreApplication.translate(
            "QuizEditor", "“%1” is on the left twice: the items must differ."
        ).replace("%1", args[0])
    worded = {
        "id-empty": QCoreApplication.translate(
            "QuizEditor", "Give the question an ID (a short text no other question has)."
        ),
        "type-unknown": QCoreApplication.translate("QuizEditor", "Choose a question type."),
        "prompt-empty": QCoreApplication.translate("QuizEditor", "Write the question."),
        "cloze-no-blank": QCoreApplication.translate(
            "QuizEditor", "Mark the blank with ____ (Insert blank)."
        ),
        "points": QCoreApplication.translate("QuizEditor", "Points must be more than 0."),
        "choice-no-answer": QCoreApplication.translate(
            "QuizEditor", "Mark the right choice (the round button beside it)."
        ),
        "truefalse-answer": QCoreApplication.translate(
            "QuizEditor", "Choose whether the statement is true or false."
        ),
        "answers-none": QCoreApplication.translate("QuizEditor", "Type at least one accepted answer."),
        "pairs-empty-side": QCoreApplication.translate(
            "QuizEditor", "A pair has an empty side: fill in both or remove the pair."
        ),
        "pairs-too-few": QCoreApplication.translate("QuizEditor", "Give at least 2 pairs."),
    }
    return worded.get(problem.code, problem.message)


def _problem_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # problems quote the teacher's text
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.setVisible(False)
    return label


class _Row(QWidget):
    """One row of a RowsEditor: an optional "right answer" button, one or two texts, move and remove."""

    def __init__(self, owner: RowsEditor, values: Sequence[str]) -> None:
        super().__init__(owner)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.radio: QRadioButton | None = None
        if owner.right_marker:
            self.radio = QRadioButton(self)
            self.radio.setToolTip(owner.tr("This is the right answer"))
            lay.addWidget(self.radio)
        self.edits: list[QLineEdit] = []
        for column in range(owner.columns):
            edit = QLineEdit(self)
            edit.setText(values[column] if column < len(values) else "")
            if column < len(owner.placeholders):
                edit.setPlaceholderText(owner.placeholders[column])
            edit.textChanged.connect(owner.changed)
            lay.addWidget(edit, 1)
            self.edits.append(edit)
        if owner.movable:
            self.up = QToolButton(self)
            self.up.setText("↑")
            self.up.setToolTip(owner.tr("Move up"))
            self.down = QToolButton(self)
            self.down.setText("↓")
            self.down.setToolTip(owner.tr("Move down"))
            lay.addWidget(self.up)
            lay.addWidget(self.down)
        self.remove = QToolButton(self)
        self.remove.setText("✕")
        self.remove.setToolTip(owner.tr("Remove this row"))
        lay.addWidget(self.remove)

    def values(self) -> tuple[str, ...]:
        return tuple(e.text() for e in self.edits)


class RowsEditor(QWidget):
    """A list of texts (or pairs of texts) to edit row by row: add, remove, reorder, mark the right one."""

    changed = Signal()

    def __init__(
        self,
        add_text: str,
        *,
        columns: int = 1,
        right_marker: bool = False,
        movable: bool = False,
        placeholders: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self.right_marker = right_marker
        self.movable = movable
        self.placeholders = tuple(placeholders)
        self._rows: list[_Row] = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.idToggled.connect(self._marked)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555555;")
        self.hint.setVisible(False)
        lay.addWidget(self.hint)
        self._rows_box = QVBoxLayout()
        lay.addLayout(self._rows_box)
        self.add_button = QPushButton(add_text, self)
        self.add_button.clicked.connect(self.add_row)
        lay.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def set_hint(self, text: str) -> None:
        """A line above the rows saying how to fill them in."""
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def _marked(self, _id: int, on: bool) -> None:
        if on:
            self.changed.emit()

    def rows(self) -> list[tuple[str, ...]]:
        """The texts of every row, in order."""
        return [r.values() for r in self._rows]

    def right(self) -> int | None:
        """The row marked as the right answer (None when no row is marked)."""
        checked = self._group.checkedId()
        return checked if checked >= 0 else None

    def row_edits(self, row: int) -> list[QLineEdit]:
        """The text fields of a row (tests and focus handling)."""
        return self._rows[row].edits

    def row_radio(self, row: int) -> QRadioButton | None:
        """The "right answer" button of a row."""
        return self._rows[row].radio

    def set_rows(self, rows: Sequence[Sequence[str]], right: int | None = None) -> None:
        """Show these rows (and mark row `right`), replacing the ones shown."""
        self.blockSignals(True)
        try:
            for row in self._rows:
                if row.radio is not None:
                    self._group.removeButton(row.radio)
                row.setParent(None)
                row.deleteLater()
            self._rows = []
            for values in rows:
                self._append(values)
            if right is not None and 0 <= right < len(self._rows):
                radio = self._rows[right].radio
                if radio is not None:
                    radio.setChecked(True)
        finally:
            self.blockSignals(False)

    def _append(self, values: Sequence[str]) -> _Row:
        row = _Row(self, values)
        index = len(self._rows)
        self._rows.append(row)
        self._rows_box.addWidget(row)
        if row.radio is not None:
            self._group.addButton(row.radio, index)
        row.remove.clicked.connect(lambda: self.remove_row(self._rows.index(row)))
        if self.movable:
            row.up.clicked.connect(lambda: self.move_row(self._rows.index(row), -1))
            row.down.clicked.connect(lambda: self.move_row(self._rows.index(row), 1))
        return row

    def add_row(self) -> None:
        """Add an empty row at the end and put the cursor in it."""
        row = self._append([""] * self.columns)
        row.edits[0].setFocus()
        self.changed.emit()

    def remove_row(self, index: int) -> None:
        """Remove a row; the right-answer mark stays on the same text."""
        rows = self.rows()
        right = self.right()
        del rows[index]
        if right is not None:
            right = None if right == index else right - (right > index)
        self.set_rows(rows, right)
        self.changed.emit()

    def move_row(self, index: int, step: int) -> None:
        """Move a row up (-1) or down (+1); the right-answer mark moves with it."""
        target = index + step
        rows = self.rows()
        if not 0 <= target < len(rows):
            return
        right = self.right()
        rows[index], rows[target] = rows[target], rows[index]
        if right in (index, target):
            right = target if right == index else index
        self.set_rows(rows, right)
        self._rows[target].edits[0].setFocus()
        self.changed.emit()


class QuestionForm(QWidget):
    """Edits one question; `edited` fires on every change, `question()` gives what is typed."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._base: Question | None = None
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)  # the fields keep their height; the space left stays below them
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._form = form
        self._labels: dict[str, QLabel] = {}
        self._problems: dict[str, QLabel] = {}

        self.type_combo = QComboBox(self)
        for t in QUESTION_TYPES:
            self.type_combo.addItem("", t)
        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self._add_row("type", self.type_combo)

        prompt_box = QWidget(self)
        pl = QVBoxLayout(prompt_box)
        pl.setContentsMargins(0, 0, 0, 0)
        self.prompt = QPlainTextEdit(prompt_box)
        self.prompt.setTabChangesFocus(True)
        self.prompt.setMinimumHeight(64)
        self.prompt.setMaximumHeight(110)
        self.prompt.textChanged.connect(self._changed)
        pl.addWidget(self.prompt)
        self.insert_blank = QPushButton(prompt_box)
        self.insert_blank.clicked.connect(self._insert_blank)
        self.blank_hint = QLabel(prompt_box)
        self.blank_hint.setWordWrap(True)
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.insert_blank)
        hint_row.addWidget(self.blank_hint, 1)
        pl.addLayout(hint_row)
        self._add_row("prompt", prompt_box)

        # One page per type: each keeps what was typed in it while the teacher tries another type.
        self.pages = QStackedWidget(self)
        self.choices = RowsEditor("", right_marker=True, movable=True)
        self.tf_true = QRadioButton()
        self.tf_false = QRadioButton()
        tf = QWidget()
        tfl = QHBoxLayout(tf)
        tfl.setContentsMargins(0, 0, 0, 0)
        tfl.addWidget(self.tf_true)
        tfl.addWidget(self.tf_false)
        tfl.addStretch(1)
        self.tf_group = QButtonGroup(tf)
        self.tf_group.addButton(self.tf_true)
        self.tf_group.addButton(self.tf_false)
        self.tf_group.buttonToggled.connect(self._answer_toggled)
        self.accepted_cloze = RowsEditor("")
        self.accepted_short = RowsEditor("")
        self.items = RowsEditor("", movable=True)
        self.pairs = RowsEditor("", columns=2, movable=True)
        self._page_of = {
            "choice": self.choices,
            "truefalse": tf,
            "cloze": self.accepted_cloze,
            "short": self.accepted_short,
            "order": self.items,
            "match": self.pairs,
        }
        for t in QUESTION_TYPES:
            self.pages.addWidget(self._page_of[t])
        for rows in (self.choices, self.accepted_cloze, self.accepted_short, self.items, self.pairs):
            rows.changed.connect(self._changed)
        self.pages.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._add_row("answer", self.pages)

        self.points = QDoubleSpinBox(self)
        self.points.setRange(0, 1000)
        self.points.setDecimals(1)
        self.points.setSingleStep(1)
        self.points.valueChanged.connect(self._changed)
        self._add_row("points", self.points)
        self.tags = QLineEdit(self)
        self.tags.textChanged.connect(self._changed)
        self._add_row("tags", self.tags)
        self.source = QPlainTextEdit(self)
        self.source.setTabChangesFocus(True)
        self.source.setMaximumHeight(64)
        self.source.textChanged.connect(self._changed)
        self._add_row("source", self.source)
        self.explanation = QPlainTextEdit(self)
        self.explanation.setTabChangesFocus(True)
        self.explanation.setMaximumHeight(64)
        self.explanation.textChanged.connect(self._changed)
        self._add_row("explanation", self.explanation)
        self.qid = QLineEdit(self)
        self.qid.textChanged.connect(self._changed)
        self._add_row("id", self.qid)
        self.retranslate()

    def _add_row(self, key: str, field: QWidget) -> None:
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(field)
        problem = _problem_label()
        lay.addWidget(problem)
        label = QLabel(self)
        label.setBuddy(field)
        self._form.addRow(label, box)
        self._labels[key] = label
        self._problems[key] = problem

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        for i, t in enumerate(QUESTION_TYPES):
            self.type_combo.setItemText(i, type_label(t))
        names = {
            "type": self.tr("&Type"),
            "prompt": self.tr("&Question"),
            "answer": self.tr("Answer"),
            "points": self.tr("P&oints"),
            "tags": self.tr("T&ags"),
            "source": self.tr("&Source sentence"),
            "explanation": self.tr("E&xplanation"),
            "id": self.tr("&ID"),
        }
        for key, label in self._labels.items():
            label.setText(names[key])
        self.insert_blank.setText(self.tr("Insert blank ____"))
        self.blank_hint.setText(
            self.tr("The learner fills in the blank; list every answer you accept below.")
        )
        self.prompt.setPlaceholderText(self.tr("What the learner is asked"))
        self.choices.add_button.setText(self.tr("Add a choice"))
        self.choices.placeholders = (self.tr("A choice"),)
        self.tf_true.setText(self.tr("The statement is true (對)"))
        self.tf_false.setText(self.tr("The statement is false (錯)"))
        for rows in (self.accepted_cloze, self.accepted_short):
            rows.add_button.setText(self.tr("Add an accepted answer"))
            rows.placeholders = (self.tr("An answer you accept"),)
        self.choices.set_hint(self.tr("Click the round button beside the right choice."))
        self.accepted_short.set_hint(
            self.tr("Answers are accepted in either script, full or half width, with or without tone marks.")
        )
        self.items.set_hint(self.tr("Write the items in the right order; learners see them shuffled."))
        self.pairs.set_hint(
            self.tr("Each row: an item and what it matches; learners see the right side shuffled.")
        )
        self.items.add_button.setText(self.tr("Add an item"))
        self.items.placeholders = (self.tr("Items in the right order"),)
        self.pairs.add_button.setText(self.tr("Add a pair"))
        self.pairs.placeholders = (self.tr("Left"), self.tr("Matches this"))
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. event, date"))
        self.source.setPlaceholderText(self.tr("The sentence of the text the question checks"))
        self.explanation.setPlaceholderText(self.tr("Shown after the answer: why it is right"))
        self.qid.setToolTip(
            self.tr("A name for the question, unique in the set (results and exports use it)")
        )
        self._update_type_hints()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the interface language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------------------------ contents

    def current_type(self) -> str:
        """The question type chosen in the form."""
        return str(self.type_combo.currentData())

    def set_question(self, q: Question | None) -> None:
        """Show `q` in the form (None empties and disables it)."""
        self._loading = True
        try:
            self.setEnabled(q is not None)
            self._base = q
            q = q or Question("", "choice", "")
            self.type_combo.setCurrentIndex(
                max(0, QUESTION_TYPES.index(q.type) if q.type in QUESTION_TYPES else 0)
            )
            self.pages.setCurrentWidget(self._page_of.get(q.type, self.choices))
            self.prompt.setPlainText(q.prompt)
            right = q.answer if isinstance(q.answer, int) and not isinstance(q.answer, bool) else None
            self.choices.set_rows([(c,) for c in q.choices], right)
            self.tf_group.setExclusive(False)
            self.tf_true.setChecked(q.type == "truefalse" and q.answer is True)
            self.tf_false.setChecked(q.type == "truefalse" and q.answer is False)
            self.tf_group.setExclusive(True)
            accepted = [(a,) for a in q.accepted]
            # One empty row to type in when there is no answer yet.
            self.accepted_cloze.set_rows((accepted if q.type == "cloze" else []) or [("",)])
            self.accepted_short.set_rows((accepted if q.type == "short" else []) or [("",)])
            self.items.set_rows([(i,) for i in q.items])
            self.pairs.set_rows([(a, b) for a, b in q.pairs])
            self.points.setValue(float(q.points))
            self.tags.setText(", ".join(q.tags))
            self.source.setPlainText(q.source)
            self.explanation.setPlainText(q.explanation)
            self.qid.setText(q.id)
            self._update_type_hints()
        finally:
            self._loading = False

    def question(self) -> Question:
        """The question as the form shows it (valid or not: question_problems judges)."""
        qtype = self.current_type()
        points_value = self.points.value()
        points: int | float = int(points_value) if points_value.is_integer() else points_value
        base = Question(
            id=self.qid.text().strip(),
            type=qtype,
            prompt=self.prompt.toPlainText(),
            points=points,
            tags=tuple(t.strip() for t in self.tags.text().replace("，", ",").split(",") if t.strip()),
            source=self.source.toPlainText(),
            explanation=self.explanation.toPlainText(),
        )
        if qtype == "choice":
            choices = tuple(r[0] for r in self.choices.rows())
            return replace(base, choices=choices, answer=self.choices.right())
        if qtype == "truefalse":
            answer = True if self.tf_true.isChecked() else False if self.tf_false.isChecked() else None
            return replace(base, answer=answer)
        if qtype in ("cloze", "short"):
            rows = self.accepted_cloze if qtype == "cloze" else self.accepted_short
            # Empty rows are the ones a teacher added and has not filled yet: not answers.
            return replace(base, answer=tuple(r[0] for r in rows.rows() if r[0].strip()))
        if qtype == "order":
            return replace(base, items=tuple(r[0] for r in self.items.rows()))
        return replace(base, pairs=tuple((r[0], r[1]) for r in self.pairs.rows()))

    def show_problems(self, problems: Sequence[QuestionProblem]) -> None:
        """Show each problem under the field it is about; fields without problems show nothing."""
        by_field: dict[str, list[str]] = {}
        for p in problems:
            key = p.field if p.field in self._problems else "answer"
            if p.field in ("choices", "items", "pairs"):
                key = "answer"
            by_field.setdefault(key, []).append(form_message(p))
        for key, label in self._problems.items():
            text = "\n".join(by_field.get(key, []))
            label.setText(f"⚠ {text}" if text else "")
            label.setVisible(bool(text))

    def problem_text(self, field: str) -> str:
        """What the form shows under a field ("" when it shows no problem)."""
        label = self._problems["answer" if field in ("choices", "items", "pairs") else field]
        return label.text() if label.isVisible() or label.text() else ""

    # -------------------------------------------------------------------------------------- events

    def _type_changed(self) -> None:
        qtype = self.current_type()
        page = self._page_of[qtype]
        if not self._loading:
            self._carry_over(qtype)
        self.pages.setCurrentWidget(page)
        self._update_type_hints()
        self._changed()

    def _carry_over(self, qtype: str) -> None:
        """A new type starts from what the teacher already wrote where the two agree (choices become
        order items, the right choice becomes an accepted answer), so nothing typed is lost."""
        before = self._base
        if before is None:
            return
        texts = [c for c in before.choices] or list(before.items) or [a for a, _ in before.pairs]
        if qtype in ("order", "choice") and not self._page_rows(qtype) and texts:
            (self.items if qtype == "order" else self.choices).set_rows([(t,) for t in texts])
        if qtype in ("cloze", "short"):
            rows = self.accepted_cloze if qtype == "cloze" else self.accepted_short
            if not any(r[0].strip() for r in rows.rows()):
                answer = before.accepted or ((before.expected_text(),) if before.type == "choice" else ())
                if answer:
                    rows.set_rows([(a,) for a in answer])

    def _page_rows(self, qtype: str) -> list[tuple[str, ...]]:
        page = self._page_of[qtype]
        return page.rows() if isinstance(page, RowsEditor) else []

    def _update_type_hints(self) -> None:
        cloze = self.current_type() == "cloze"
        self.insert_blank.setVisible(cloze)
        self.blank_hint.setVisible(cloze)
        if self.current_type() == "order":
            self._labels["answer"].setText(self.tr("Items (in the right order)"))
        elif self.current_type() == "match":
            self._labels["answer"].setText(self.tr("Pairs"))
        elif self.current_type() == "choice":
            self._labels["answer"].setText(self.tr("Choices (mark the right one)"))
        elif self.current_type() in ("cloze", "short"):
            self._labels["answer"].setText(self.tr("Accepted answers"))
        else:
            self._labels["answer"].setText(self.tr("Answer"))

    def _answer_toggled(self, _button: object, on: bool) -> None:
        if on:
            self._changed()

    def _insert_blank(self) -> None:
        self.prompt.insertPlainText(BLANK)
        self.prompt.setFocus()

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()
