"""Tone sandhi as the reader shows it: 一, 不 and third tones."""

from __future__ import annotations

import doctest

import pytest

from dushu.core import sandhi
from dushu.core.sandhi import apply_sandhi, tone_of, with_tone


def spoken(*words: tuple[str, str]) -> list[str]:
    """Sandhi over words given as (characters, space-separated syllables); joined back per word."""
    result = apply_sandhi([(text, syllables.split()) for text, syllables in words])
    return [" ".join(r) for r in result]


def test_doctests_pass() -> None:
    assert doctest.testmod(sandhi).failed == 0


@pytest.mark.parametrize(
    ("syllable", "tone"), [("zhōng", 1), ("guó", 2), ("hǎo", 3), ("shì", 4), ("de", 5), ("lǜ", 4)]
)
def test_tone_of_reads_the_mark(syllable: str, tone: int) -> None:
    assert tone_of(syllable) == tone


def test_with_tone_moves_the_mark() -> None:
    assert with_tone("hǎo", 2) == "háo"
    assert with_tone("yī", 4) == "yì"
    assert with_tone("lǚ", 2) == "lǘ"


def test_bu_rises_before_a_fourth_tone_only() -> None:
    assert spoken(("不", "bù"), ("是", "shì")) == ["bú", "shì"]
    assert spoken(("不", "bù"), ("好", "hǎo")) == ["bù", "hǎo"]
    assert spoken(("不要", "bù yào")) == ["bú yào"]
    assert spoken(("不", "bù"), ("能", "néng")) == ["bù", "néng"]


def test_yi_changes_with_the_next_tone() -> None:
    assert spoken(("一", "yī"), ("個", "gè")) == ["yí", "gè"]
    assert spoken(("一起", "yī qǐ")) == ["yì qǐ"]
    assert spoken(("一", "yī"), ("天", "tiān")) == ["yì", "tiān"]
    assert spoken(("一直", "yī zhí")) == ["yì zhí"]


def test_yi_keeps_its_tone_when_counted_or_final() -> None:
    assert spoken(("第一", "dì yī"), ("次", "cì")) == ["dì yī", "cì"]
    assert spoken(("十一", "shí yī"), ("日", "rì")) == ["shí yī", "rì"]
    assert spoken(("一月", "yī yuè")) == ["yī yuè"]
    assert spoken(("統一", "tǒng yī"), ("市場", "shì chǎng")) == ["tǒng yī", "shì chǎng"]
    assert spoken(("一", "yī"), ("，", "")) == ["yī", ""]
    assert spoken(("一九八七年", "yī jiǔ bā qī nián")) == ["yī jiǔ bā qī nián"]


def test_third_tones_before_third_tones_become_second() -> None:
    assert spoken(("你好", "nǐ hǎo")) == ["ní hǎo"]
    assert spoken(("我", "wǒ"), ("很", "hěn"), ("好", "hǎo")) == ["wó", "hén", "hǎo"]
    assert spoken(("總統", "zǒng tǒng")) == ["zóng tǒng"]
    assert spoken(("美國", "měi guó")) == ["měi guó"]


def test_a_pause_stops_sandhi() -> None:
    assert spoken(("好", "hǎo"), ("，", ""), ("你", "nǐ")) == ["hǎo", "", "nǐ"]
    assert spoken(("不", "bù"), ("。", ""), ("是", "shì")) == ["bù", "", "shì"]


def test_neutral_tone_and_other_readings_are_left_alone() -> None:
    assert spoken(("對不起", "duì bu qǐ")) == ["duì bu qǐ"]
    assert spoken(("好的", "hǎo de")) == ["hǎo de"]


def test_every_word_keeps_its_syllable_count() -> None:
    words = [("我們", "wǒ men"), ("一", "yī"), ("起", "qǐ"), ("2025年", ""), ("不", "bù"), ("去", "qù")]
    result = spoken(*words)
    assert [len(r.split()) for r in result] == [len(s.split()) for _, s in words]
    assert result == ["wǒ men", "yì", "qǐ", "", "bú", "qù"]
