"""The side panel of the reader: one word's readings, every definition, HSK, frequency and occurrences.

The sense the clicked sentence uses comes first, marked as such, when `dushu.core.senses` can tell it;
every definition is written for a learner (`learner_meaning`: no CC-CEDICT brackets or tone numbers).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dushu.core.facts.people import mention_spans
from dushu.core.models import Definition, Person, Script, is_han
from dushu.core.senses import Sense, learner_meaning, sense_in_context
from dushu.gui.document import ReadingDocument
from dushu.gui.reader import tone_colour
from dushu.storage.library import WordStatus

__all__ = ["WordPanel", "frequency_label", "hsk_label", "person_at"]

translate = QCoreApplication.translate

# At most this many other occurrences are listed (a novel may use a word thousands of times).
_MAX_OCCURRENCES = 200
_CONTEXT = 14  # characters of context on each side of an occurrence


def hsk_label(level: int | None) -> str:
    """ "HSK 3", "HSK 7–9" or "not in HSK"."""
    if level is None:
        return translate("WordPanel", "not in HSK")
    if level >= 7:
        return translate("WordPanel", "HSK 7–9")
    return translate("WordPanel", "HSK %1").replace("%1", str(level))


def frequency_label(zipf: float) -> str:
    """How common a word is, in words a learner understands (from the Zipf value)."""
    if zipf >= 5.5:
        return translate("WordPanel", "very common")
    if zipf >= 4.5:
        return translate("WordPanel", "common")
    if zipf >= 3.5:
        return translate("WordPanel", "less common")
    if zipf > 0:
        return translate("WordPanel", "rare")
    return translate("WordPanel", "not in the frequency list")


def _shown(meaning: str, definition: Definition, script: Script) -> str:
    """A meaning as the panel lists it: the dictionary's written for a learner, the user's as typed."""
    if definition.source == "user":
        return meaning
    # The panel lists every meaning in full: no length cut, as nothing else shows them.
    return learner_meaning(meaning, script, limit=10_000)


def person_at(doc: ReadingDocument, index: int) -> Person | None:
    """The person of the People list that token `index` names, or is part of the name of (陳 and
    大同 of 陳大同, the 高市 of 高市早苗, 李部長): found in its sentence with the same rules that
    counted the person's mentions (`mention_spans`)."""
    people = doc.analysis.people
    sentences = doc.analysis.sentences
    tok = doc.tokens[index]
    if not people or not tok.is_chinese or not 0 <= tok.sentence < len(sentences):
        return None
    sentence = sentences[tok.sentence]
    at = tok.start - sentence.start
    for start, end, name in mention_spans(sentence.text, people):
        if start <= at < end:
            return next((p for p in people if p.name == name), None)
    return None


