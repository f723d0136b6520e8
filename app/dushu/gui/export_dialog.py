"""The export dialog: an Anki deck (what to include, deck name, known words skipped) or a CSV/TSV list."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dushu.core.models import Analysis
from dushu.errors import DushuError
from dushu.gui.tasks import Task, TaskRunner

__all__ = ["FORMATS", "ExportDialog", "export_analysis"]

translate = QCoreApplication.translate

# (format, file suffix)
FORMATS = (("apkg", ".apkg"), ("csv", ".csv"), ("tsv", ".tsv"))


def export_analysis(
    analysis: Analysis,
    learning: frozenset[str],
    known: frozenset[str],
    *,
    only_deck_words: bool,
    **options: Any,
) -> Any:
    """Run the Anki/CSV export for the GUI: only the deck's words, or all but the known ones."""
    from dushu.export.anki import export_deck

    if only_deck_words:
        chosen = tuple(item for item in analysis.vocabulary if item.simplified in learning)
        analysis = replace(analysis, vocabulary=chosen)
    return export_deck(analysis, known_words=known, **options)


class ExportDialog(QDialog):
    """Options, a file name, a progress bar; the export runs on the task runner."""

    exported = Signal(str)  # path written

    def __init__(
        self,
        analysis: Analysis,
        learning: frozenset[str],
        known: frozenset[str],
        runner: TaskRunner,
        folder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Export", "Export"))
        self.setMinimumWidth(560)
        self._analysis = analysis
        self._learning = learning
        self._known = known
        self._runner = runner
        self._task: Task | None = None
        self.last_summary: Any = None

        from dushu.export.anki import default_deck_name

        self.deck_name = QLineEdit(default_deck_name(analysis), self)
        self.format = QComboBox(self)
        self.format.addItem(translate("Export", "Anki deck (.apkg)"), "apkg")
        self.format.addItem(translate("Export", "Spreadsheet (.csv)"), "csv")
        self.format.addItem(translate("Export", "Word list for Pleco (.tsv)"), "tsv")
        self.format.currentIndexChanged.connect(self._format_changed)

        self.include_vocab = QCheckBox(translate("Export", "Vocabulary cards (word ↔ meaning)"), self)
        self.include_facts = QCheckBox(translate("Export", "Fact cards (dates, terms, people)"), self)
        self.include_cloze = QCheckBox(translate("Export", "Fill-in-the-blank sentences"), self)
        for box in (self.include_vocab, self.include_facts, self.include_cloze):
            box.setChecked(True)

        deck_words = sum(1 for item in analysis.vocabulary if item.simplified in learning)
        known_words = sum(1 for item in analysis.vocabulary if item.simplified in known)
        self.only_deck = QRadioButton(
            translate("Export", "Only the words I added to my deck (%1)").replace("%1", str(deck_words)), self
        )
        self.all_words = QRadioButton(
            translate("Export", "Every word except the ones I know (%1 known words skipped)").replace(
                "%1", str(known_words)
            ),
            self,
        )
        group = QButtonGroup(self)
        group.addButton(self.only_deck)
        group.addButton(self.all_words)
        (self.only_deck if deck_words else self.all_words).setChecked(True)

        self.min_hsk = QComboBox(self)
        self.min_hsk.addItem(translate("Export", "keep every level"), None)
        below = translate("Export", "skip words below HSK %1")
        for level in range(2, 7):
            self.min_hsk.addItem(below.replace("%1", str(level)), level)
        self.min_hsk.addItem(translate("Export", "only HSK 7–9 and unlisted words"), 7)

        start_dir = folder if folder and os.path.isdir(folder) else str(Path.home())
        file_name = _safe_file_name(self.deck_name.text()) + ".apkg"
        self.path = QLineEdit(str(Path(start_dir) / file_name), self)
        browse = QPushButton(translate("Export", "Choose…"), self)
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            translate("Export", "Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self._close_or_cancel)

        form = QFormLayout()
        form.addRow(translate("Export", "Format:"), self.format)
        form.addRow(translate("Export", "Deck name:"), self.deck_name)
        form.addRow(translate("Export", "Save as:"), path_row)
        include = QGroupBox(translate("Export", "Include"), self)
        inc = QVBoxLayout(include)
        for box in (self.include_vocab, self.include_facts, self.include_cloze):
            inc.addWidget(box)
        words = QGroupBox(translate("Export", "Words"), self)
        wl = QVBoxLayout(words)
        wl.addWidget(self.only_deck)
        wl.addWidget(self.all_words)
        hsk_row = QHBoxLayout()
        hsk_row.addWidget(QLabel(translate("Export", "HSK levels:"), self))
        hsk_row.addWidget(self.min_hsk, 1)
        wl.addLayout(hsk_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(include)
        layout.addWidget(words)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    # -- options -----------------------------------------------------------------------------------

    def fmt(self) -> str:
        """The chosen format: "apkg", "csv" or "tsv"."""
        return str(self.format.currentData())

    def _format_changed(self) -> None:
        fmt = self.fmt()
        suffix = dict(FORMATS)[fmt]
        current = Path(self.path.text())
        self.path.setText(str(current.with_suffix(suffix)))
        anki = fmt == "apkg"
        self.deck_name.setEnabled(fmt != "csv")
        self.include_facts.setEnabled(fmt != "tsv")
        self.include_cloze.setEnabled(fmt != "tsv")
        self.export_button.setText(translate("Export", "Export") if anki else translate("Export", "Save"))

    def _browse(self) -> None:
        fmt = self.fmt()
        filters = {
            "apkg": translate("Export", "Anki packages (*.apkg)"),
            "csv": translate("Export", "CSV files (*.csv)"),
            "tsv": translate("Export", "Tab-separated files (*.tsv *.txt)"),
        }
        title = translate("Export", "Save as")
        path, _ = QFileDialog.getSaveFileName(self, title, self.path.text(), filters[fmt])
        if path:
            suffix = dict(FORMATS)[fmt]
            self.path.setText(path if Path(path).suffix else path + suffix)

    def options(self) -> dict[str, Any]:
        """The keyword arguments for export_analysis."""
        boxes = (("vocab", self.include_vocab), ("facts", self.include_facts), ("cloze", self.include_cloze))
        include = [name for name, box in boxes if box.isChecked() and box.isEnabled()]
        return {
            "path": self.path.text().strip(),
            "deck_name": self.deck_name.text().strip() or None,
            "include": tuple(include),
            "min_hsk": self.min_hsk.currentData(),
            "fmt": self.fmt(),
            "only_deck_words": self.only_deck.isChecked(),
        }

    # -- running -----------------------------------------------------------------------------------

    def start(self) -> None:
        """Check the options and run the export in the background."""
        opts = self.options()
        if not opts["path"]:
            self._fail(translate("Export", "Choose where to save the export."))
            return
        if not opts["include"]:
            self._fail(translate("Export", "Choose at least one kind of card to include."))
            return
        deck_is_empty = not any(item.simplified in self._learning for item in self._analysis.vocabulary)
        if opts["only_deck_words"] and deck_is_empty and opts["include"] == ("vocab",):
            self._fail(
                translate(
                    "Export",
                    "Your deck has no words from this text yet. Add words with “Add to deck”, "
                    "or choose every word except the known ones.",
                )
            )
            return
        path = Path(opts["path"]).expanduser()
        if path.exists() and path.is_dir():
            self._fail(translate("Export", "That is a folder; give a file name."))
            return
        self.progress.setValue(0)
        self.progress.show()
        self.message.setText(translate("Export", "Exporting…"))
        self.export_button.setEnabled(False)
        self.close_button.setText(translate("Export", "Cancel"))
        analysis, learning, known = self._analysis, self._learning, self._known

        def job(task: Task) -> Any:
            return export_analysis(
                analysis,
                learning,
                known,
                only_deck_words=opts["only_deck_words"],
                path=path,
                deck_name=opts["deck_name"],
                include=opts["include"],
                min_hsk=opts["min_hsk"],
                fmt=opts["fmt"],
                progress=task.progress,
                cancel=task.cancelled,
            )

        self._task = self._runner.run("export", job, self._done, self._error, self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(100 * done / total) if total else 0)

    def _done(self, summary: Any) -> None:
        self._task = None
        self.last_summary = summary
        self.progress.setValue(100)
        self.export_button.setEnabled(True)
        self.close_button.setText(translate("Export", "Close"))
        notes = getattr(summary, "notes", 0)
        path = str(getattr(summary, "path", self.path.text()))
        text = translate("Export", "Saved %1 notes to %2.").replace("%1", str(notes)).replace("%2", path)
        skipped = getattr(summary, "skipped_known", 0)
        if skipped:
            text += " " + translate("Export", "%1 known words were left out.").replace("%1", str(skipped))
        self.message.setText(text)
        self.exported.emit(path)

    def _error(self, exc: BaseException) -> None:
        self._task = None
        self.export_button.setEnabled(True)
        self.close_button.setText(translate("Export", "Close"))
        self.progress.hide()
        if isinstance(exc, DushuError):
            text = str(exc)
            self._fail(text[:1].upper() + text[1:])
        else:
            failed = translate("Export", "The export failed: %1")
            self._fail(failed.replace("%1", f"{type(exc).__name__}: {exc}"))

    def _fail(self, message: str) -> None:
        self.message.setText(f'<span style="color:#c92a2a">{_escape(message)}</span>')

    def _close_or_cancel(self) -> None:
        if self._task is not None and not self._task.finished:
            self._task.cancel()
            self._task = None
            self.progress.hide()
            self.export_button.setEnabled(True)
            self.close_button.setText(translate("Export", "Close"))
            self.message.setText(translate("Export", "Export cancelled; nothing was written."))
            return
        self.reject()

    def reject(self) -> None:
        if self._task is not None:
            self._task.cancel()
        super().reject()


def _escape(text: str) -> str:
    import html

    return html.escape(text)


def _safe_file_name(name: str) -> str:
    cleaned = "".join("_" if ch in '\\/:*?"<>|' else ch for ch in name).strip(" .")
    return cleaned[:80] or "dushu"
