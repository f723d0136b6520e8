"""The Settings dialog: reading style, tone colours, tone sandhi, font and interface language."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dushu.gui.fonts import cjk_families
from dushu.gui.i18n import LANGUAGES
from dushu.gui.reader import ReadingStyle
from dushu.gui.settings import MAX_FONT_SIZE, MIN_FONT_SIZE, AppSettings

__all__ = ["SettingsDialog", "reading_style_label"]

translate = QCoreApplication.translate


def reading_style_label(style: ReadingStyle) -> str:
    """How a reading style is named in menus."""
    return {
        ReadingStyle.PINYIN: translate("Settings", "Pinyin"),
        ReadingStyle.NUMBERS: translate("Settings", "Pinyin with tone numbers"),
        ReadingStyle.ZHUYIN: translate("Settings", "Zhuyin (bopomofo)"),
        ReadingStyle.NONE: translate("Settings", "No readings"),
    }[style]


class SettingsDialog(QDialog):
    """Edits an AppSettings: `settingsChanged` tells of every change as the user makes it (the
    window applies it at once), and `settings()` returns the settings as they stand."""

    settingsChanged = Signal(object)  # AppSettings

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Settings", "Settings"))
        self._initial = settings
        self.reading_style = QComboBox(self)
        for style in ReadingStyle:
            self.reading_style.addItem(reading_style_label(style), str(style))
        self.reading_style.setCurrentIndex(list(ReadingStyle).index(settings.reading_style))
        self.tone_colours = QCheckBox(translate("Settings", "Colour each syllable by its tone"), self)
        self.tone_colours.setChecked(settings.tone_colours)
        sandhi = translate("Settings", "Show tone changes in speech (一, 不, third tones)")
        self.sandhi = QCheckBox(sandhi, self)
        self.sandhi.setChecked(settings.sandhi)
        self.sandhi.setToolTip(
            translate(
                "Settings",
                "Readings show how the words are said (一個 yí gè, 你好 ní hǎo); "
                "the dictionary and your cards keep the written tones.",
            )
        )
        self.font_family = QComboBox(self)
        self.font_family.addItem(translate("Settings", "Automatic (best Chinese font)"), "")
        for family in sorted(cjk_families()):
            self.font_family.addItem(family, family)
        at = self.font_family.findData(settings.font_family)
        self.font_family.setCurrentIndex(max(0, at))
        self.font_size = QSpinBox(self)
        self.font_size.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.font_size.setSuffix(" px")
        self.font_size.setValue(settings.font_size)
        self.language = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language.addItem(name or translate("Settings", "Same as the system"), code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        form = QFormLayout()
        form.addRow(translate("Settings", "Readings above the text:"), self.reading_style)
        form.addRow("", self.tone_colours)
        form.addRow("", self.sandhi)
        form.addRow(translate("Settings", "Chinese font:"), self.font_family)
        form.addRow(translate("Settings", "Text size:"), self.font_size)
        form.addRow(translate("Settings", "Interface language:"), self.language)
        note = QLabel(translate("Settings", "Changes apply at once and are remembered."), self)
        note.setWordWrap(True)
        # Every change is already applied and saved: there is nothing to confirm or cancel.
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.accept)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        for combo in (self.reading_style, self.font_family, self.language):
            combo.currentIndexChanged.connect(self._changed)
        self.tone_colours.toggled.connect(self._changed)
        self.sandhi.toggled.connect(self._changed)
        self.font_size.valueChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _changed(self, *_: object) -> None:
        self.settingsChanged.emit(self.settings())

    def settings(self) -> AppSettings:
        """The settings as edited."""
        return replace(
            self._initial,
            reading_style=ReadingStyle(self.reading_style.currentData()),
            tone_colours=self.tone_colours.isChecked(),
            sandhi=self.sandhi.isChecked(),
            font_family=str(self.font_family.currentData() or ""),
            font_size=self.font_size.value(),
            language=str(self.language.currentData()),
        )