class WordPanel(QWidget):
    """Shows the selected word; buttons ask the main window to change its status or the segmentation."""

    occurrenceActivated = Signal(int)  # token index
    statusRequested = Signal(int, str)  # token index, WordStatus value
    mergeRequested = Signal(int)
    splitRequested = Signal(int)
    editMeaningRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(280)
        self._doc: ReadingDocument | None = None
        self._token: int | None = None
        self._status = WordStatus.NEW
        self._last: tuple[str | None, tuple[Definition, ...]] = (None, ())

        self._word = QLabel(self)
        word_font = QFont(self.font())
        word_font.setPixelSize(40)
        self._word.setFont(word_font)
        self._word.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._other_form = QLabel(self)
        self._reading = QLabel(self)
        self._reading.setTextFormat(Qt.TextFormat.RichText)
        reading_font = QFont(self.font())
        reading_font.setPixelSize(18)
        self._reading.setFont(reading_font)
        self._facts = QLabel(self)
        self._facts.setWordWrap(True)
        self._facts.setTextFormat(Qt.TextFormat.PlainText)  # names come from the document

        self._deck = QPushButton(self)
        self._deck.setCheckable(True)
        self._known = QPushButton(self)
        self._known.setCheckable(True)
        self._deck.clicked.connect(self._toggle_deck)
        self._known.clicked.connect(self._toggle_known)

        self._definitions = QTextBrowser(self)
        self._definitions.setOpenLinks(False)
        self._occ_title = QLabel(self)
        self._occurrences = QTextBrowser(self)
        self._occurrences.setOpenLinks(False)
        self._occurrences.anchorClicked.connect(self._on_occurrence)

        self._merge = QPushButton(self)
        self._split = QPushButton(self)
        self._edit = QPushButton(self)
        self._merge.clicked.connect(lambda: self._token is not None and self.mergeRequested.emit(self._token))
        self._split.clicked.connect(lambda: self._token is not None and self.splitRequested.emit(self._token))
        self._edit.clicked.connect(
            lambda: self._token is not None and self.editMeaningRequested.emit(self._token)
        )

        self._empty = QLabel(self)
        self._empty.setWordWrap(True)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        status_row = QHBoxLayout()
        status_row.addWidget(self._deck)
        status_row.addWidget(self._known)
        fix_row = QGridLayout()
        fix_row.addWidget(self._merge, 0, 0)
        fix_row.addWidget(self._split, 0, 1)
        fix_row.addWidget(self._edit, 1, 0, 1, 2)

        self._content = QWidget(self)
        content = QVBoxLayout(self._content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addWidget(self._word)
        content.addWidget(self._other_form)
        content.addWidget(self._reading)
        content.addWidget(self._facts)
        content.addLayout(status_row)
        content.addWidget(self._definitions, 3)
        content.addWidget(self._occ_title)
        content.addWidget(self._occurrences, 2)
        content.addLayout(fix_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self._empty)
        layout.addWidget(self._content)
        self._retranslate()
        self.clear()

    # -- public API --------------------------------------------------------------------------------

    def clear(self) -> None:
        """Show the hint instead of a word."""
        self._doc = None
        self._token = None
        self._content.hide()
        self._empty.show()

    def token(self) -> int | None:
        """The token shown."""
        return self._token

    def facts_text(self) -> str:
        """The line under the reading: HSK, frequency, how often the word or person occurs."""
        return str(self._facts.text())

    def definitions_text(self) -> str:
        """The definitions as plain text (what the user reads; tests check it)."""
        return str(self._definitions.toPlainText())

    def show_word(
        self,
        doc: ReadingDocument,
        index: int,
        status: WordStatus,
        user_meaning: str | None = None,
        found: tuple[Definition, ...] = (),
    ) -> None:
        """Show the word at token `index` (`found`: what the dictionary says of a token that is not in
        the vocabulary, such as a number's units)."""
        self._doc = doc
        self._token = index
        self._status = status
        self._last = (user_meaning, found)
        tok = doc.tokens[index]
        item = doc.vocab_for(index)
        self._empty.hide()
        self._content.show()
        self._word.setText(tok.text)
        other = ""
        if item is not None:
            if item.traditional != tok.text:
                other = translate("WordPanel", "Traditional: %1").replace("%1", item.traditional)
            elif item.simplified != tok.text:
                other = translate("WordPanel", "Simplified: %1").replace("%1", item.simplified)
        self._other_form.setText(other)
        self._other_form.setVisible(bool(other))
        self._reading.setText(self._reading_html(tok.pinyin))

        parts: list[str] = []
        if item is not None:
            parts.append(hsk_label(item.hsk))
            parts.append(frequency_label(item.frequency))
        person = person_at(doc, index)
        if item is not None and (person is None or person.name != tok.text):
            # A person's name counts the person's mentions below, as the People list does.
            if item.count == 1:
                parts.append(translate("WordPanel", "once in this text"))
            else:
                parts.append(translate("WordPanel", "%1 times in this text").replace("%1", str(item.count)))
            if item.is_name and person is None:
                parts.insert(0, translate("WordPanel", "name"))
        if person is not None:
            if person.name == tok.text:
                line = translate("WordPanel", "a person, mentioned %2 times in this text")
                if person.mentions == 1:
                    line = translate("WordPanel", "a person, mentioned once in this text")
            else:
                line = translate("WordPanel", "part of the name %1, a person mentioned %2 times in this text")
                if person.mentions == 1:
                    line = translate("WordPanel", "part of the name %1, a person mentioned once in this text")
            parts.insert(0, line.replace("%1", person.name).replace("%2", str(person.mentions)))
        self._facts.setText(" · ".join(parts))
        self._facts.setVisible(bool(parts))

        definitions: tuple[Definition, ...] = item.definitions if item is not None else found
        sense = None
        if item is not None:
            tokens, at = doc.sentence_tokens(index)
            sense = sense_in_context(item, tokens, at, doc.analysis.script)
        self._definitions.setHtml(
            self._definitions_html(definitions, user_meaning, sense, doc.analysis.script)
        )
        self._show_occurrences(doc, index)

        has_item = item is not None
        self._deck.setEnabled(has_item)
        self._known.setEnabled(has_item)
        self._edit.setEnabled(has_item)
        self._update_status_buttons()
        nxt = index + 1
        self._merge.setEnabled(nxt < len(doc.tokens) and doc.tokens[nxt].is_chinese)
        self._split.setEnabled(sum(1 for ch in tok.text if is_han(ch)) > 1)

    def set_status(self, status: WordStatus) -> None:
        """Update the buttons after the status changed elsewhere."""
        self._status = status
        self._update_status_buttons()

    # -- rendering ---------------------------------------------------------------------------------

    def _reading_html(self, syllables: tuple[str, ...]) -> str:
        if not syllables:
            return ""
        from dushu.core.readings import to_zhuyin
        from dushu.core.sandhi import tone_of

        dark = self.palette().color(QPalette.ColorRole.Base).lightnessF() < 0.5
        coloured = " ".join(
            f'<span style="color:{tone_colour(tone_of(s), dark).name()}">{html.escape(s)}</span>'
            for s in syllables
        )
        zhuyin = html.escape(" ".join(to_zhuyin(s) for s in syllables))
        return f'{coloured}&nbsp;&nbsp;<span style="color:gray; font-size:small">{zhuyin}</span>'

    def _definitions_html(
        self,
        definitions: tuple[Definition, ...],
        user_meaning: str | None,
        sense: Sense | None = None,
        script: Script = Script.UNKNOWN,
    ) -> str:
        out: list[str] = []
        if user_meaning:
            heading = html.escape(translate("WordPanel", "Your meaning"))
            out.append(f"<p><b>{heading}:</b> {html.escape(user_meaning)}</p>")
        if sense is not None:
            heading = html.escape(translate("WordPanel", "In this sentence"))
            out.append(f"<p><b>{heading}:</b> {html.escape(sense.text)}</p>")
        if not definitions:
            missing = html.escape(translate("WordPanel", "No dictionary entry for this word."))
            out.append(f"<p><i>{missing}</i></p>")
        parts_heading_done = False
        for d in definitions:
            if d.source == "parts" and not parts_heading_done:
                note = translate("WordPanel", "Not in the dictionary as one word; its parts:")
                out.append(f"<p><i>{html.escape(note)}</i></p>")
                parts_heading_done = True
            label = ""
            if d.source == "names":
                name_list = html.escape(translate("WordPanel", "name list"))
                label = f' <span style="color:gray">({name_list})</span>'
            reading = f"<b>{html.escape(d.pinyin)}</b>{label}" if d.pinyin else label
            items = "".join(f"<li>{html.escape(_shown(m, d, script))}</li>" for m in d.meanings)
            out.append(f'<p style="margin-bottom:0">{reading}</p><ol style="margin-top:2px">{items}</ol>')
        return "".join(out)

    def _show_occurrences(self, doc: ReadingDocument, index: int) -> None:
        tok = doc.tokens[index]
        indexes = doc.occurrences.get(tok.text, [])
        others = [i for i in indexes if i != index]
        self._occ_title.setText(
            translate("WordPanel", "Other occurrences (%1)").replace("%1", str(len(others)))
        )
        text = doc.analysis.text
        rows: list[str] = []
        for i in others[:_MAX_OCCURRENCES]:
            t = doc.tokens[i]
            before = text[max(0, t.start - _CONTEXT) : t.start].replace("\n", " ")
            after = text[t.end : t.end + _CONTEXT].replace("\n", " ")
            rows.append(
                f'<p style="margin:3px 0"><a href="token:{i}" style="text-decoration:none">'
                f"…{html.escape(before)}<b>{html.escape(t.text)}</b>{html.escape(after)}…</a></p>"
            )
        if len(others) > _MAX_OCCURRENCES:
            more = translate("WordPanel", "and %1 more").replace("%1", str(len(others) - _MAX_OCCURRENCES))
            rows.append(f"<p><i>{html.escape(more)}</i></p>")
        if not others:
            only = html.escape(translate("WordPanel", "This is the only one."))
            rows.append(f"<p><i>{only}</i></p>")
        self._occurrences.setHtml("".join(rows))

    def _on_occurrence(self, url: QUrl) -> None:
        value = url.toString()
        if value.startswith("token:"):
            self.occurrenceActivated.emit(int(value.split(":", 1)[1]))

    # -- status buttons ----------------------------------------------------------------------------

    def _update_status_buttons(self) -> None:
        self._deck.setChecked(self._status is WordStatus.LEARNING)
        self._known.setChecked(self._status is WordStatus.KNOWN)
        self._deck.setText(
            translate("WordPanel", "✓ In your deck")
            if self._status is WordStatus.LEARNING
            else translate("WordPanel", "Add to deck")
        )
        self._known.setText(
            translate("WordPanel", "✓ Known")
            if self._status is WordStatus.KNOWN
            else translate("WordPanel", "I know this")
        )

    def _toggle_deck(self) -> None:
        if self._token is None:
            return
        status = WordStatus.NEW if self._status is WordStatus.LEARNING else WordStatus.LEARNING
        self.statusRequested.emit(self._token, str(status))

    def _toggle_known(self) -> None:
        if self._token is None:
            return
        status = WordStatus.NEW if self._status is WordStatus.KNOWN else WordStatus.KNOWN
        self.statusRequested.emit(self._token, str(status))

    # -- translation -------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self._empty.setText(
            translate(
                "WordPanel",
                "Click a word in the text to see its readings, every meaning and where else it appears.\n\n"
                "Arrow keys move from word to word.",
            )
        )
        self._deck.setToolTip(translate("WordPanel", "Words in your deck go into the Anki export (D)"))
        self._known.setToolTip(translate("WordPanel", "Known words are left out of the deck (K)"))
        self._merge.setText(translate("WordPanel", "Merge with next word"))
        self._merge.setToolTip(
            translate("WordPanel", "This word and the next are one word: keep them together from now on")
        )
        self._split.setText(translate("WordPanel", "Split word"))
        self._split.setToolTip(translate("WordPanel", "This is not one word: split it from now on"))
        self._edit.setText(translate("WordPanel", "Edit meaning…"))
        self._update_status_buttons()
        if self._doc is not None and self._token is not None:
            self.show_word(self._doc, self._token, self._status, *self._last)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
