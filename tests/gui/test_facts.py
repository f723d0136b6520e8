"""The Facts tab: add, edit and delete facts; the user's version is kept; each links to its sentence."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from dushu.core.models import Fact, GlossaryEntry, Person

pytestmark = pytest.mark.gui

TEXT = "2021年11月，台積電宣布在熊本設廠。\n2024年2月，熊本工廠開幕。\n"


def _answer(monkeypatch: pytest.MonkeyPatch, record: Any) -> None:
    """Make the add/edit dialog return `record` as if the user had typed it."""
    from dushu.gui import facts_view

    monkeypatch.setattr(facts_view._RecordTab, "_dialog", lambda self, title, old: record)


def test_adding_a_fact_is_kept_for_the_document(monkeypatch: pytest.MonkeyPatch, make_window: Any) -> None:
    window = make_window()
    window.open_text("熊本", TEXT)
    fact = Fact(kind="event", text="熊本工廠開幕", sentence=1, date="2024-02", date_text="2024年2月")
    _answer(monkeypatch, fact)
    before = len(window.facts.timeline.records)
    window.facts.timeline._add_record()
    assert len(window.facts.timeline.records) == before + 1
    stored = window.library.annotations(window.doc_info.id)
    assert stored is not None
    assert any(f["text"] == "熊本工廠開幕" for f in stored["facts"])
    assert window.facts._restore.isVisibleTo(window.facts)
    # Opening the document again shows the user's version.
    window.open_sample()
    window.open_text("熊本", TEXT)
    assert any(f.text == "熊本工廠開幕" for f in window.facts.timeline.records)


def test_timeline_is_in_date_order(monkeypatch: pytest.MonkeyPatch, make_window: Any) -> None:
    window = make_window()
    window.open_text("熊本", TEXT)
    tab = window.facts.timeline
    tab.set_records([])
    for fact in (
        Fact(kind="event", text="後", sentence=1, date="2024-02"),
        Fact(kind="event", text="前", sentence=0, date="2021-11"),
    ):
        _answer(monkeypatch, fact)
        tab._add_record()
    assert [f.text for f in tab.records] == ["前", "後"]
    assert tab.model.index(0, 0).data() == "2021-11"
    assert tab.model.index(0, 3).data() == "前"


def test_the_timeline_shows_who_acted_the_summary_a_range_and_a_schedule(make_window: Any) -> None:
    window = make_window()
    text = "2031年5月1日\n青山書店將於5月6日至9日舉辦書展，並在6月公布得獎名單。\n"
    window.open_text("書展", text)
    tab = window.facts.timeline
    rows = [[tab.model.index(r, c).data() for c in range(4)] for r in range(tab.model.rowCount())]
    fair = next(row for row in rows if row[0].startswith("2031-05-06"))
    assert fair[0] == "2031-05-06 – 2031-05-09 · planned"
    assert fair[2] == "青山書店"
    prize = next(row for row in rows if row[0].startswith("2031-06"))
    assert prize[3].startswith("青山書店") and "並在" not in prize[3]  # the summary reads on its own
    window.tabs.setCurrentWidget(window.facts)
    window.facts.tabs.setCurrentWidget(tab)
    window.grab().save(str(Path(tempfile.gettempdir()) / "dushu-facts-timeline.png"))


def test_editing_and_deleting(monkeypatch: pytest.MonkeyPatch, make_window: Any) -> None:
    window = make_window()
    window.open_text("熊本", TEXT)
    tab = window.facts.glossary
    _answer(
        monkeypatch,
        GlossaryEntry(term="台灣積體電路製造", kind="organisation", sentence=0, abbreviation="台積電"),
    )
    tab._add_record()
    tab.table.selectRow(len(tab.records) - 1)
    edited = GlossaryEntry(term="台灣積體電路製造", kind="organisation", sentence=0, abbreviation="台積公司")
    _answer(monkeypatch, edited)
    tab._edit_record()
    assert edited in tab.records
    tab.table.selectRow(tab.records.index(edited))
    tab._delete_record()
    assert edited not in tab.records
    stored = window.library.annotations(window.doc_info.id)
    assert all(g["abbreviation"] != "台積公司" for g in stored["glossary"])


def test_show_in_the_text_selects_the_sentence(monkeypatch: pytest.MonkeyPatch, make_window: Any) -> None:
    window = make_window()
    window.open_text("熊本", TEXT)
    tab = window.facts.people
    _answer(monkeypatch, Person(name="魏哲家", mentions=1, sentences=(1,)))
    tab._add_record()
    tab.table.selectRow(next(i for i, p in enumerate(tab.records) if p.name == "魏哲家"))
    window.tabs.setCurrentWidget(window.facts)
    tab._show()
    assert window.tabs.currentWidget() is window.splitter
    token = window.reader.canvas.selected_token()
    assert window.reading.tokens[token].sentence == 1


def test_restoring_goes_back_to_what_the_text_says(monkeypatch: pytest.MonkeyPatch, make_window: Any) -> None:
    window = make_window()
    window.open_text("熊本", TEXT)
    found = list(window.facts.timeline.records)
    _answer(monkeypatch, Fact(kind="event", text="我加的", sentence=0, date="2020"))
    window.facts.timeline._add_record()
    window.facts.restoreRequested.emit()
    assert window.facts.timeline.records == sorted(
        found, key=lambda f: (0 if f.date else 1, f.date, f.sentence)
    )
    assert window.library.annotations(window.doc_info.id) is None


def test_the_record_dialog_builds_a_record(qtbot: Any) -> None:
    from dushu.gui.facts_view import RecordDialog, _RecordTab

    tab = _RecordTab("glossary")
    qtbot.addWidget(tab)
    dialog = RecordDialog("Add", tab._fields(), tab._blank(), 3, lambda i: f"sentence {i}")
    qtbot.addWidget(dialog)
    dialog._editors["term"].setText("跨太平洋夥伴全面進步協定")
    dialog._editors["abbreviation"].setText("CPTPP")
    dialog._editors["members"].setText("日本、加拿大, 澳洲")
    dialog._editors["sentence"].setValue(2)
    record = dialog.record()
    assert record == GlossaryEntry(
        term="跨太平洋夥伴全面進步協定",
        kind="term",
        sentence=1,
        abbreviation="CPTPP",
        members=("日本", "加拿大", "澳洲"),
    )
    assert dialog._sentence_preview.text() == "sentence 1"


def test_the_export_and_the_command_line_apply_the_same_edits(
    monkeypatch: pytest.MonkeyPatch, make_window: Any, shared_toolkit: Any
) -> None:
    from dushu.core import analyze
    from dushu.core.edits import apply_edits
    from dushu.storage.edits import saved_edits

    text = "2031年4月2日，河洛港務局宣布開放新航線。\n柯文遠局長說，兩港會擴大合作。\n"
    window = make_window()
    window.open_text("河洛港", text)
    added = Fact(kind="event", text="新航線啟用", sentence=0, date="2031-04", date_text="2031年4月")
    _answer(monkeypatch, added)
    window.facts.timeline._add_record()
    window.set_meaning("合作", "to team up (mine)")
    window.export()
    exported = window.export_dialog._analysis
    window.export_dialog.close()

    # What `dushu deck` does with the same text and the same library.
    headless = apply_edits(analyze(text, shared_toolkit), saved_edits(text))
    assert any(f.text == "新航線啟用" for f in exported.facts)
    assert exported.facts == headless.facts
    assert exported.glossary == headless.glossary and exported.people == headless.people
    assert exported.vocabulary == headless.vocabulary
    assert next(v for v in exported.vocabulary if v.word == "合作").definitions[0].meanings == (
        "to team up (mine)",
    )


def test_undated_rows_come_after_the_dated_ones_under_their_own_heading(
    monkeypatch: pytest.MonkeyPatch, make_window: Any
) -> None:
    window = make_window()
    window.open_text("熊本", TEXT)
    tab = window.facts.timeline
    tab.set_records(
        [
            Fact(kind="event", text="沒有日期", sentence=0),
            Fact(kind="event", text="後", sentence=1, date="2024-02"),
            Fact(kind="cause", text="也沒有日期", sentence=1),
            Fact(kind="event", text="前", sentence=0, date="2021-11"),
        ]
    )
    column = [tab.model.index(r, 3).data() for r in range(tab.model.rowCount())]
    assert column == ["前", "後", None, "沒有日期", "也沒有日期"]
    heading = tab.model.index(2, 0).data()
    assert heading.startswith("Not dated (2)")
    assert tab.table.columnSpan(2, 0) == 4
    assert not tab.model.flags(tab.model.index(2, 0)) & Qt.ItemFlag.ItemIsSelectable
    # A row below the heading is the record it shows: editing it changes that one.
    tab.table.selectRow(3)
    edited = Fact(kind="event", text="沒有日期（改）", sentence=0)
    _answer(monkeypatch, edited)
    tab._edit_record()
    assert edited in tab.records and not any(f.text == "沒有日期" for f in tab.records)
    tab.set_records([Fact(kind="event", text="前", sentence=0, date="2021-11")])
    assert tab.model.rowCount() == 1  # no heading without undated rows


def test_members_are_named_in_the_interface_language(make_window: Any) -> None:
    from dushu.gui.i18n import install_language

    window = make_window()
    window.open_text("聯盟", "去年美日兩國成立了海洋聯盟。\n由澳大利亞、新加坡組成的南方論壇今年開會。\n")
    tab = window.facts.glossary
    tab.set_records(
        [
            GlossaryEntry(term="海洋聯盟", kind="organisation", sentence=0, members=("US", "Japan")),
            GlossaryEntry(
                term="南方論壇", kind="organisation", sentence=1, members=("Australia", "Singapore")
            ),
        ]
    )
    assert tab.model.index(0, 4).data() == "US、Japan"
    try:
        assert install_language("zh_TW")
        tab.retranslate()
        assert tab.model.index(0, 4).data() == "美國、日本"
        assert tab.model.index(1, 4).data() == "澳大利亞、新加坡"  # as the text wrote it, not 澳洲
        assert install_language("zh_CN")
        tab.retranslate()
        assert tab.model.index(0, 4).data() == "美国、日本"
        assert tab.model.index(1, 4).data() == "澳大利亚、新加坡"
    finally:
        install_language("en")


def token_index(window: Any, text: str, nth: int = 0) -> int:
    """The index of the nth token whose text is `text`."""
    return [i for i, t in enumerate(window.reading.tokens) if t.text == text][nth]


def click_token(qtbot: Any, window: Any, index: int) -> None:
    """Click a word of the reader as a user would."""
    canvas = window.reader.canvas
    canvas.scroll_to_token(index)
    rect = canvas.token_rect(index)
    assert rect is not None
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())


MAYOR = "2031年4月2日，台北市長陳大同宣布新政策。陳市長表示，新政策下月實施。陳大同說，市民可以上網查詢。\n"


def test_the_people_list_and_the_word_panel_count_a_person_alike(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    window.open_text("市長", MAYOR)
    people = window.facts.people
    row = next(r for r in range(people.model.rowCount()) if people.model.index(r, 0).data() == "陳大同")
    listed = people.model.index(row, 3).data()
    assert listed == "3"  # twice in full, once as 陳市長
    # The segmenter splits the name (陳 / 大同): the panel still says whose name it is, and how often.
    click_token(qtbot, window, token_index(window, "大同"))
    assert "陳大同" in window.panel.facts_text() and f"mentioned {listed} times" in window.panel.facts_text()
    click_token(qtbot, window, token_index(window, "陳市長"))
    assert f"mentioned {listed} times" in window.panel.facts_text()


def test_a_person_added_by_hand_gets_the_mentions_the_text_has(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, make_window: Any
) -> None:
    window = make_window()
    window.open_text("讀書會", "小美昨天去了讀書會。\n大家都說小美讀得很快。\n")
    tab = window.facts.people
    _answer(monkeypatch, Person(name="小美", mentions=1, sentences=(0,)))
    tab._add_record()
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == "小美")
    assert tab.model.index(row, 3).data() == "2"
    # However the segmenter cut the name, its characters belong to the person.
    click_token(qtbot, window, window.reading.token_at(window.reading.analysis.text.rindex("小美")))
    assert "mentioned 2 times" in window.panel.facts_text()


def test_quiz_questions_on_a_row_open_the_editor_on_them(
    monkeypatch: pytest.MonkeyPatch, make_window: Any
) -> None:
    from dushu.gui.quiz_editor import QuizEditor

    window = make_window()
    window.open_text(
        "青禾圖書館",
        "2023年4月9日，青禾市市長林若安宣布新的圖書館開放。\n林若安說，圖書館每天開到晚上九點。\n",
    )
    seen: dict[str, Any] = {}

    def tick(self: QuizEditor, picker: Any) -> bool:
        seen["find"] = picker.filter_edit.text()
        shown = [item for item in picker.candidate_items() if not item.isHidden()]
        seen["shown"] = [picker._candidates[int(item.data(0, Qt.ItemDataRole.UserRole))] for item in shown]
        for item in shown[:1]:
            item.setCheckState(0, Qt.CheckState.Checked)
        return True

    monkeypatch.setattr(QuizEditor, "_run_picker", tick)
    people = window.facts.people
    window.tabs.setCurrentWidget(window.facts)
    people.table.selectRow(next(i for i, p in enumerate(people.records) if p.name == "林若安"))
    people._ask.click()
    assert window.tabs.currentWidget() is window.quiz_editor
    assert seen["find"] == "林若安"
    assert seen["shown"] and all(
        "林若安" in f"{q.prompt} {q.expected_text()} {q.source} {' '.join(q.choices)}" for q in seen["shown"]
    )
    assert [q.prompt for q in window.quiz_editor.questions()] == [seen["shown"][0].prompt]
    window.quiz_editor._ask = lambda _box: QMessageBox.StandardButton.Discard  # the window closes after
