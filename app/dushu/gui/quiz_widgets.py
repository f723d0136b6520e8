"""The answer area of each question type in the quiz tab: choices, true/false, typed answers, order, match.

Each widget shows one presented question, gives back the learner's response in the form
`dushu.core.quiz.check_answer` takes, and answers the keys its type uses (1–9 for a choice, T/F,
Alt/Ctrl+Up/Down to move an item, a letter to pair a match). Text the set brings is shown as plain
text: a quiz file is untrusted.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dushu.core.quiz.answers import Response
from dushu.core.quiz.engine import PresentedQuestion

__all__ = [
    "ChoiceAnswer",
    "MatchAnswer",
    "OrderAnswer",
    "QuestionAnswer",
    "TextAnswer",
    "TrueFalseAnswer",
    "answer_widget_for",
]

translate = QCoreApplication.translate

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}


def _radio(text: str, parent: QWidget) -> QRadioButton:
    button = QRadioButton(text, parent)
    font = button.font()
    font.setPointSizeF(font.pointSizeF() * 1.15)
    button.setFont(font)
    return button


def _lock_buttons(buttons: list[QRadioButton], locked: bool) -> None:
    # Not disabled (grey text is hard to read): mouse clicks pass through and the keys are ignored.
    for button in buttons:
        button.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, locked)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus if locked else Qt.FocusPolicy.StrongFocus)


def _mark_buttons(buttons: list[QRadioButton], right: list[bool]) -> None:
    """Colour the right option green and a wrong choice red, and say so in words too (not colour only)."""
    for button, is_right in zip(buttons, right, strict=True):
        if is_right:
            button.setStyleSheet("QRadioButton { color: #2e7d32; font-weight: bold; }")
            button.setText(button.text() + "   ✓ " + translate("Quiz", "right answer"))
        elif button.isChecked():
            button.setStyleSheet("QRadioButton { color: #c62828; }")
            button.setText(button.text() + "   ✗ " + translate("Quiz", "your answer"))


def _fit_rows(widget: QListWidget, rows: int) -> None:
    """Make a list as tall as its rows (up to a limit), so the feedback sits right under it."""
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * 1.15)
    widget.setFont(font)
    row = max(widget.sizeHintForRow(0), widget.fontMetrics().height() + 6) + 2 * widget.spacing()
    widget.setFixedHeight(min(rows, 10) * row + 2 * widget.frameWidth() + 6)


class QuestionAnswer(QWidget):
    """Base of the answer areas: a response, a hint about the keys, and locking once marked."""

    changed = Signal()

    def __init__(self, presented: PresentedQuestion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presented = presented
        self.locked = False

    def response(self) -> Response:
        """What the learner has given so far (None for nothing)."""
        raise NotImplementedError

    def set_response(self, response: Response) -> None:
        """Show an earlier response again (going back to a question)."""
        raise NotImplementedError

    def set_locked(self, locked: bool) -> None:
        """Stop (or allow) changes: the question was marked or the attempt is over. The answer stays
        readable (not greyed out): the learner compares it with the feedback."""
        self.locked = locked

    def show_marking(self) -> None:
        """Once marked: show which option was right (and which chosen one was wrong), if the type can."""

    def key_hint(self) -> str:
        """One line telling the learner which keys answer this question."""
        return ""

    def handle_key(self, event: QKeyEvent) -> bool:
        """Answer a key the view passed on (one no child used); True when it was used."""
        return False

    def focus_input(self) -> None:
        """Put the keyboard focus where typing answers the question."""
        self.setFocus()


class ChoiceAnswer(QuestionAnswer):
    """One of several choices: click one, or press its number."""

    def __init__(self, presented: PresentedQuestion, parent: QWidget | None = None) -> None:
        super().__init__(presented, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        for i, option in enumerate(presented.options):
            button = _radio(f"{i + 1}.  {option}", self)
            self.group.addButton(button, i)
            self.buttons.append(button)
            layout.addWidget(button)
        self.group.idToggled.connect(lambda _i, _on: self.changed.emit())

    def response(self) -> Response:
        picked = self.group.checkedId()
        return self.presented.option_index[picked] if picked >= 0 else None

    def set_response(self, response: Response) -> None:
        shown = self.presented.option_index
        if isinstance(response, int) and not isinstance(response, bool) and response in shown:
            self.buttons[shown.index(response)].setChecked(True)

    def set_locked(self, locked: bool) -> None:
        super().set_locked(locked)
        _lock_buttons(self.buttons, locked)

    def show_marking(self) -> None:
        answer = self.presented.question.answer
        _mark_buttons(self.buttons, [i == answer for i in self.presented.option_index])

    def pick(self, shown: int) -> None:
        """Choose the option shown at position `shown` (0-based)."""
        if 0 <= shown < len(self.buttons) and not self.locked:
            self.buttons[shown].setChecked(True)
            self.buttons[shown].setFocus()

    def key_hint(self) -> str:
        n = min(len(self.buttons), 9)
        return translate("Quiz", "Click a choice or press its number (1–%1).").replace("%1", str(n))

    def handle_key(self, event: QKeyEvent) -> bool:
        if self.locked:
            return False
        number = _DIGIT_KEYS.get(Qt.Key(event.key()))
        if number is not None and number <= len(self.buttons):
            self.pick(number - 1)
            return True
        return False

    def focus_input(self) -> None:
        checked = self.group.checkedButton()
        target = checked or (self.buttons[0] if self.buttons else None)
        if target is not None:
            target.setFocus()


class TrueFalseAnswer(QuestionAnswer):
    """True or false: click, or press T / F (also 1 / 2)."""

    def __init__(self, presented: PresentedQuestion, parent: QWidget | None = None) -> None:
        super().__init__(presented, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.true_button = _radio(translate("Quiz", "True (對)"), self)
        self.false_button = _radio(translate("Quiz", "False (錯)"), self)
        self.group = QButtonGroup(self)
        self.group.addButton(self.true_button, 1)
        self.group.addButton(self.false_button, 0)
        layout.addWidget(self.true_button)
        layout.addWidget(self.false_button)
        layout.addStretch(1)
        self.group.idToggled.connect(lambda _i, _on: self.changed.emit())

    def response(self) -> Response:
        picked = self.group.checkedId()
        return None if picked < 0 else picked == 1

    def set_response(self, response: Response) -> None:
        if isinstance(response, bool):
            (self.true_button if response else self.false_button).setChecked(True)

    def set_locked(self, locked: bool) -> None:
        super().set_locked(locked)
        _lock_buttons([self.true_button, self.false_button], locked)

    def show_marking(self) -> None:
        right = bool(self.presented.question.answer)
        _mark_buttons([self.true_button, self.false_button], [right, not right])

    def key_hint(self) -> str:
        return translate("Quiz", "Click True or False, or press T or F (1 or 2).")

    def handle_key(self, event: QKeyEvent) -> bool:
        if self.locked:
            return False
        key = event.key()
        if key in (Qt.Key.Key_T, Qt.Key.Key_1, Qt.Key.Key_Y):
            self.true_button.setChecked(True)
            self.true_button.setFocus()
            return True
        if key in (Qt.Key.Key_F, Qt.Key.Key_2, Qt.Key.Key_N):
            self.false_button.setChecked(True)
            self.false_button.setFocus()
            return True
        return False

    def focus_input(self) -> None:
        (self.group.checkedButton() or self.true_button).setFocus()


class TextAnswer(QuestionAnswer):
    """A typed answer (cloze and short): any input method works in the line edit."""

    def __init__(self, presented: PresentedQuestion, parent: QWidget | None = None) -> None:
        super().__init__(presented, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(
            translate("Quiz", "Type the word that fills the blank")
            if presented.question.type == "cloze"
            else translate("Quiz", "Type your answer")
        )
        font = self.edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.edit.setFont(font)
        self.edit.textChanged.connect(lambda _t: self.changed.emit())
        layout.addWidget(self.edit)

    def response(self) -> Response:
        text = self.edit.text()
        return text if text.strip() else None

    def set_response(self, response: Response) -> None:
        if isinstance(response, str):
            self.edit.setText(response)

    def set_locked(self, locked: bool) -> None:
        super().set_locked(locked)
        # Read-only rather than disabled: the learner can still read (and copy) what they typed.
        self.edit.setReadOnly(locked)

    def key_hint(self) -> str:
        return translate(
            "Quiz", "Type with any input method; width, script and tone marks or numbers do not matter."
        )

    def focus_input(self) -> None:
        self.edit.setFocus()


class _MoveKeys(QObject):
    """Alt/Ctrl+Up/Down on the order list move the selected item (the list would only move the cursor)."""

    def __init__(self, owner: OrderAnswer) -> None:
        super().__init__(owner)
        self._owner = owner

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            mods = event.modifiers()
            if mods & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier):
                if event.key() == Qt.Key.Key_Up:
                    self._owner.move_current(-1)
                    return True
                if event.key() == Qt.Key.Key_Down:
                    self._owner.move_current(1)
                    return True
        return False


class OrderAnswer(QuestionAnswer):
    """Put items in order: drag them, or select one and press Alt+Up / Alt+Down (Ctrl works too)."""

    def __init__(self, presented: PresentedQuestion, parent: QWidget | None = None) -> None:
        super().__init__(presented, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.moved = False  # the shuffled order as shown is never right: it is no answer yet
        self._fill(presented.options)
        self.list.installEventFilter(_MoveKeys(self))
        self.list.model().rowsMoved.connect(lambda *_a: self._moved_by_drag())
        layout.addWidget(self.list)
        _fit_rows(self.list, self.list.count())

    def _fill(self, texts: tuple[str, ...] | list[str]) -> None:
        self.list.clear()
        for text in texts:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, text)
            self.list.addItem(item)
        self._renumber()
        if self.list.count():
            self.list.setCurrentRow(0)

    def _moved_by_drag(self) -> None:
        self.moved = True
        self._renumber()

    def _renumber(self) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setText(f"{row + 1}.  {item.data(Qt.ItemDataRole.UserRole)}")
        self.changed.emit()

    def order(self) -> list[str]:
        """The items as the learner has put them, top to bottom."""
        return [str(self.list.item(r).data(Qt.ItemDataRole.UserRole)) for r in range(self.list.count())]

    def move_current(self, step: int) -> None:
        """Move the selected item up (-1) or down (+1)."""
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count() or self.locked:
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.moved = True
        self._renumber()

    def response(self) -> Response:
        # Until the learner moves an item there is no answer: the shown order is shuffled away from
        # the right one, and a question visited but left alone must not count as answered.
        return self.order() if self.moved else None

    def set_response(self, response: Response) -> None:
        if isinstance(response, list | tuple) and sorted(map(str, response)) == sorted(self.order()):
            self._fill([str(x) for x in response])
            self.moved = True

    def set_locked(self, locked: bool) -> None:
        super().set_locked(locked)
        self.list.setDragDropMode(
            QAbstractItemView.DragDropMode.NoDragDrop
            if locked
            else QAbstractItemView.DragDropMode.InternalMove
        )

    def key_hint(self) -> str:
        return translate(
            "Quiz",
            "Drag the items into order, or select one and press Alt+Up / Alt+Down (or Ctrl+Up / Down).",
        )

    def focus_input(self) -> None:
        self.list.setFocus()


class _PairKeys(QObject):
    """A letter pressed on the match lists pairs the selected left item (the list would search)."""

    def __init__(self, owner: MatchAnswer) -> None:
        super().__init__(owner)
        self._owner = owner

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._owner.handle_key(event)
        return False


class MatchAnswer(QuestionAnswer):
    """Pair the left column with the right: select a left item, then click (or press the letter of)
    its partner on the right; the next unpaired item is selected."""

    def __init__(self, presented: PresentedQuestion, parent: QWidget | None = None) -> None:
        super().__init__(presented, parent)
        self.lefts = [a for a, _b in presented.question.pairs]
        self.rights = list(presented.options)
        self.pairs: dict[str, str] = {}
        self.left_list = QListWidget(self)
        self.right_list = QListWidget(self)
        for widget in (self.left_list, self.right_list):
            widget.setWordWrap(True)
            widget.setSpacing(2)
            widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for i, right in enumerate(self.rights):
            self.right_list.addItem(f"{_LETTERS[i] if i < len(_LETTERS) else i + 1}.  {right}")
        self.right_list.itemClicked.connect(lambda item: self.pair_current(self.right_list.row(item)))
        keys = _PairKeys(self)
        self.left_list.installEventFilter(keys)
        self.right_list.installEventFilter(keys)
        left_box = QVBoxLayout()
        self._left_title = QLabel(translate("Quiz", "Items"), self)
        self._right_title = QLabel(translate("Quiz", "Partners"), self)
        left_box.addWidget(self._left_title)
        left_box.addWidget(self.left_list)
        right_box = QVBoxLayout()
        right_box.addWidget(self._right_title)
        right_box.addWidget(self.right_list)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left_box, 1)
        layout.addLayout(right_box, 1)
        self._refresh()
        self.left_list.setCurrentRow(0)
        for widget in (self.left_list, self.right_list):
            _fit_rows(widget, max(len(self.lefts), len(self.rights)))

    def _refresh(self) -> None:
        current = max(self.left_list.currentRow(), 0)
        self.left_list.clear()
        for i, left in enumerate(self.lefts):
            partner = self.pairs.get(left)
            if partner is None:
                text = f"{i + 1}.  {left}  →  ?"
            else:
                j = self.rights.index(partner)
                text = f"{i + 1}.  {left}  →  {_LETTERS[j] if j < len(_LETTERS) else j + 1}. {partner}"
            self.left_list.addItem(text)
        if self.lefts:
            self.left_list.setCurrentRow(min(current, len(self.lefts) - 1))
        taken = set(self.pairs.values())
        for j, right in enumerate(self.rights):
            item = self.right_list.item(j)
            if item is not None:
                colour = self.palette().placeholderText() if right in taken else self.palette().text()
                item.setForeground(colour)

    def pair_current(self, right_index: int) -> None:
        """Pair the selected left item with right option `right_index` (as shown); a right option
        already taken moves to the new item."""
        row = self.left_list.currentRow()
        if self.locked or row < 0 or not 0 <= right_index < len(self.rights):
            return
        partner = self.rights[right_index]
        for left, right in list(self.pairs.items()):
            if right == partner:
                del self.pairs[left]
        self.pairs[self.lefts[row]] = partner
        unpaired = [i for i, left in enumerate(self.lefts) if left not in self.pairs]
        self._refresh()
        after = [i for i in unpaired if i > row] or unpaired
        if after:
            self.left_list.setCurrentRow(after[0])
        self.left_list.setFocus()
        self.changed.emit()

    def response(self) -> Response:
        return dict(self.pairs) if self.pairs else None

    def set_response(self, response: Response) -> None:
        if isinstance(response, dict):
            self.pairs = {str(k): str(v) for k, v in response.items() if k in self.lefts and v in self.rights}
            self._refresh()

    def key_hint(self) -> str:
        return translate(
            "Quiz",
            "Select an item on the left (Up/Down), then click its partner or press its letter (A, B, C …).",
        )

    def handle_key(self, event: QKeyEvent) -> bool:
        if self.locked:
            return False
        text = event.text().upper()
        if len(text) == 1 and text in _LETTERS[: len(self.rights)] and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            self.pair_current(_LETTERS.index(text))
            return True
        return False

    def focus_input(self) -> None:
        self.left_list.setFocus()


def answer_widget_for(presented: PresentedQuestion, parent: QWidget | None = None) -> QuestionAnswer:
    """The answer area for a presented question's type."""
    kind = presented.question.type
    if kind == "choice":
        return ChoiceAnswer(presented, parent)
    if kind == "truefalse":
        return TrueFalseAnswer(presented, parent)
    if kind == "order":
        return OrderAnswer(presented, parent)
    if kind == "match":
        return MatchAnswer(presented, parent)
    return TextAnswer(presented, parent)
