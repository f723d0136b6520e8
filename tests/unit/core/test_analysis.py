"""analyze(): progress, cancel, and the same result from worker processes as from one."""

from __future__ import annotations

import io
import json
import os

import pytest

from dushu.core import Toolkit, analysis, analyze, jsonio
from dushu.errors import Cancelled

PARAGRAPH = (
    "2024年11月，美日澳三國防長在東京舉行會談，宣布成立新的磋商機制。\n"
    "由於地區局勢緊張，三國同意加強情報分享，並於翌年舉行聯合演習。\n"
    "高市早苗表示：「我們將繼續合作。」銀行行長說，這個計劃需要5500億美元。\n"
)


def test_progress_reaches_the_end_and_cancel_stops(toolkit: Toolkit) -> None:
    text = PARAGRAPH * 400
    seen: list[tuple[int, int]] = []
    result = analyze(text, toolkit, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, len(text)) and seen[-1] == (len(text), len(text))
    assert len(seen) > 3, "a long text reports progress as it goes"
    assert result.tokens[-1].end == len(text)
    with pytest.raises(Cancelled):
        analyze(text, toolkit, cancel=lambda: len(seen) > 0)


@pytest.mark.skipif(not analysis.can_fork(), reason="worker processes need fork")
def test_workers_give_the_same_analysis(toolkit: Toolkit, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analysis, "PARALLEL_MIN_CHARS", 1000)
    monkeypatch.setattr(analysis, "_CHUNK", 2000)
    text = PARAGRAPH * 200
    one = analyze(text, toolkit)
    two = analyze(text, toolkit, workers=2)
    assert two.tokens == one.tokens
    assert two.vocabulary == one.vocabulary
    assert (two.facts, two.glossary, two.people) == (one.facts, one.glossary, one.people)


def test_a_text_without_line_breaks_is_still_cut_between_words(toolkit: Toolkit) -> None:
    text = PARAGRAPH.replace("\n", "") * 300
    tokens = analyze(text, toolkit).tokens
    assert "".join(t.text for t in tokens) == text
    assert sum(1 for t in tokens if t.text == "高市早苗") == 300


@pytest.mark.skipif(not analysis.can_fork(), reason="worker processes need fork")
@pytest.mark.parametrize("reading", ["marks", "zhuyin"])
def test_json_written_with_a_helper_process_is_the_same(
    toolkit: Toolkit, monkeypatch: pytest.MonkeyPatch, reading: str
) -> None:
    monkeypatch.setattr(jsonio, "PARALLEL_MIN_TOKENS", 10)
    result = analyze(PARAGRAPH * 20, toolkit)
    alone, helped = io.StringIO(), io.StringIO()
    jsonio.write_analysis_json(result, alone, reading)
    jsonio.write_analysis_json(result, helped, reading, workers=2)
    assert helped.getvalue() == alone.getvalue()
    data = json.loads(helped.getvalue())
    assert [t["text"] for t in data["tokens"]] == [t.text for t in result.tokens]


def test_json_of_a_text_without_words_is_still_valid(toolkit: Toolkit) -> None:
    out = io.StringIO()
    jsonio.write_analysis_json(analyze("", toolkit), out, workers=2)
    data = json.loads(out.getvalue())
    assert data["tokens"] == [] and data["vocabulary"] == []


def _die(*args: object) -> None:
    """A worker that is killed (for memory, say) in the middle of its work."""
    os._exit(1)


@pytest.mark.skipif(not analysis.can_fork(), reason="worker processes need fork")
def test_a_worker_that_dies_leaves_its_work_to_the_main_process(
    toolkit: Toolkit, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(analysis, "PARALLEL_MIN_CHARS", 1000)
    monkeypatch.setattr(analysis, "_CHUNK", 2000)
    monkeypatch.setattr(jsonio, "PARALLEL_MIN_TOKENS", 10)
    text = PARAGRAPH * 100
    one = analyze(text, toolkit)
    alone = io.StringIO()
    jsonio.write_analysis_json(one, alone)
    monkeypatch.setattr(analysis, "_read_group", _die)
    monkeypatch.setattr(analysis, "_people_and_terms_part", _die)
    monkeypatch.setattr(jsonio, "_write_token_part", _die)
    two = analyze(text, toolkit, workers=2)
    assert two.tokens == one.tokens and two.vocabulary == one.vocabulary
    assert (two.facts, two.glossary, two.people) == (one.facts, one.glossary, one.people)
    helped = io.StringIO()
    jsonio.write_analysis_json(two, helped, workers=2)
    assert helped.getvalue() == alone.getvalue()
