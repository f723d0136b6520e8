"""Cards as the real Anki backend renders them: the blanks hide their answer and every text is readable."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dushu.export.anki import export_deck

anki_collection = pytest.importorskip("anki.collection")

UNIT = Path(__file__).resolve().parents[1] / "unit" / "export" / "anki"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"dushu_tests_rendered_{name}", UNIT / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


STYLE = _load("card_style")
SAMPLE = _load("anki_sample")
_STYLE_TAG = re.compile(r"<style>(.*?)</style>", re.S)


@pytest.fixture
def col(tmp_path: Path) -> Iterator[Any]:
    """A collection holding the sample deck."""
    package = tmp_path / "deck.apkg"
    export_deck(SAMPLE.build_analysis(), package, timestamp=1_750_000_000.0)
    collection = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    try:
        options = anki_collection.ImportAnkiPackageOptions(with_scheduling=False)
        request = anki_collection.ImportAnkiPackageRequest(package_path=str(package), options=options)
        collection.import_anki_package(request)
        collection.models._clear_cache()  # the Python side caches note types across backend changes
        yield collection
    finally:
        collection.close()


def _split(rendered: str) -> tuple[str, str]:
    """(CSS, card HTML) from Anki's question_and_style()/answer_and_style() output."""
    css = "".join(_STYLE_TAG.findall(rendered))
    return css, _STYLE_TAG.sub("", rendered)


def _cards(col: Any) -> Iterator[tuple[str, Any]]:
    for cid in col.find_cards("note:Dushu*"):
        card = col.get_card(cid)
        model = card.note_type()
        name = model["tmpls"][card.ord]["name"] if model["type"] == 0 else "Cloze"
        yield name, card


@pytest.mark.parametrize("night", [False, True], ids=["light", "night"])
def test_anki_renders_sentence_cards_that_hide_their_word(col: Any, night: bool) -> None:
    seen = 0
    for name, card in _cards(col):
        if name != "Sentence":
            continue
        seen += 1
        word = card.note()["Word"]
        css, front = _split(card.question())
        runs = STYLE.text_runs(front, css, night=night)
        assert word not in STYLE.visible_text(runs), f"{word} readable on its Sentence card"
        _, back = _split(card.answer())
        assert word in STYLE.visible_text(STYLE.text_runs(back, css, night=night))
    assert seen == 14


@pytest.mark.parametrize("night", [False, True], ids=["light", "night"])
def test_every_text_anki_renders_reads_at_4_5_to_1_or_better(col: Any, night: bool) -> None:
    checked = 0
    for name, card in _cards(col):
        for side, rendered in (("front", card.question()), ("back", card.answer())):
            css, body = _split(rendered)
            for run in STYLE.text_runs(body, css, night=night):
                if not run.hidden:
                    checked += 1
                    assert run.contrast >= 4.5, f"{name} {side}: {run.text!r} in {run.path[0]!r}"
    assert checked > 1000
