"""Word segmentation on Traditional and Simplified text, with numbers, names and the user's words."""

from __future__ import annotations

import itertools
from pathlib import Path

from dushu.core import Toolkit
from dushu.core.script import to_simplified
from dushu.core.segment import Segmenter


def words(toolkit: Toolkit, text: str) -> list[str]:
    return [
        text[p.start : p.end] for p in toolkit.segmenter.segment(text, to_simplified(text)) if p.pos != "ws"
    ]


def test_traditional_text_is_segmented_through_simplified_and_keeps_its_characters(toolkit: Toolkit) -> None:
    text = "我們今天討論經濟發展的問題。"
    result = words(toolkit, text)
    assert "".join(result) == text
    assert "經濟" in result and "發展" in result and "問題" in result


def test_japanese_prime_ministers_stay_whole(toolkit: Toolkit) -> None:
    text = "高市早苗舉行會談，石破茂、岸田文雄和菅義偉都曾擔任首相。"
    result = words(toolkit, text)
    for name in ("高市早苗", "石破茂", "岸田文雄", "菅義偉"):
        assert name in result, result


def test_numbers_with_their_unit_are_one_token(toolkit: Toolkit) -> None:
    text = "2025年10月28日，日本承諾提供5500億美元，２０２４年和二〇二五年的1990年代研究佔GDP2%。"
    result = words(toolkit, text)
    for token in ("2025年", "10月", "28日", "5500億美元", "２０２４年", "二〇二五年", "1990年代", "2%"):
        assert token in result, result
    assert "GDP" in result


def test_determiner_and_measure_word_are_two_words(toolkit: Toolkit) -> None:
    result = words(toolkit, "這個問題和一種看法")
    assert result[:2] == ["這", "個"]
    assert "一" in result and "種" in result
    assert "一些" in words(toolkit, "他有一些想法")


def test_full_width_latin_and_digits_form_words(toolkit: Toolkit) -> None:
    result = words(toolkit, "ＩＢＭ公司在１９９９年推出ＰＣ。")
    assert "ＩＢＭ" in result and "ＰＣ" in result and "１９９９年" in result


def test_repeated_punctuation_is_one_token(toolkit: Toolkit) -> None:
    assert "……" in words(toolkit, "他想了想……走了")


def test_pieces_cover_the_text_in_order(toolkit: Toolkit) -> None:
    text = "  第一行 English words 123\n第二行：「引號」！\r\n"
    pieces = list(toolkit.segmenter.segment(text, to_simplified(text)))
    assert pieces[0].start == 0 and pieces[-1].end == len(text)
    for a, b in itertools.pairwise(pieces):
        assert a.end == b.start


def test_user_words_are_kept_whole_and_can_be_removed(tmp_path: Path) -> None:
    seg = Segmenter(tmp_path, user_words=["三海联动"])
    text = "形成三海聯動格局"
    simple = to_simplified(text)
    assert "三海聯動" in [text[p.start : p.end] for p in seg.segment(text, simple)]
    seg.remove_user_word("三海联动")
    assert "三海聯動" not in [text[p.start : p.end] for p in seg.segment(text, simple)]


def test_jieba_cache_goes_to_the_given_folder(tmp_path: Path) -> None:
    Segmenter(tmp_path / "cache")
    assert (tmp_path / "cache" / "jieba-prefix.dat").is_file()


def test_thousands_and_decimals_stay_one_number(toolkit: Toolkit) -> None:
    result = words(toolkit, "在2023,2024年，投資1,000.5萬元，共1,0000人。")
    assert "2024年" in result and "1,000.5萬元" in result
    assert "2023,202" not in "".join(f"|{w}|" for w in result)


def test_a_word_the_user_keeps_whole_is_never_split_by_a_rule(tmp_path: Path) -> None:
    seg = Segmenter(tmp_path, user_words=["本部"])
    text = "公司本部在香港"
    assert "本部" in [text[p.start : p.end] for p in seg.segment(text, to_simplified(text))]


def test_tags_asked_for_all_at_once_are_the_tags_asked_for_one_by_one(
    toolkit: Toolkit, tmp_path: Path
) -> None:
    lexicon = toolkit.lexicon
    text = "銀行行長表示，美日兩國將加強合作，並在𠮷野家附近舉行記者會。ABC 2025年"
    simple = to_simplified(text)
    one_by_one = Segmenter(tmp_path, tag_of=lexicon.pos_tag)
    at_once = Segmenter(tmp_path, tag_of=lexicon.pos_tag, tags_of=lexicon.pos_tags)
    expected = list(one_by_one.segment(text, simple))
    assert list(at_once.segment(text, simple)) == expected
    tags = {p.simplified: p.pos for p in expected}
    assert tags["合作"] == lexicon.pos_tag("合作") and tags["2025年"] == "date"


