"""How fast the Vocabulary and Facts views fill and switch with a million-character text.

    python benchmarks/views_speed.py [--chars 1000000] [--no-cache]

The text is the bundled sample repeated with its numbers varied (so dates and amounts differ from
copy to copy), with lesson lines between the copies that each use a few dictionary headwords (so the
vocabulary is as large as a book's). The analysis is cached in the temporary folder between runs.
Prints the time to fill each view, to switch tabs (with the paint that follows), to sort and to filter.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def build_text(target: int, headwords: list[str]) -> str:
    """About `target` characters: sample copies with shifted numbers, and lesson lines of headwords."""
    from dushu.core.sample import sample_text

    sample = sample_text()
    parts: list[str] = []
    size = 0
    copy = 0
    word_at = 0
    while size < target:
        shift = copy % 40

        def vary(m: re.Match[str], shift: int = shift) -> str:
            value = int(m.group())
            # Years move by up to 39 so that the timeline spreads; other numbers change as well.
            return str(value - shift if 1900 <= value <= 2100 else value + shift)

        part = re.sub(r"\d+", vary, sample)
        lessons: list[str] = []
        for n in range(60):
            words = headwords[word_at : word_at + 4]
            word_at = (word_at + 4) % max(1, len(headwords) - 4)
            lessons.append(f"第{copy * 60 + n + 1}課：今天我們讀到「{'」、「'.join(words)}」這幾個詞。")
        parts.append(part + "\n" + "\n".join(lessons) + "\n")
        size += len(parts[-1])
        copy += 1
    return "".join(parts)[:target]


def load_analysis(target: int, use_cache: bool) -> object:
    """The analysis of the benchmark text (from the cache when the text is unchanged)."""
    from dushu.core.analysis import analyze
    from dushu.core.toolkit import build_toolkit
    from dushu.core.wordlists import bundled_names
    from dushu.storage.lexicon import open_lexicon
    from dushu.storage.paths import cache_dir

    cache = cache_dir()
    lexicon = open_lexicon(cache)
    toolkit = build_toolkit(str(cache), lexicon, bundled_names(), [])
    # Every 7th two- to four-character headword, in a fixed order: a broad vocabulary, same every run.
    headwords = sorted(w for w in lexicon.headwords() if 2 <= len(w) <= 4)[::7]
    text = build_text(target, headwords)
    key = hashlib.sha256(text.encode()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"dushu-views-speed-{key}.pickle"
    if use_cache and path.is_file():
        with path.open("rb") as f:
            return pickle.load(f)
    started = time.perf_counter()
    analysis = analyze(text, toolkit, title="views speed")
    print(f"analysed {len(text):,} characters in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    with path.open("wb") as f:
        pickle.dump(analysis, f)
    return analysis


def timed(label: str, job: Callable[[], object], rounds: int = 1) -> float:
    """Run `job` `rounds` times; print and return the slowest time in milliseconds."""
    worst = 0.0
    for _ in range(rounds):
        started = time.perf_counter()
        job()
        worst = max(worst, (time.perf_counter() - started) * 1000)
    print(f"{label:<44} {worst:9.1f} ms")
    return worst


def main(argv: list[str] | None = None) -> int:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--no-cache", action="store_true")
    args = parser.parse_args(argv)

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QTabWidget

    from dushu.core.models import Analysis
    from dushu.gui.facts_view import FactsView
    from dushu.gui.vocabulary_view import Column, VocabularyView

    app = QApplication.instance() or QApplication(["views-speed"])
    analysis = load_analysis(args.chars, not args.no_cache)
    assert isinstance(analysis, Analysis)
    print(
        f"{len(analysis.text):,} characters · {len(analysis.vocabulary):,} words · "
        f"{len(analysis.facts):,} facts · {len(analysis.glossary):,} terms · {len(analysis.people):,} people"
    )

    tabs = QTabWidget()
    vocabulary = VocabularyView()
    facts = FactsView()
    reader_stand_in = QTabWidget()  # the Reading tab's place: switching away from the big views
    tabs.addTab(reader_stand_in, "Reading")
    tabs.addTab(vocabulary, "Vocabulary")
    tabs.addTab(facts, "Facts")
    tabs.resize(1280, 800)
    tabs.show()
    app.processEvents()

    def settle() -> None:
        for _ in range(3):
            app.processEvents()

    def fill_vocabulary() -> None:
        vocabulary.set_vocabulary(analysis.vocabulary, {}, {})
        if hasattr(vocabulary, "set_context"):
            vocabulary.set_context(analysis)
        settle()

    def fill_facts() -> None:
        facts.set_content(
            analysis.facts,
            analysis.glossary,
            analysis.people,
            sentence_count=len(analysis.sentences),
            sentence_text=lambda i: analysis.sentences[i].text,
            edited=False,
        )
        settle()

    def switch(widget: object) -> Callable[[], None]:
        def job() -> None:
            tabs.setCurrentWidget(widget)  # type: ignore[arg-type]
            settle()

        return job

    print("-- views hidden (the Reading tab in front)")
    timed("fill vocabulary", fill_vocabulary)
    timed("fill facts", fill_facts)
    print("-- the view in front while it is filled")
    tabs.setCurrentWidget(vocabulary)
    settle()
    timed("fill vocabulary (Vocabulary tab open)", fill_vocabulary)
    tabs.setCurrentWidget(facts)
    settle()
    timed("fill facts (Facts tab open)", fill_facts)
    print("-- tab switches (slowest of 5)")
    times = []
    for _ in range(5):
        times.append(timed("  to Reading", switch(reader_stand_in)))
        times.append(timed("  to Vocabulary", switch(vocabulary)))
        times.append(timed("  to Facts", switch(facts)))
    print(f"{'slowest tab switch':<44} {max(times):9.1f} ms")
    print("-- inside the views")
    tabs.setCurrentWidget(vocabulary)
    settle()
    table = vocabulary.table
    ascending, descending = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
    timed("sort vocabulary by count", lambda: (table.sortByColumn(Column.COUNT, descending), settle()))
    # The meanings in context are found while the window is idle, a few milliseconds at a time.
    started = time.perf_counter()
    while not vocabulary.model.meanings_ready():
        QApplication.processEvents()
    print(f"{'meanings in context found while idle':<44} {time.perf_counter() - started:9.2f} s")
    timed("sort vocabulary by meaning", lambda: (table.sortByColumn(Column.MEANING, ascending), settle()))
    timed(
        "sort vocabulary back to study order", lambda: (table.sortByColumn(Column.WORD, ascending), settle())
    )
    timed("filter vocabulary (search)", lambda: (vocabulary.set_filters(search="shi"), settle()))
    timed("filter vocabulary (clear)", lambda: (vocabulary.set_filters(search=""), settle()))
    first_hundred = [v.simplified for v in analysis.vocabulary[:100]]
    timed("mark 100 words known", lambda: (vocabulary.set_statuses(first_hundred, _known()), settle()))
    tabs.setCurrentWidget(facts)
    for tab in (facts.glossary, facts.people, facts.timeline):
        timed(f"facts: switch to {tab.kind}", lambda tab=tab: (facts.tabs.setCurrentWidget(tab), settle()))
    tabs.close()
    return 0


def _known() -> object:
    from dushu.storage.library import WordStatus

    return WordStatus.KNOWN


if __name__ == "__main__":
    sys.exit(main())
