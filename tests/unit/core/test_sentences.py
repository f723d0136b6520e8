"""Sentence splitting as a reader sees it."""

from dushu.core.sentences import split_sentences

TEXT = "他說：「我們明天出發。路上小心！」大家都笑了。\n第二段？是的；沒錯……\n\n（新華社）"


def test_sentences_split_at_terminators_and_line_breaks() -> None:
    texts = [s.text for s in split_sentences(TEXT)]
    assert texts == [
        "他說：「我們明天出發。路上小心！」大家都笑了。",
        "第二段？",
        "是的；",
        "沒錯……",
        "（新華社）",
    ]


def test_offsets_point_into_the_text() -> None:
    for s in split_sentences(TEXT):
        assert TEXT[s.start : s.end] == s.text


def test_quote_closing_after_terminator_stays_with_its_sentence() -> None:
    texts = [s.text for s in split_sentences("她問：『真的嗎？』然後走了。")]
    assert texts == ["她問：『真的嗎？』然後走了。"]
    assert [s.text for s in split_sentences("「走吧。」他說。")] == ["「走吧。」他說。"]


def test_photo_credit_stays_with_its_caption() -> None:
    caption = "2024年5月1日，香港中環，市民在街上遊行。（路透社）\n下一段。"
    assert [s.text for s in split_sentences(caption)] == [
        "2024年5月1日，香港中環，市民在街上遊行。（路透社）",
        "下一段。",
    ]


def test_unclosed_quote_does_not_swallow_the_next_line() -> None:
    assert len(split_sentences("他說：「沒有結束的引號。\n新的一行。")) == 2


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n\t") == []


def test_a_decimal_point_does_not_end_a_sentence() -> None:
    assert [s.text for s in split_sentences("經濟成長３．５％，投資3.5億元。下一句。")] == [
        "經濟成長３．５％，投資3.5億元。",
        "下一句。",
    ]
