"""The "Add from the text…" picker: the open document's questions, grouped by what they ask, to tick.

The candidates are `dushu.core.quiz.generate.candidate_questions` of the analysis: the same questions
a generated set picks from, so a picked question is worded as the generator words it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dushu.core.quiz.model import Question
from dushu.gui.question_form import type_label

__all__ = ["GROUPS", "QuestionPicker", "group_of", "question_preview"]

# What a candidate asks about, by its first tag (core.quiz.generate tags every question it words).
GROUPS = ("facts", "terms", "people", "vocabulary")
_GROUP_OF_TAG = {
    "event": "facts",
    "cause": "facts",
    "term": "terms",
    "person": "people",
    "vocabulary": "vocabulary",
}


def group_of(q: Question) -> str:
    """The group a candidate is listed under: facts (events, causes), terms, people or vocabulary."""
    for tag in q.tags:
        if tag in _GROUP_OF_TAG:
            return _GROUP_OF_TAG[tag]
    return "facts"


def _group_label(group: str) -> str:
    return {
        "facts": QCoreApplication.translate("QuizEditor", "Facts and events"),
        "terms": QCoreApplication.translate("QuizEditor", "Terms and abbreviations"),
        "people": QCoreApplication.translate("QuizEditor", "People"),
        "vocabulary": QCoreApplication.translate("QuizEditor", "Vocabulary"),
    }[group]


def question_preview(q: Question) -> str:
    """A question written out as plain text: prompt, options with the right one marked, answer, why."""
    lines = [f"[{type_label(q.type)}]", q.prompt, ""]
    if q.type == "choice":
        lines += [f"{'✓' if i == q.answer else '  '} {chr(65 + i)}. {c}" for i, c in enumerate(q.choices)]
    elif q.type == "order":
        lines += [f"{i}. {item}" for i, item in enumerate(q.items, start=1)]
    elif q.type == "match":
        lines += [f"{a} = {b}" for a, b in q.pairs]
    else:
        lines.append(
            QCoreApplication.translate("QuizEditor", "Answer: {0}").format(
                " / ".join(q.accepted) or q.expected_text()
            )
        )
    if q.explanation:
        lines += ["", QCoreApplication.translate("QuizEditor", "Why: {0}").format(q.explanation)]
    if q.source:
        lines += ["", QCoreApplication.translate("QuizEditor", "From the text: {0}").format(q.source)]
    return "\n".join(lines)


def _one_line(text: str, limit: int = 80) -> str:
    """A prompt on one row: generated prompts open with the same instruction (根據文章…) and then
    quote the text, so the quoted part, which tells them apart, comes first."""
    # ASCII underscores sink below a tree row's clip; a full-width line stays visible.
    lines = [" ".join(line.replace("____", "＿＿＿").split()) for line in text.splitlines() if line.strip()]
    flat = " · ".join([*lines[1:], lines[0]]) if len(lines) > 1 else (lines[0] if lines else "")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class QuestionPicker(QDialog):
    """Tick candidates (grouped, with a preview of the one selected); `chosen()` gives them in order."""

    def __init__(
        self, candidates: Sequence[Question], already: Sequence[Question] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add questions from the text"))
        self.resize(900, 560)
        self._candidates = list(candidates)
        taken = {(q.type, q.prompt) for q in already}
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Tick the questions to add. They are grouped by what they ask; select one to see it "
                "with its answer. Questions already in the set are greyed out."
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(
            self.tr("Find questions: a word of the question, its answer or its sentence")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.set_filter)
        lay.addWidget(self.filter_edit)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.tree = QTreeWidget(split)
        self.tree.setHeaderLabels([self.tr("Question"), self.tr("Answer"), self.tr("Type")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 150)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setUniformRowHeights(True)
        self.preview = QPlainTextEdit(split)
        self.preview.setReadOnly(True)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)
        self._items: list[QTreeWidgetItem] = []
        self.group_items: dict[str, QTreeWidgetItem] = {}
        for group in GROUPS:
            members = [(i, q) for i, q in enumerate(self._candidates) if group_of(q) == group]
            if not members:
                continue
            top = QTreeWidgetItem(self.tree, [f"{_group_label(group)} ({len(members)})"])
            # Not Qt's auto-tristate: a group's box ticks only the questions the find box shows.
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            top.setCheckState(0, Qt.CheckState.Unchecked)
            self.group_items[group] = top
            for i, q in members:
                item = QTreeWidgetItem(
                    top, [_one_line(q.prompt), _one_line(q.expected_text(), 30), type_label(q.type)]
                )
                item.setData(0, Qt.ItemDataRole.UserRole, i)
                item.setToolTip(0, q.prompt)
                if (q.type, q.prompt) in taken:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                    item.setToolTip(0, self.tr("Already in the set"))
                else:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(0, Qt.CheckState.Unchecked)
                self._items.append(item)
            top.setExpanded(True)
        self.tree.currentItemChanged.connect(self._show_preview)
        self._syncing = False
        self.tree.itemChanged.connect(self._item_changed)

        buttons = QDialogButtonBox(self)
        self.add_button = QPushButton(self)
        self.add_button.setDefault(True)
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        self.count_label = QLabel(self)
        row.addWidget(self.count_label, 1)
        row.addWidget(buttons)
        lay.addLayout(row)
        if self._items:
            self.tree.setCurrentItem(self._items[0])
        self._count_changed()

    def set_filter(self, text: str) -> None:
        """Show only the candidates whose question, answer or source sentence has `text` (any case);
        ticked ones stay ticked while hidden."""
        needle = text.strip().lower()
        for item in self._items:
            q = self._candidates[int(item.data(0, Qt.ItemDataRole.UserRole))]
            haystack = f"{q.prompt}\n{q.expected_text()}\n{q.source}\n{' '.join(q.choices)}".lower()
            item.setHidden(bool(needle) and needle not in haystack)
        for top in self.group_items.values():
            children = [top.child(k) for k in range(top.childCount())]
            top.setHidden(all(child is None or child.isHidden() for child in children))

    def candidate_items(self) -> list[QTreeWidgetItem]:
        """The rows of the candidates, group by group (tests tick them as a user would)."""
        return list(self._items)

    def chosen(self) -> list[Question]:
        """The ticked questions, in the order of the text."""
        picked = [
            int(item.data(0, Qt.ItemDataRole.UserRole))
            for item in self._items
            if item.flags() & Qt.ItemFlag.ItemIsEnabled and item.checkState(0) == Qt.CheckState.Checked
        ]
        return [self._candidates[i] for i in sorted(picked)]

    def _show_preview(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        index = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if index is None:
            self.preview.setPlainText(self.tr("Select a question to see it with its answer."))
            return
        self.preview.setPlainText(question_preview(self._candidates[int(index)]))

    def _item_changed(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            if item.parent() is None:  # a group's box: its shown, enabled questions follow it
                state = item.checkState(0)
                if state == Qt.CheckState.PartiallyChecked:
                    state = Qt.CheckState.Checked
                for child in self._children(item):
                    if not child.isHidden() and child.flags() & Qt.ItemFlag.ItemIsEnabled:
                        child.setCheckState(0, state)
                self._sync_group(item)
            else:
                parent = item.parent()
                if parent is not None:
                    self._sync_group(parent)
        finally:
            self._syncing = False
        self._count_changed()

    @staticmethod
    def _children(top: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        return [c for c in (top.child(k) for k in range(top.childCount())) if c is not None]

    def _sync_group(self, top: QTreeWidgetItem) -> None:
        """A group's box says whether none, some or all of its questions are ticked."""
        states = [c.checkState(0) for c in self._children(top) if c.flags() & Qt.ItemFlag.ItemIsEnabled]
        ticked = sum(1 for st in states if st == Qt.CheckState.Checked)
        top.setCheckState(
            0,
            Qt.CheckState.Unchecked
            if not ticked
            else Qt.CheckState.Checked
            if ticked == len(states)
            else Qt.CheckState.PartiallyChecked,
        )

    def _count_changed(self, *_args: object) -> None:
        n = len(self.chosen())
        self.add_button.setText(self.tr("Add %n question(s)", "", n))
        self.add_button.setEnabled(n > 0)
        self.count_label.setText(self.tr("%n question(s) the text can give", "", len(self._candidates)))
