"""Tests for dushu.core.script: which script a text uses, and length-keeping conversion."""

from __future__ import annotations

import pytest

from dushu.core.models import Script, is_han
from dushu.core.script import detect_script, to_simplified, to_traditional

TRADITIONAL = "我們昨天在圖書館見面，他說這本書的內容很難懂，可是寫得非常好。"
SIMPLIFIED = "我们昨天在图书馆见面，他说这本书的内容很难懂，可是写得非常好。"


def test_traditional_text() -> None:
    assert detect_script(TRADITIONAL) is Script.TRADITIONAL


def test_simplified_text() -> None:
    assert detect_script(SIMPLIFIED) is Script.SIMPLIFIED


def test_half_and_half_is_mixed() -> None:
    assert detect_script(TRADITIONAL + SIMPLIFIED) is Script.MIXED


def test_a_few_words_of_the_other_script_do_not_make_it_mixed() -> None:
    # A Simplified article that quotes one Traditional name stays Simplified.
    assert detect_script(SIMPLIFIED * 5 + "《說文》") is Script.SIMPLIFIED
    assert detect_script(TRADITIONAL * 5 + "这个") is Script.TRADITIONAL


def test_minority_of_three_characters_at_ten_percent_is_mixed() -> None:
    assert detect_script("這個說法對嗎？" + "们们们") is Script.MIXED


@pytest.mark.parametrize("text", ["", "Hello, world!", "12345 abc", "人口大山", "中文", "   \n"])
def test_no_telling_characters_is_unknown(text: str) -> None:
    assert detect_script(text) is Script.UNKNOWN


def test_shared_characters_do_not_count_as_simplified() -> None:
    # 台, 里, 后, 干, 几, 云, 余 are Simplified forms *and* ordinary Traditional characters.
    text = "我住在台北，離公司只有三公里。皇后的故事很有趣。他把茶放在茶几上。白云很遠，我台、里、后都記得。"
    assert detect_script(text) is Script.TRADITIONAL
    assert detect_script("皇后在后面") is Script.UNKNOWN


def test_taiwan_and_hong_kong_variants_count_as_traditional_only() -> None:
    # 温, 户 are Hong Kong's standard forms, 峰, 群, 吃 Taiwan's: none of them is a sign of Simplified.
    assert detect_script("香港衞生署提醒市民，天氣温度下降，住户要注意保暖。") is Script.TRADITIONAL
    assert detect_script("我們一群人爬到山峰上吃飯，風景很美。") is Script.TRADITIONAL
    assert detect_script("衞") is Script.TRADITIONAL


def test_simplified_words_that_keep_old_characters_stay_simplified() -> None:
    assert (
        detect_script("乾隆皇帝下江南。乾隆年间的故事，乾隆很喜欢这里，乾隆写了很多诗。") is Script.SIMPLIFIED
    )


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        (TRADITIONAL, SIMPLIFIED),
        ("看著", "看着"),  # Taiwan writes the particle 著; tw2s turns it into 着
        ("他睡著了", "他睡着了"),
        ("著名的作家", "著名的作家"),  # but 著 of 著名 (famous) stays
        ("顯著", "显著"),
        ("裏面", "里面"),  # Hong Kong / OpenCC form
        ("裡面", "里面"),  # Taiwan form
        ("綫路", "线路"),
        ("線路", "线路"),
        ("衞生", "卫生"),
        ("衛生", "卫生"),
        ("頭髮", "头发"),
        ("乾淨", "干净"),
        ("台灣", "台湾"),
        ("臺灣", "台湾"),
    ],
)
def test_to_simplified(traditional: str, simplified: str) -> None:
    assert to_simplified(traditional) == simplified


def test_simplified_text_comes_back_unchanged() -> None:
    text = SIMPLIFIED + "成绩显著，看着他，干净的头发，台湾，里面，着急。"
    assert to_simplified(text) == text


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        (SIMPLIFIED, TRADITIONAL),
        ("头发", "頭髮"),
        ("发展", "發展"),
        ("干净", "乾淨"),
        ("为什么", "為什麼"),
        ("里面", "裡面"),
        ("着急", "著急"),
        ("后来", "後來"),
    ],
)
def test_to_traditional(simplified: str, traditional: str) -> None:
    assert to_traditional(simplified) == traditional


def test_conversion_keeps_characters_opencc_cannot_take() -> None:
    # OpenCC stops at a NUL and refuses lone surrogates: each is kept in place.
    assert to_simplified("說\x00話") == "说\x00话"
    assert to_simplified("說\ud800話") == "说\ud800话"
    assert to_traditional("说\x00话\udfff") == "說\x00話\udfff"


def test_long_mixed_string_keeps_its_length_and_alignment() -> None:
    pieces = [
        TRADITIONAL,
        SIMPLIFIED,
        "Latin text, digits 2024 and café.\n",
        "𠮷野家的𩸽魚\u3007〇",  # characters outside the Basic Multilingual Plane
        "😀 e\u0301 ｆｕｌｌ－ｗｉｄｔｈ\r\n",
        "看著他著名的顯著成就，裏面的綫，衞生。\t",
        "乾隆年間的後來干什麼\x00",
    ]
    text = "".join(pieces) * 300
    for convert in (to_simplified, to_traditional):
        converted = convert(text)
        assert len(converted) == len(text)
        for original, result in zip(text, converted, strict=True):
            if not is_han(original):
                assert result == original
        # Alignment: converting a slice gives the same slice of the whole conversion.
        start = text.index("看著他")
        assert convert(text[start : start + 6]) == converted[start : start + 6]


def test_empty_text() -> None:
    assert to_simplified("") == ""
    assert to_traditional("") == ""


def test_a_conversion_that_changes_length_falls_back_to_single_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # No shipped OpenCC table changes length, so stand in one that contracts a phrase.
    from dushu.core import script

    def contracting(config: str, text: str) -> str:
        return text.replace("說話", "讲").replace("說", "说").replace("話", "话")

    monkeypatch.setattr(script, "_convert", contracting)
    assert script.to_traditional("他說話\n很好聽，說話") == "他说话\n很好聽，说话"
