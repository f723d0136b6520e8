"""Time a 2,000-note Anki export and its import into a fresh Anki collection; prints the figures.

    python benchmarks/anki_export_speed.py [--notes 2000]

The analysis is synthetic (two-character words built from common characters, five words a sentence,
readings from pypinyin), so the script needs no dictionary index. The import half needs the `anki`
package (the test extra); without it only the export is timed.
"""

from __future__ import annotations

import argparse
import itertools
import random
import tempfile
import time
import zipfile
from pathlib import Path

from pypinyin import Style, pinyin

from dushu.core.models import Analysis, Definition, Fact, Script, Sentence, Token, VocabItem
from dushu.export.anki import export_deck

CHARS = (
    "日本美國中國政府經濟合作安全國際會議總統首相外交部長發表宣布計劃發展市場投資貿易協定"
    "關係地區軍事防衛技術能源環境社會教育文化歷史新聞記者報導支持反對問題討論決定組織機構"
)
WORDS_PER_SENTENCE = 5


def synthetic_analysis(words: int, *, seed: int = 7) -> Analysis:
    """An analysis with `words` distinct vocabulary items and a dated event every tenth sentence."""
    rng = random.Random(seed)
    unique = list(dict.fromkeys(CHARS))
    pairs = ["".join(p) for p in itertools.permutations(unique, 2)]
    rng.shuffle(pairs)
    chosen = pairs[:words]
    readings = {w: tuple(s[0] for s in pinyin(w, style=Style.TONE)) for w in chosen}

    text_parts: list[str] = []
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    vocabulary: list[VocabItem] = []
    facts: list[Fact] = []
    pos = 0
    for index in range(0, len(chosen), WORDS_PER_SENTENCE):
        group = chosen[index : index + WORDS_PER_SENTENCE]
        s_index = len(sentences)
        date_text = f"{2000 + s_index % 25}年{1 + s_index % 12}月"
        pieces = [date_text, "，", *group, "。"]
        sentence_text = "".join(pieces)
        start = pos
        for piece in pieces:
            syl = readings.get(piece, ())
            tokens.append(Token(piece, pos, pos + len(piece), s_index, "n" if syl else "x", syl, piece))
            pos += len(piece)
        sentences.append(Sentence(s_index, start, pos, sentence_text))
        text_parts.append(sentence_text)
        for word in group:
            py = readings[word]
            definition = Definition(" ".join(py), (f"meaning of {word}", "a second sense"))
            vocabulary.append(
                VocabItem(
                    word, word, word, py, (definition,), 1 + len(vocabulary) % 7, 4.0, 1, sentence_text,
                    s_index, start,
                )
            )  # fmt: skip
        if s_index % 10 == 0:
            facts.append(
                Fact("event", sentence_text[:-1], s_index, f"{2000 + s_index % 25}", date_text, (group[0],))
            )
    return Analysis(
        "".join(text_parts), Script.TRADITIONAL, tuple(sentences), tuple(tokens), tuple(vocabulary),
        facts=tuple(facts), title="Benchmark",
    )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=2000, help="vocabulary notes in the deck")
    args = parser.parse_args()

    analysis = synthetic_analysis(args.notes)
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "bench.apkg"
        started = time.perf_counter()
        summary = export_deck(analysis, out, include=["vocab"])
        export_s = time.perf_counter() - started
        size = out.stat().st_size
        print(
            f"export: {summary.notes} notes, {summary.cards} cards in {export_s:.2f} s ({size / 1e6:.1f} MB)"
        )
        with zipfile.ZipFile(out) as archive:
            raw = archive.getinfo("collection.anki2").file_size
            print(f"        collection {raw / 1e6:.1f} MB uncompressed")

        started = time.perf_counter()
        everything = export_deck(analysis, Path(scratch) / "all.apkg")
        all_s = time.perf_counter() - started
        print(
            f"export with facts and cloze: {everything.notes} notes, {everything.cards} cards, {all_s:.2f} s"
        )

        try:
            from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
        except ImportError:
            print("import: skipped (the anki package is not installed)")
            return
        col = Collection(str(Path(scratch) / "collection.anki2"))
        try:
            request = ImportAnkiPackageRequest(
                package_path=str(out), options=ImportAnkiPackageOptions(with_scheduling=False)
            )
            started = time.perf_counter()
            log = col.import_anki_package(request).log
            import_s = time.perf_counter() - started
            print(f"import: {len(log.new)} new notes, {col.card_count()} cards in {import_s:.2f} s")

            again = Path(scratch) / "again.apkg"
            export_deck(analysis, again, include=["vocab"], timestamp=time.time() + 5)
            request = ImportAnkiPackageRequest(
                package_path=str(again), options=ImportAnkiPackageOptions(with_scheduling=False)
            )
            started = time.perf_counter()
            log = col.import_anki_package(request).log
            update_s = time.perf_counter() - started
            print(
                f"re-import (update in place): {len(log.updated)} updated, {len(log.new)} new, "
                f"{col.note_count()} notes in {update_s:.2f} s"
            )
        finally:
            col.close()


if __name__ == "__main__":
    main()