def test_chinese_numerals_with_a_white_circle_zero_or_a_decimal_point_are_numbers(toolkit: Toolkit) -> None:
    text = "一九九○年失業率為三．六％，外債僅為四．七七億美元，漲幅在一○％至二○％之間。"
    result = words(toolkit, text)
    for token in ("一九九○年", "三．六％", "四．七七億美元", "一○％", "二○％"):
        assert token in result, result


def test_a_pasted_run_of_numerals_is_segmented_without_stalling(toolkit: Toolkit) -> None:
    # Every position of such a run used to be tried against all of it: 30,000 numerals took a minute.
    text = "一二三四五六七八九十" * 3000 + "年"
    pieces = list(toolkit.segmenter.segment(text, text))
    assert pieces[0].start == 0 and pieces[-1].end == len(text)
    assert all(a.end == b.start for a, b in itertools.pairwise(pieces))


def test_compounds_the_dictionary_lacks_are_split_into_its_words(toolkit: Toolkit) -> None:
    # jieba keeps 合作項目, 共同開發, 具體內容 and 保持穩定 whole; CC-CEDICT has only their parts.
    text = "兩家公司宣布合作項目，將共同開發電池，具體內容尚未公布；政府希望保持穩定。"
    result = words(toolkit, text)
    for word in ("合作", "項目", "共同", "開發", "具體", "內容", "保持", "穩定"):
        assert word in result, result
    for compound in ("合作項目", "共同開發", "具體內容", "保持穩定"):
        assert compound not in result, result


def test_a_compound_is_split_only_into_words_of_two_characters_or_more(tmp_path: Path) -> None:
    # A word that would need a one-character part stays whole (a transliteration, 秘書處).
    headwords = {"合作", "项目", "秘书", "处", "合", "作"}
    seg = Segmenter(tmp_path, headwords_of=lambda ws: {w for w in ws if w in headwords})
    text = "合作項目由秘書處負責"
    result = [text[p.start : p.end] for p in seg.segment(text, to_simplified(text))]
    assert result[:2] == ["合作", "項目"] and "秘書處" in result


def test_a_compound_on_a_list_of_ours_stays_whole(tmp_path: Path) -> None:
    headwords = {"合作", "项目"}
    seg = Segmenter(
        tmp_path, user_words=["合作项目"], headwords_of=lambda ws: {w for w in ws if w in headwords}
    )
    text = "合作項目"
    assert [text[p.start : p.end] for p in seg.segment(text, to_simplified(text))] == ["合作項目"]
    seg.remove_user_word("合作项目")
    seg.add_user_word("开发新")  # any change of the user's words makes the split be decided again
    assert [text[p.start : p.end] for p in seg.segment(text, to_simplified(text))] == ["合作", "項目"]


def test_splitting_leaves_names_numbers_and_dates_whole(toolkit: Toolkit) -> None:
    text = "他在二○二四年前往里約熱內盧，百分之三十的居民和高市早苗都支持。"
    result = words(toolkit, text)
    for token in ("二○二四年", "里約熱內盧", "百分之三十", "高市早苗"):
        assert token in result, result


def test_a_place_and_a_team_or_office_suffix_are_one_word(toolkit: Toolkit) -> None:
    result = words(toolkit, "日本隊昨晚擊敗南韓隊，韓國會如何回應？美國會支持嗎？")
    assert "日本隊" in result and "南韓隊" in result, result
    # 會 before a verb is "will", not part of a name (jieba has 美國會 as one word).
    assert "韓國" in result and "美國" in result and result.count("會") == 2, result


def test_a_transliterated_name_gets_back_the_syllable_jieba_cut_off(toolkit: Toolkit) -> None:
    result = words(toolkit, "智利總統博里奇與南韓隊會談，弗雷德里克森也出席。")
    assert "博里奇" in result and "弗雷德里克森" in result, result
    # A place and its team are still one word after a name earlier in the sentence was joined.
    assert "南韓隊" in result, result
    # A preposition next to a name stays a word of its own (比 "than").
    assert "比" in words(toolkit, "他比德國人高。")
