"""The printable handout's HTML: escaped text, every question type, the answer key after a page break."""

from __future__ import annotations

from dushu.core.quiz.model import Question, QuizSet
from dushu.export.handout import HandoutWords, handout_html, shuffled_for_print

SET = QuizSet(
    "西灣渡輪 <b>測驗</b>",
    (
        Question("a", "choice", "渡輪每天開幾班？", answer=2, choices=("三班", "五班", "八班 <i>")),
        Question(
            "b", "truefalse", "渡輪只在週末開。", answer=False, explanation="文中說每天都開 & 假日加班。"
        ),
        Question("c", "cloze", "渡輪由____碼頭出發。", answer=("東岸",), source="渡輪由東岸碼頭出發。"),
        Question("d", "short", "船長姓甚麼？", answer=("周",)),
        Question("e", "order", "按時間排列：", items=("買票", "上船", "開船", "靠岸")),
        Question("f", "match", "配對：", pairs=(("船", "boat"), ("票", "ticket"), ("岸", "shore"))),
    ),
    author="陳老師 <script>",
)


def test_document_text_is_escaped() -> None:
    page = handout_html(SET)
    assert "<b>測驗</b>" not in page and "&lt;b&gt;測驗&lt;/b&gt;" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "八班 &lt;i&gt;" in page
    assert "假日加班" in page and "&amp; 假日" in page


def test_the_answer_key_follows_a_page_break_after_every_question() -> None:
    page = handout_html(SET, words=HandoutWords(answer_key="答案"))
    brk = page.index("page-break-before: always")
    assert page.index("答案") > brk
    questions, key = page[:brk], page[brk:]
    for q in SET.questions:
        first_words = q.prompt.split("____")[0]
        assert first_words in questions
    # The key holds the right answers, explanations and sources; the questions part holds none of them.
    assert "C. 八班 &lt;i&gt;" in key and "錯 (false)" in key and "東岸" in key
    assert "文中說每天都開" in key and "渡輪由東岸碼頭出發" in key
    assert "文中說每天都開" not in questions and "東岸" not in questions


def test_a_cloze_blank_is_a_line_to_write_on_and_choices_are_lettered() -> None:
    page = handout_html(SET)
    assert "渡輪由<u>＿＿＿＿＿＿＿＿</u>碼頭出發" in page
    assert "A.</td><td>三班" in page and "C.</td><td>八班" in page


def test_order_items_and_match_sides_are_never_printed_in_the_right_order() -> None:
    items = ("買票", "上船", "開船", "靠岸")
    for seed in range(30):
        order = shuffled_for_print(items, str(seed))
        assert sorted(order) == [0, 1, 2, 3] and order != [0, 1, 2, 3]
    assert shuffled_for_print(("同", "同"), "x") == [0, 1]  # nothing to shuffle: no endless loop
    page = handout_html(SET)
    questions = page[: page.index("page-break-before")]
    positions = [questions.index(item) for item in items]
    assert positions != sorted(positions)


def test_the_same_seed_prints_the_same_handout() -> None:
    assert handout_html(SET, seed=3) == handout_html(SET, seed=3)
