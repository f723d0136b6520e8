"""Save a screenshot of every view of the desktop app to docs/screenshots/ (offscreen, no display needed).

    python benchmarks/screenshots.py [--out docs/screenshots] [--language en]

The app runs on a throw-away library in a temporary folder (the dictionary index cache of the user is
reused so that nothing is rebuilt); it opens the bundled sample, marks a few words, and grabs each view.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    """Write the screenshots and print their paths."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=820)
    args = parser.parse_args(argv)

    from dushu.storage.paths import cache_dir

    real_cache = cache_dir()
    home = Path(tempfile.mkdtemp(prefix="dushu-shots-"))
    (home / "cache").symlink_to(real_cache, target_is_directory=True)
    os.environ["DUSHU_HOME"] = str(home)

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from dushu.gui.app import create_application
    from dushu.gui.i18n import install_language
    from dushu.gui.main_window import MainWindow
    from dushu.gui.reader import ReadingStyle
    from dushu.gui.settings_dialog import SettingsDialog
    from dushu.gui.tasks import SyncTaskRunner
    from dushu.storage.library import WordStatus, open_library

    app = create_application(["dushu"])
    library, _ = open_library()
    window = MainWindow(library, SyncTaskRunner())
    window.resize(args.width, args.height)
    window.show()
    started = time.perf_counter()
    window.start(None)  # the sample text, as on a first start
    print(f"sample opened in {time.perf_counter() - started:.2f} s", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def settle() -> None:
        for _ in range(3):
            QApplication.processEvents()

    def shot(name: str, widget: object | None = None) -> None:
        settle()
        target = args.out / f"{name}.png"
        (widget or window).grab().save(str(target))  # type: ignore[attr-defined]
        written.append(target)

    reading = window.reading
    assert reading is not None
    sample = reading
    sample_doc = (window.doc_info.id, window.doc_info.title) if window.doc_info is not None else (None, "")
    words = {t.text: i for i, t in reversed(list(enumerate(reading.tokens)))}
    window.set_status(["的", "是", "在", "和", "有", "年", "月", "日"], WordStatus.KNOWN)
    window.set_status(["供应链", "半导体", "分流", "关税"], WordStatus.LEARNING)
    window.reader.canvas.select_token(words.get("供應鏈", 0))
    shot("reader-pinyin")

    window.set_reading_style(ReadingStyle.ZHUYIN)
    window.reader.canvas.select_token(words.get("半導體", 0))
    shot("reader-zhuyin")
    window.set_reading_style(ReadingStyle.PINYIN)

    window.tabs.setCurrentWidget(window.vocabulary)
    window.vocabulary.set_filters(hide_known=True)
    window.vocabulary.select_words(["分流"])
    shot("vocabulary")
    window.vocabulary.set_filters(hide_known=False)

    window.tabs.setCurrentWidget(window.facts)
    shot("facts-timeline")
    window.facts.tabs.setCurrentWidget(window.facts.glossary)
    shot("facts-glossary")
    window.facts.tabs.setCurrentWidget(window.facts.people)
    shot("facts-people")
    window.facts.tabs.setCurrentWidget(window.facts.timeline)

    written += quiz_screenshots(args.out, window)

    window.open_text("短文：學中文", "我們每天學一點中文。\n讀書不難，難的是每天都讀。\n")
    window.open_document(library.documents()[-1].id)
    window.tabs.setCurrentWidget(window.library_view)
    shot("library")

    window.tabs.setCurrentWidget(window.splitter)
    window.export()
    shot("export", window.export_dialog)
    window.export_dialog.close()

    dialog = SettingsDialog(window.settings, window)
    dialog.show()
    shot("settings", dialog)
    dialog.close()

    for language, name in (("zh_TW", "reader-zh_TW"), ("zh_CN", "reader-zh_CN")):
        install_language(language)
        QCoreApplication.processEvents()
        window.reader.canvas.select_token(words.get("分流", 0))
        shot(name)
    install_language("en")
    settle()

    # What a learner sees while a text is being read in (the first start builds the index too).
    label = "Reading “晶片戰爭下的供應鏈大分流”…"
    window.reader.set_document(None)
    window.panel.clear()
    window.reader.canvas.set_placeholder(f"{label}\n45%")
    window._begin_progress("document", label)
    window._update_progress("document", 45, 100, label)
    shot("loading")

    if sample is not None:
        if sample_doc[0] is not None:
            window.open_document(sample_doc[0])
        written.extend(review_screens(window, args.out))

    written += quiz_editor_screenshots(args.out, window)

    window.close()
    library.close()
    app.processEvents()
    for path in written:
        print(path)
    return 0


# ------------------------------------------------------------------------------------- the quiz tab


def quiz_screenshots(out: Path, window: Any) -> list[Path]:
    """Save the window's Quiz tab (chooser, a question of each type, feedback, the summary after the
    time ran out, and a set's results with a chart) to `out`/quiz-*.png; returns the paths.

    A bundled set is taken with a fake clock, so the countdown and the stored attempts look like a
    learner's week; the window's own clock is put back afterwards.
    """
    from dataclasses import replace
    from datetime import datetime, timedelta

    from PySide6.QtWidgets import QApplication

    from dushu.core.quiz.quizfile import loads_quiz_set
    from dushu.gui.quiz_view import QuizView, bundled_sets
    from dushu.gui.quiz_widgets import MatchAnswer, OrderAnswer, TextAnswer

    now = [datetime.now().astimezone() - timedelta(days=6)]
    view = window.quiz
    assert isinstance(view, QuizView)
    own_clock = view.clock
    view.clock = lambda: now[0]
    window.tabs.setCurrentWidget(view)
    view.name_edit.setText("陳小文")
    analysis = window.controller.base_analysis
    written: list[Path] = []

    def shot(name: str) -> None:
        for _ in range(3):
            QApplication.processEvents()
        target = out / f"quiz-{name}.png"
        window.grab().save(str(target))
        written.append(target)

    shot("chooser")
    name, text = bundled_sets()[0]
    qs = loads_quiz_set(text, name)
    qs = replace(qs, settings=replace(qs.settings, shuffle_questions=False, shuffle_choices=False))
    firsts = []
    for kind in ("choice", "truefalse", "cloze", "short", "order", "match"):
        firsts += [q for q in qs.questions if q.type == kind][:1]
    one_each = replace(qs, questions=tuple(firsts))
    view.start_quiz_set(one_each, None)
    session = view.session
    assert session is not None
    for i, q in enumerate(firsts):
        now[0] += timedelta(seconds=50)
        view.tick()
        shot(f"question-{q.type}")
        answer = view._answer
        if q.type == "choice":
            assert isinstance(q.answer, int)
            view._answer.pick(list(view.session.question(i).option_index).index(q.answer))  # type: ignore[union-attr]
            view.submit()
            shot("feedback-right")
        elif q.type == "truefalse":
            view._answer.set_response(not q.answer)  # type: ignore[union-attr]
            view.submit()
            shot("feedback-wrong")
        elif isinstance(answer, TextAnswer):
            answer.edit.setText(q.accepted[0] if q.type == "cloze" else "")
            if answer.response() is None:
                view.skip()
            else:
                view.submit()
        elif isinstance(answer, OrderAnswer):
            answer.list.setCurrentRow(answer.list.count() - 1)
            answer.move_current(-1)
            shot("question-order-moved")
            view.submit()
        elif isinstance(answer, MatchAnswer):
            answer.pair_current(1)
            shot("question-match-paired")
            view.submit()
        if i < len(firsts) - 1:
            view.submit()  # next question
    view.submit()  # the summary
    view.summary_table.selectRow(1)
    shot("summary")

    # A timed attempt that runs out, then a few earlier attempts for the chart.
    timed = replace(one_each, settings=replace(one_each.settings, time_limit_minutes=2, feedback="end"))
    view.start_quiz_set(timed, None)
    now[0] += timedelta(minutes=1, seconds=45)
    view.tick()
    shot("countdown")
    now[0] += timedelta(seconds=20)
    view.tick()
    shot("time-up")
    # Four more days: the learner gets better (each day one more kind of question right).
    kinds = ["choice", "truefalse", "cloze", "short", "order", "match"]
    for day in range(4):
        now[0] += timedelta(days=1)
        view.start_quiz_set(one_each, None)
        for i in range(view.session.count):  # type: ignore[union-attr]
            now[0] += timedelta(seconds=40 - 5 * day)
            q = view.session.question(i).question  # type: ignore[union-attr]
            if kinds.index(q.type) <= day + 1:
                view._answer.set_response(  # type: ignore[union-attr]
                    q.answer if q.type in ("choice", "truefalse")
                    else q.accepted[0] if q.type in ("cloze", "short")
                    else list(q.items) if q.type == "order"
                    else dict(q.pairs)
                )
            if view._answer.response() is None:  # type: ignore[union-attr]
                view.skip()
            else:
                view.submit()
            view.submit()
    view.show_results(view.session.set_key)  # type: ignore[union-attr]
    shot("results")
    if analysis is not None:  # a set made from the open document (left unfinished: not kept)
        view.back_to_chooser()
        view.count_spin.setValue(8)
        view.generate()
        shot("generated")
        from PySide6.QtWidgets import QMessageBox

        asked = QMessageBox.question
        QMessageBox.question = lambda *_a, **_k: QMessageBox.StandardButton.Yes  # type: ignore[assignment]
        view.back_to_chooser()  # "End the quiz?": yes (a real learner would be asked)
        QMessageBox.question = asked  # type: ignore[method-assign]
    view.clock = own_clock
    return written


def review_screens(window: Any, out: Path) -> list[Path]:
    """The window's Review tab: its overview, a word's front and back, a fact's back and the charts
    after a few weeks of reviews, saved as review-*.png in `out`. The library gets the open document's
    facts, a few deck words and three weeks of invented reviews (a throw-away library)."""
    from datetime import UTC, datetime, timedelta

    from PySide6.QtWidgets import QApplication

    from dushu.core.review import Rating, grade
    from dushu.gui.review_view import ReviewView
    from dushu.storage.library import Library, WordStatus

    library = window.library
    assert isinstance(library, Library)
    analysis = window.controller.base_analysis
    start = datetime.now(UTC) - timedelta(days=20)
    clock = [start]
    view = window.review
    assert isinstance(view, ReviewView)
    own_clock = view._clock
    view._clock = lambda: clock[0]
    window.tabs.setCurrentWidget(view)
    written: list[Path] = []

    def shot(name: str) -> None:
        for _ in range(3):
            QApplication.processEvents()
        target = out / f"review-{name}.png"
        window.grab().save(str(target))
        written.append(target)

    view.refresh()
    shot("empty")
    words = [v.simplified for v in analysis.vocabulary if len(v.word) >= 2][:12]
    window.set_status(words, WordStatus.LEARNING)
    view.add_document_facts()
    # Twenty days of reviews, mostly remembered, so that the charts have something to show.
    grades = (Rating.Good, Rating.Good, Rating.Again, Rating.Easy, Rating.Good, Rating.Hard)
    for day in range(20):
        clock[0] = start + timedelta(days=day, hours=9)
        for n, item in enumerate(library.due_review_items(clock[0], limit=8)):
            card, log = grade(item.card, grades[(day + n) % len(grades)], clock[0])
            library.record_review(item.key, card, log)
    clock[0] = datetime.now(UTC) + timedelta(days=1)
    view.refresh()
    shot("overview")
    view.start_review()

    def kind() -> str:
        current = view.current_item()
        return current.kind if current is not None else ""

    while kind() == "fact":  # a word first
        view.show_answer()
        view.grade(Rating.Good)
    shot("front")
    view.show_answer()
    shot("answer")
    while kind() == "word":
        view.grade(Rating.Good)
        view.show_answer()
    if kind() == "fact":
        view.show_answer()
        shot("fact-answer")
    view.end_review()
    for _ in range(3):
        QApplication.processEvents()
    target = out / "review-charts.png"
    view.charts.grab().save(str(target))
    written.append(target)
    view._clock = own_clock
    return written


def quiz_editor_screenshots(out: Path, window: Any) -> list[Path]:
    """The window's Quiz Editor tab: one screen per question type's form, the "Add from the text"
    picker and the first page of a printed handout (editor-*.png)."""
    import subprocess

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    from dushu.core.quiz.model import Question, QuizSet, QuizSettings
    from dushu.gui.question_picker import QuestionPicker
    from dushu.gui.quiz_editor import QuizEditor

    written: list[Path] = []
    editor = window.quiz_editor
    assert isinstance(editor, QuizEditor)
    window.tabs.setCurrentWidget(editor)
    analysis = window.controller.base_analysis
    sample = QuizSet(
        "河口鎮的新橋",
        (
            Question(
                "q01",
                "choice",
                "新橋哪一年通車？",
                answer=1,
                choices=("一九九八年", "二〇〇三年", "二〇一〇年"),
                tags=("event", "date"),
                source="新橋在二〇〇三年通車。",
                explanation="文中說二〇〇三年通車。",
            ),
            Question("q02", "truefalse", "新橋橫跨青溪。", answer=True, source="新橋橫跨青溪。"),
            Question("q03", "cloze", "新橋由____承建。", answer=("林記公司", "林記")),
            Question("q04", "short", "新橋有多長？", answer=("八百米", "800米"), points=2),
            Question("q05", "order", "按時間排列：", items=("動工", "合龍", "通車")),
            Question("q06", "match", "配對：", pairs=(("橋", "bridge"), ("河", "river"), ("鎮", "town"))),
            Question("q07", "cloze", "沒有空格的填空題", answer=()),
        ),
        author="王老師",
        settings=QuizSettings(shuffle_questions=False, time_limit_minutes=20, pass_mark=70, feedback="end"),
    )
    editor._start(sample, None, saved=False)  # a set as a teacher has it open

    def shot(name: str, widget: object) -> None:
        for _ in range(3):
            QApplication.processEvents()
        target = out / f"{name}.png"
        widget.grab().save(str(target))  # type: ignore[attr-defined]
        written.append(target)

    for row, qtype in enumerate(("choice", "truefalse", "cloze", "short", "order", "match", "cloze-problem")):
        editor.question_list.setCurrentRow(row)
        shot(f"editor-{qtype}", window)
    if analysis is not None:
        from dushu.core.quiz.generate import candidate_questions

        picker = QuestionPicker(candidate_questions(analysis), editor.questions(), editor)  # type: ignore[arg-type]
        picker.show()
        items = picker.candidate_items()
        for item in items[:3]:
            item.setCheckState(0, Qt.CheckState.Checked)
        if items:
            picker.tree.setCurrentItem(items[1])
        shot("editor-picker", picker)
        picker.close()
    from dushu.gui.fonts import default_family
    from dushu.gui.handout_print import write_handout_pdf

    fixed = QuizSet(sample.title, sample.questions[:6], author=sample.author)
    pdf = out / "editor-handout.pdf"
    write_handout_pdf(fixed, pdf, words=editor.handout_words(), family=default_family())
    try:  # poppler's pdftoppm, where installed, shows the page as printed
        subprocess.run(["pdftoppm", "-png", "-r", "70", str(pdf), str(out / "editor-handout")], check=True)
        written += sorted(out.glob("editor-handout-*.png"))
    except (OSError, subprocess.CalledProcessError):
        written.append(pdf)
    editor._ask = lambda _box: QMessageBox.StandardButton.Discard  # the sample set is not kept on quit
    return written


if __name__ == "__main__":
    sys.exit(main())
