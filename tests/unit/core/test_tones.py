"""Tone forms: one conversion between tone marks and tone numbers, agreed on by every consumer."""

from __future__ import annotations

from dushu.core.cedict import cedict_pinyin_marks
from dushu.core.quiz.answers import pinyin_key
from dushu.core.readings import to_numbers
from dushu.core.sandhi import tone_of as sandhi_tone_of
from dushu.core.tones import tone_of, toneless, with_tone
from dushu.export.anki_fields import numbered, tone_number

SAMPLE = "zhong1 guo2 lu:4 nu:3 er2 r5 Mao2 Ou1 liu2 gui4 xue2 de5 hm5 m2"


def test_dictionary_pinyin_reads_with_tone_marks_and_back() -> None:
    marks = cedict_pinyin_marks(SAMPLE)
    assert marks == ("zhōng", "guó", "lǜ", "nǚ", "ér", "r", "Máo", "Ōu", "liú", "guì", "xué", "de", "hm", "m")
    assert [to_numbers(s) for s in marks[:4]] == ["zhong1", "guo2", "lv4", "nv3"]
    assert to_numbers("Máo") == "Mao2" and to_numbers("?") == "?"


def test_every_consumer_reads_the_same_tone() -> None:
    for syllable in cedict_pinyin_marks(SAMPLE):
        expected = tone_of(syllable)
        assert sandhi_tone_of(syllable) == tone_number(syllable) == expected
        assert numbered(syllable) == to_numbers(syllable).lower()
    assert tone_number("hao3") == 3 and numbered("Lǜ") == "lv4"


def test_tone_changes_and_stripping_keep_the_letters() -> None:
    assert with_tone("hǎo", 2) == "háo" and with_tone("yī", 4) == "yì" and with_tone("bù", 2) == "bú"
    assert toneless("lǜ") == "lü" and toneless("xing2") == "xing" and toneless("Máo") == "Mao"


def test_typed_pinyin_matches_in_marks_numbers_and_decomposed_marks() -> None:
    assert pinyin_key("nǚ'ér") == pinyin_key("nu:3 er2") == pinyin_key("nv3er2") == ("nver", (3, 2))
    assert pinyin_key("xi\u0301ngdo\u0300ng") == pinyin_key("xíngdòng")
    assert pinyin_key("QUAD") == ("quad", ()) and pinyin_key("2017年") is None
