"""Field contents: escaping, tone colours, zhuyin, highlighted and blanked sentences, meanings."""

from __future__ import annotations

import re

from dushu.core.models import Definition, Script, VocabItem
from dushu.core.senses import Sense
from dushu.export.anki_fields import (
    BLANK,
    Marked,
    Span,
    escape_html,
    hsk_label,
    hsk_tag,
    meaning_html,
    meanings,
    numbered,
    numbered_plain,
    pinyin_html,
    reading_key,
    tag_part,
    tone_number,
    zhuyin,
    zhuyin_html,
)


def _item(word: str, pinyin: tuple[str, ...], *definitions: Definition) -> VocabItem:
    return VocabItem(word, word, word, pinyin, definitions, None, 3.0, 1, word, 0, 0)


def test_tone_numbers_from_marks_and_numbers() -> None:
    syllables = ("zhōng", "guó", "hǎo", "shì", "de", "nǚ", "lüè")
    assert [tone_number(s) for s in syllables] == [1, 2, 3, 4, 5, 3, 4]
    assert tone_number("ma5") == 5
    assert tone_number("HÀO") == 4


def test_numbered_pinyin_writes_u_umlaut_as_v() -> None:
    assert numbered("lǜ") == "lv4"
    assert numbered("Zhōng") == "zhong1"
    assert numbered_plain(("xíng", "dòng")) == "xing2dong4"
    assert reading_key(("Xíng", "dòng")) == "xing2 dong4"


def test_zhuyin_for_tone_marked_syllables() -> None:
    assert zhuyin("xíng") == "ㄒㄧㄥˊ"
    assert zhuyin("zhōng") == "ㄓㄨㄥ"
    assert zhuyin("de") == "ㄉㄜ˙"
    assert zhuyin("Lǜ") == "ㄌㄩˋ"


def test_each_syllable_gets_its_tone_class() -> None:
    html = pinyin_html(("zhōng", "guó", "rén", "de"))
    assert html == (
        '<span class="tone1">zhōng</span><span class="tone2">guó</span>'
        '<span class="tone2">rén</span><span class="tone5">de</span>'
    )
    assert zhuyin_html(("hǎo",)) == '<span class="tone3">ㄏㄠˇ</span>'


def test_hostile_markup_becomes_visible_text() -> None:
    html = escape_html('<script>alert(1)</script><img src=x onerror=alert(1)> & "q"')
    assert "<script" not in html and "<img" not in html
    assert html.startswith("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x")
    assert "&amp;" in html and "&quot;q&quot;" in html


def test_anki_syntax_in_text_is_neutralised() -> None:
    html = escape_html("{{c1::答案}} {{Front}} [sound:evil.mp3] [$]x[/$] \\(x\\)")
    for raw in ("{{", "}}", "[sound:", "[$]", "\\("):
        assert raw not in html
    assert "&#123;&#123;c1::答案&#125;&#125;" in html


def test_control_characters_never_reach_a_field() -> None:
    html = escape_html("甲\x1f乙\x00丙\r\n丁\t戊")
    assert html == "甲乙丙<br>丁 戊"


def test_marked_text_nests_highlights_and_blanks() -> None:
    marked = Marked(
        "2024年3月，林美華上任。", (Span(0, 7, "fact"), Span(0, 7, "fact-date"), Span(8, 11, "blank"))
    )
    assert marked.html() == (
        '<span class="fact"><span class="fact-date">2024年3月</span></span>，'
        f'<span class="blank">{BLANK}</span>上任。'
    )
    assert marked.plain() == f"2024年3月，{BLANK}上任。"


def test_marked_text_drops_overlapping_spans_and_escapes_each_piece() -> None:
    marked = Marked("<b>重要</b>", (Span(3, 5, "hl"), Span(4, 8, "hl")))
    assert marked.html() == '&lt;b&gt;<span class="hl">重要</span>&lt;/b&gt;'


def test_blanked_text_is_absent_from_the_html() -> None:
    assert "林美華" not in Marked("林美華上任", (Span(0, 3, "blank"),)).html()


def test_meanings_follow_the_reading_used_in_the_text() -> None:
    item = _item(
        "行",
        ("háng",),
        Definition("xíng", ("to walk", "OK")),
        Definition("háng", ("row", "profession")),
    )
    assert meanings(item) == ["row", "profession"]
    assert "to walk" not in meaning_html(item)


def test_all_meanings_when_no_reading_matches_and_at_most_eight() -> None:
    many = tuple(f"sense {i}" for i in range(12))
    item = _item("打", ("dǎ",), Definition("dá", many))
    assert len(meanings(item)) == 8
    assert meaning_html(item).count(";") == 7


def test_hsk_labels_and_tags() -> None:
    assert hsk_label(3) == "HSK 3"
    assert hsk_label(7) == "HSK 7–9"
    assert hsk_label(None) == ""
    assert hsk_tag(7) == "dushu::hsk::7-9"
    assert hsk_tag(None) == "dushu::hsk::none"


def test_tag_parts_never_contain_spaces_or_nesting() -> None:
    assert tag_part("日本 新聞::2025") == "日本_新聞_2025"
    assert tag_part("  ") == "untitled"


def test_meanings_are_written_for_a_learner_in_the_texts_script() -> None:
    item = _item(
        "説",
        ("shuō",),
        Definition(
            "shuō", ("to speak; to say", "see 說明|说明[shuo1 ming2]", "CL:個|个[ge4]", "(old) to teach")
        ),
    )
    assert meanings(item, script=Script.SIMPLIFIED) == [
        "to speak; to say",
        "(old) to teach",
        "measure word: 个 gè",
    ]
    assert "个 gè" not in meaning_html(item, script=Script.TRADITIONAL)
    assert "個 gè" in meaning_html(item, script=Script.TRADITIONAL)
    assert not re.search(r"[\[\]|]|[a-z][1-5]\b", meaning_html(item, script=Script.SIMPLIFIED))


def test_the_word_itself_never_shows_in_its_meaning() -> None:
    item = VocabItem(
        "為例", "為例", "为例", ("wéi", "lì"),
        (Definition("wéi lì", ("used in the construction 以...為例|以...为例, to take ... as an example",)),),
        None, 3.0, 1, "", 0, 0,
    )  # fmt: skip
    assert meanings(item, script=Script.TRADITIONAL) == [
        "used in the construction 以...～, to take ... as an example"
    ]


def test_a_word_with_only_cross_references_gets_no_meaning_to_prompt_with() -> None:
    item = _item("昰", ("shì",), Definition("shì", ("variant of 是[shi4]", "CL:個|个[ge4]")))
    assert meanings(item) == []
    assert meaning_html(item) == ""


def test_the_sense_in_context_comes_first_in_its_own_block() -> None:
    entry = Definition("shǐ de", ("usable", "workable", "to make", "to cause"))
    item = _item("使得", ("shǐ", "de"), entry)
    sense = Sense(entry, ("to make", "to cause"), "to make; to cause", 0.9)
    assert meanings(item, sense=sense) == ["to make; to cause", "usable", "workable"]
    assert meaning_html(item, sense=sense) == (
        '<div class="def def-cc-cedict in-context">to make; to cause</div>'
        '<div class="def def-cc-cedict">usable; workable</div>'
    )
