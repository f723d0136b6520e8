"""Meanings as a learner reads them: CC-CEDICT notation rendered, giveaways found, the sense in context."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from dushu.core import Analysis
from dushu.core.models import Definition, Script, VocabItem
from dushu.core.senses import (
    gives_away,
    gloss_kind,
    hide_headword,
    is_cross_reference,
    learner_meaning,
    sense_in_context,
    word_sense,
)

_RAW = re.compile(r"[\[\]|]|[a-z][1-5]\b|CL:")


# --- learner_meaning ---------------------------------------------------------------------------


def test_a_measure_word_is_spelled_out_in_the_texts_script_with_tone_marks() -> None:
    assert learner_meaning("CL:個|个[ge4]", Script.TRADITIONAL) == "measure word: 個 gè"
    assert learner_meaning("CL:個|个[ge4]", Script.SIMPLIFIED) == "measure word: 个 gè"
    assert learner_meaning("CL:張|张[zhang1],份[fen4]", Script.SIMPLIFIED) == "measure word: 张 zhāng, 份 fèn"


def test_cross_references_and_readings_lose_their_brackets_pipes_and_tone_numbers() -> None:
    assert learner_meaning("variant of 是[shi4]", Script.TRADITIONAL) == "variant of 是 shì"
    assert learner_meaning("see 說服|说服[shuo1 fu2]", Script.SIMPLIFIED) == "see 说服 shuō fú"
    assert learner_meaning("to tie (Taiwan pr. [han4])", Script.TRADITIONAL) == (
        "to tie (Taiwan pronunciation hàn)"
    )
    mixed = learner_meaning("see 說服|说服[shuo1 fu2]", Script.MIXED)
    assert mixed == "see 說服/说服 shuō fú"
    for rendered in (mixed, learner_meaning("abbr. for 綠島|绿岛[Lu:4 dao3], an island", Script.TRADITIONAL)):
        assert not _RAW.search(rendered)
    assert learner_meaning("abbr. for 綠島|绿岛[Lu:4 dao3], an island", Script.TRADITIONAL) == (
        "abbr. for 綠島 Lǜ dǎo, an island"
    )


def test_dictionary_examples_are_left_out_and_a_long_gloss_is_cut() -> None:
    gloss = (
        "(used with 才[cai2]) only if (Example: 只有多練習才能說好|只有多练习才能说好"
        '[zhi3 you3 duo1 lian4 xi2 cai2 neng2 shuo1 hao3] "only with practice can one speak well")'
    )
    rendered = learner_meaning(gloss, Script.SIMPLIFIED)
    assert rendered == "(used with 才 cái) only if"
    long_gloss = "; ".join(f"meaning number {n}" for n in range(20))
    short = learner_meaning(long_gloss, Script.SIMPLIFIED)
    assert len(short) <= 82 and short.endswith("…") and short.startswith("meaning number 0")


def test_sb_and_sth_are_written_out() -> None:
    assert learner_meaning("(of sb) to express", Script.SIMPLIFIED) == "(of someone) to express"
    assert learner_meaning("to treat sth", Script.SIMPLIFIED) == "to treat something"


# --- gives_away --------------------------------------------------------------------------------


def test_a_meaning_with_the_word_itself_in_either_script_gives_it_away() -> None:
    forms = ("說話", "說話", "说话")
    assert gives_away(forms, "variant of 說話|说话[shuo1 hua4]")
    assert gives_away(("關係", "关系"), "variant of 关系 guān xi")
    assert not gives_away(forms, "to speak; to talk")


def test_a_meaning_that_only_points_elsewhere_gives_the_answer_away() -> None:
    assert gives_away(("佔",), "variant of 占[zhan4]")
    assert gives_away(("伙",), "see 伙伴[huo3 ban4]")
    assert gives_away(("書",), "CL:本[ben3]") and not is_cross_reference("CL:本[ben3]")
    assert is_cross_reference("old variant of 時|时[shi2]")
    assert not is_cross_reference("abbr. for 日本[Ri4 ben3], Japan")
    assert not gives_away(("佔",), "to take possession of; to occupy")


def test_the_word_in_a_meaning_can_be_hidden_by_the_swung_dash() -> None:
    assert hide_headword(("為例", "为例"), "used in 以...為例, to take ... as an example") == (
        "used in 以...～, to take ... as an example"
    )


def test_gloss_kinds() -> None:
    assert [gloss_kind(g) for g in ("to cause", "usable", "influence", "CL:本[ben3]")] == [
        "verb",
        "adjective",
        "noun",
        "reference",
    ]
    assert gloss_kind("(bound form) harmonious") == "bound"
    assert gloss_kind("classifier for books") == "measure"
    assert gloss_kind("surname Wang") == "name"
    assert gloss_kind("(joining two nouns) and; with") == "function"
    assert gloss_kind("Taiwan pr. [hao4]") == "reference"


# --- sense_in_context --------------------------------------------------------------------------


def _sense_of(analysis: Analysis, word: str) -> tuple[str, float] | None:
    tokens = list(analysis.tokens)
    index = next(i for i, t in enumerate(tokens) if t.text == word)
    item = next(v for v in analysis.vocabulary if v.word == word)
    sense = sense_in_context(item, tokens, index, analysis.script)
    return None if sense is None else (sense.text, sense.confidence)


def test_a_causative_verb_before_a_clause_is_to_cause_not_usable(
    analyze_text: Callable[[str], Analysis],
) -> None:
    found = _sense_of(analyze_text("這場大雪使得公路全部封閉。"), "使得")
    assert found is not None
    assert "to cause" in found[0] and "usable" not in found[0]


def test_tension_between_states_is_not_nervousness(analyze_text: Callable[[str], Analysis]) -> None:
    relations = _sense_of(analyze_text("兩國關係日益緊張。"), "緊張")
    assert relations is not None and "tense" in relations[0] and "nervous" not in relations[0]
    person = _sense_of(analyze_text("面試前，他非常緊張。"), "緊張")
    assert person is not None and person[0] == "nervous"


def test_one_deals_with_a_crisis_rather_than_replying_to_it(analyze_text: Callable[[str], Analysis]) -> None:
    found = _sense_of(analyze_text("政府正全力應對這次水災。"), "應對")
    assert found is not None and found[0] == "to handle; to deal with"


def test_the_same_word_as_verb_and_as_noun(analyze_text: Callable[[str], Analysis]) -> None:
    verb = _sense_of(analyze_text("科學家正在研究這種植物。"), "研究")
    noun = _sense_of(analyze_text("這項研究持續了十年。"), "研究")
    assert verb is not None and verb[0].startswith("to research")
    assert noun is not None and noun[0].startswith("research")


def test_after_a_clock_time_comes_a_predicate_not_a_noun(analyze_text: Callable[[str], Analysis]) -> None:
    found = _sense_of(analyze_text("演出在晚上十點結束。"), "結束")
    assert found is not None and found[0].startswith("to finish")


def test_a_word_whose_senses_the_sentence_does_not_tell_apart_is_not_asked(
    analyze_text: Callable[[str], Analysis],
) -> None:
    # 打 has a dozen verb senses in one list: which one 打 has here the rules cannot know.
    assert _sense_of(analyze_text("他們打了一下午。"), "打") is None


def test_a_users_own_meaning_or_a_word_explained_by_its_parts_has_no_dictionary_sense() -> None:
    item = VocabItem(
        "星橋", "星橋", "星桥", ("xīng", "qiáo"), (Definition("xīng qiáo", ("star bridge",), "user"),),
        None, 0.0, 1, "星橋很美。", 0, 0,
    )  # fmt: skip
    from dushu.core.models import Token

    tokens = [
        Token("星橋", 0, 2, 0, "n", ("xīng", "qiáo"), "星桥"),
        Token("很", 2, 3, 0, "d", ("hěn",), "很"),
    ]
    assert sense_in_context(item, tokens, 0) is None
    assert sense_in_context(item, tokens, 5) is None
    # An entry for a proper noun (capitalised reading) is not the sense of the word a text uses.
    island = VocabItem(
        "星橋", "星橋", "星桥", ("xīng", "qiáo"), (Definition("Xīng qiáo", ("Xingqiao, an island",)),),
        None, 0.0, 1, "星橋很美。", 0, 0,
    )  # fmt: skip
    assert sense_in_context(island, tokens, 0) is None


def test_word_sense_finds_the_word_in_its_example_sentence(analyze_text: Callable[[str], Analysis]) -> None:
    analysis = analyze_text("今天天氣很好。這項研究持續了十年。")
    item = next(v for v in analysis.vocabulary if v.word == "研究")
    sense = word_sense(analysis, item)
    assert sense is not None and sense.glosses[0] == "research" and sense.kind == "noun"
    assert sense.definition.pinyin == "yán jiū"


@pytest.mark.parametrize("script", [Script.TRADITIONAL, Script.SIMPLIFIED])
def test_the_rendered_sense_has_no_raw_notation(
    script: Script, analyze_text: Callable[[str], Analysis]
) -> None:
    analysis = analyze_text("我們都很支持這項合作。")
    for item in analysis.vocabulary:
        for definition in item.definitions:
            for meaning in definition.meanings:
                assert not _RAW.search(learner_meaning(meaning, script)), meaning
