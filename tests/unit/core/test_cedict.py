"""CC-CEDICT parsing keeps homographs; pinyin conversions."""

from dushu.core.cedict import MemoryDictionary, cedict_pinyin_marks, parse_cedict_lines
from dushu.core.tones import to_marks as syllable_to_marks

LINES = [
    "# comment",
    "行 行 [hang2] /row/line/profession/",
    "行 行 [xing2] /to walk/to go/OK!/",
    "銀行 银行 [yin2 hang2] /bank/",
    "not a valid line",
]


def test_every_homograph_is_kept() -> None:
    d = MemoryDictionary(parse_cedict_lines(LINES))
    assert [e.pinyin for e in d.lookup("行")] == ["hang2", "xing2"]
    assert d.lookup("银行") == d.lookup("銀行")
    assert d.has_word("銀行") and not d.has_word("不存在")


def test_tone_marks() -> None:
    assert cedict_pinyin_marks("nu:3 er2 r5") == ("nǚ", "ér", "r")
    assert syllable_to_marks("gou3") == "gǒu"
    assert syllable_to_marks("liu2") == "liú"
    assert syllable_to_marks("gui4") == "guì"
