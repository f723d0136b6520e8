"""Glossary: abbreviations and short forms in every written form, English names, titles, members."""

from __future__ import annotations

import doctest
from collections.abc import Callable

import dushu.core.facts.terms as glossary_module
from dushu.core import Analysis
from dushu.core.facts.terms import (
    COUNTRY_NAMES,
    country_display_name,
    country_groups,
    expand_country_group,
    extract_glossary,
    glossary_kind,
)
from dushu.core.models import GlossaryEntry
from dushu.core.sentences import split_sentences
from dushu.core.wordlists import NameEntry


def glossary_of(text: str, names: tuple[NameEntry, ...] = ()) -> dict[str, GlossaryEntry]:
    return {g.term: g for g in extract_glossary(text, split_sentences(text), names)}


def test_quoted_term_with_abbreviation_and_members_before_it() -> None:
    text = "失能多年的美日印澳「四方安全對話機制」（QUAD）隨即在2017年11月復活。"
    entry = glossary_of(text)["四方安全對話機制"]
    assert (entry.abbreviation, entry.kind, entry.sentence) == ("QUAD", "mechanism", 0)
    assert entry.members == ("US", "Japan", "India", "Australia")


def test_title_with_abbreviation_is_an_agreement() -> None:
    text = "日本把TPP改造為《全面與進步跨太平洋夥伴關係協定》（CPTPP）。"
    entry = glossary_of(text)["全面與進步跨太平洋夥伴關係協定"]
    assert (entry.abbreviation, entry.kind) == ("CPTPP", "agreement")


def test_english_name_in_brackets_and_members_from_a_counted_name() -> None:
    text = (
        "同年11月，美日澳舉行第十四次三國防長會談，"
        "宣布成立「三國防務磋商機制」（Trilateral Defence Consultations）。"
    )
    entry = glossary_of(text)["三國防務磋商機制"]
    assert entry.english == "Trilateral Defence Consultations"
    assert entry.abbreviation == ""
    assert entry.members == ("US", "Japan", "Australia")


def test_every_title_in_angle_brackets_is_a_term() -> None:
    text = "首相要提前修訂包括《國家安全戰略》在內的文件，並在2月的《美日首腦聯合聲明》中重申同盟。"
    found = glossary_of(text)
    assert found["國家安全戰略"].kind == "document"
    assert found["美日首腦聯合聲明"].kind == "document"


def test_unquoted_mechanisms_and_bodies_the_text_names() -> None:
    text = "2024年11月，美日韓更宣佈成立三邊協調秘書處。日本也積極參與美澳機制。"
    found = glossary_of(text)
    assert found["三邊協調秘書處"].kind == "organisation"
    assert found["三邊協調秘書處"].members == ("US", "Japan", "South Korea")
    assert found["美澳機制"].members == ("US", "Australia")


def test_a_group_named_as_a_model_is_not_the_members() -> None:
    text = "日本參與美國、菲律賓互動，並仿效美日韓建立三方協調機制。"
    assert glossary_of(text)["三方協調機制"].members == ()


def test_short_name_given_as_jian_cheng() -> None:
    text = "日本面臨美國的經貿、安全保障（簡稱「安保」）施壓。"
    assert glossary_of(text)["安全保障"].abbreviation == "安保"


def test_unquoted_institution_with_abbreviation_keeps_its_whole_name() -> None:
    text = "1996年12月，部分世界貿易組織（WTO）成員達成協定。同年，美國商務部工業與安全局（BIS）公佈新規。"
    found = glossary_of(text)
    assert found["世界貿易組織"].abbreviation == "WTO"
    assert found["美國商務部工業與安全局"].abbreviation == "BIS"


def test_people_and_places_in_brackets_are_not_terms() -> None:
    text = "總統特朗普（Donald Trump）在白宮玫瑰園（Rose Garden）召開記者會。"
    assert glossary_of(text) == {}


def test_listed_organisations_add_english_but_a_term_inside_a_longer_one_is_not_repeated() -> None:
    names = (
        NameEntry("四方安全對話", "term", "Quadrilateral Security Dialogue (Quad)"),
        NameEntry("四方安全對話機制", "term", "Quadrilateral Security Dialogue (Quad)"),
        NameEntry("台積電", "organisation", "TSMC"),
    )
    text = "美日印澳「四方安全對話機制」（QUAD）舉行峰會。台積電宣佈設廠。"
    found = glossary_of(text, names)
    assert set(found) == {"四方安全對話機制", "台積電"}
    assert found["四方安全對話機制"].english == "Quadrilateral Security Dialogue"
    assert found["台積電"].abbreviation == "TSMC"


def test_country_groups() -> None:
    assert [g for _s, _e, g in country_groups("美日印澳與美日韓，以及美國、日本")] == ["美日印澳", "美日韓"]
    assert country_groups("其中美國最積極") == []
    assert expand_country_group("美日澳菲") == ("US", "Japan", "Australia", "Philippines")
    assert glossary_kind("三邊協調秘書處") == "organisation"


def test_docstring_examples() -> None:
    assert doctest.testmod(glossary_module).failed == 0


# Terms and abbreviations in the forms news writes them (sentences invented for these tests).


def test_unquoted_name_with_acronym_and_no_institutional_ending() -> None:
    text = "今年第二季的工業生產指數（IPI）年增1.2%，第五代行動通訊（5G）用戶也增加。"
    found = glossary_of(text)
    assert found["工業生產指數"].abbreviation == "IPI"
    assert found["第五代行動通訊"].abbreviation == "5G"


def test_acronyms_with_digits_or_lowercase() -> None:
    text = "七大工業國集團（G7）峰會後，聯合國氣候變化大會（COP29）開幕，信使核糖核酸（mRNA）疫苗也受關注。"
    found = {g.abbreviation: g.term for g in extract_glossary(text, split_sentences(text))}
    assert found["G7"] == "七大工業國集團"
    assert found["COP29"].endswith("聯合國氣候變化大會")
    assert found["mRNA"] == "信使核糖核酸"


def test_the_term_does_not_swallow_the_verb_before_it() -> None:
    text = "政府昨天宣布成立海洋保育委員會（海委會），並根據國際能源總署（IEA）的報告調整政策。"
    found = glossary_of(text)
    assert found["海洋保育委員會"].abbreviation == "海委會"
    assert found["國際能源總署"].abbreviation == "IEA"
    assert not any(term.startswith(("宣布", "成立", "根據")) for term in found)


def test_acronym_before_its_full_name_in_brackets() -> None:
    text = "PMI（採購經理人指數）連續三個月高於50。"
    entry = glossary_of(text)["採購經理人指數"]
    assert entry.abbreviation == "PMI"


def test_english_name_and_short_forms_in_one_bracket() -> None:
    text = (
        "東亞海洋研究院（East Asia Ocean Institute，簡稱EAOI或東海院）今天成立，"
        "北方綠能聯盟（Northern Green Energy Alliance, NGEA）也加入。"
    )
    found = glossary_of(text)
    assert (found["東亞海洋研究院"].abbreviation, found["東亞海洋研究院"].english) == (
        "EAOI",
        "East Asia Ocean Institute",
    )
    assert (found["北方綠能聯盟"].abbreviation, found["北方綠能聯盟"].english) == (
        "NGEA",
        "Northern Green Energy Alliance",
    )


def test_short_forms_introduced_by_cue_words() -> None:
    text = (
        "島嶼文化基金會，簡稱「島文會」，今年舉辦影展。"
        "南港生技研究中心（以下簡稱南生中心）與東嶺鋼鐵股份有限公司（下稱東嶺）簽約。"
        "區域防災協調中心簡寫為RDCC。新竹科學園區，俗稱「竹科」，又有新廠動工。"
        "臺北捷運公司又稱北捷。"
    )
    found = glossary_of(text)
    assert found["島嶼文化基金會"].abbreviation == "島文會"
    assert found["南港生技研究中心"].abbreviation == "南生中心"
    assert found["東嶺鋼鐵股份有限公司"].abbreviation == "東嶺"
    assert found["區域防災協調中心"].abbreviation == "RDCC"
    assert found["新竹科學園區"].abbreviation == "竹科"
    assert found["臺北捷運公司"].abbreviation == "北捷"


def test_quoted_name_with_its_short_form_in_brackets() -> None:
    text = "團隊研製的「東方海洋觀測衛星三號」（簡稱東海三號）明年升空，「山海觀測網」（山海網）同步上線。"
    found = glossary_of(text)
    assert found["東方海洋觀測衛星三號"].abbreviation == "東海三號"
    assert found["山海觀測網"].abbreviation == "山海網"


def test_an_office_with_a_short_form_in_brackets() -> None:
    text = "市長辦公室（市長辦）今天回應。"
    assert glossary_of(text)["市長辦公室"].abbreviation == "市長辦"


def test_acronym_used_before_it_is_explained_is_one_entry() -> None:
    names = (NameEntry("PMI", "term", "PMI"),)
    text = "PMI連續三個月上升。分析師指出，採購經理人指數（PMI）反映廠商信心。"
    entries = extract_glossary(text, split_sentences(text), names)
    assert [(g.term, g.abbreviation) for g in entries] == [("採購經理人指數", "PMI")]


def test_brackets_that_hold_no_term() -> None:
    text = (
        "他住在台北市（中正區），會議（2024年5月）延期。記者陳大文（Chan Tai-man）報導，"
        "營收（3.5億元）創新高。總統在廣場發表演說（AP）。她說（「我們會再來」），"
        "市府新聞處（www.example.gov.tw）公布消息（Reuters）。"
    )
    assert glossary_of(text) == {}


def test_members_named_in_full_under_any_regional_name() -> None:
    first = "由澳大利亞、紐西蘭和星加坡組成的「南洋漁業協調機制」（SFCM）今天開會。"
    second = "由澳洲、新西蘭和新加坡組成的「南洋漁業協調機制」（SFCM）今天開會。"
    members = ("Australia", "New Zealand", "Singapore")
    assert glossary_of(first)["南洋漁業協調機制"].members == members
    assert glossary_of(second)["南洋漁業協調機制"].members == members


def test_hong_kong_taiwan_and_mainland_names_of_one_country_agree() -> None:
    for forms in (("澳洲", "澳大利亞", "澳大利亚"), ("紐西蘭", "新西蘭", "新西兰"), ("星加坡", "新加坡")):
        assert len({COUNTRY_NAMES[f] for f in forms}) == 1
    assert country_display_name(COUNTRY_NAMES["澳大利亞"]) == "澳洲"


def test_short_forms_used_beside_the_full_form_without_brackets(
    analyze_text: Callable[[str], Analysis],
) -> None:
    text = (
        "環境保護署昨天公布空氣品質報告，環保署指出，北部空氣轉差。"
        "農業銀行今年獲利創新高，農行表示將增加放款。"
    )
    found = {g.term: g.abbreviation for g in analyze_text(text).glossary}
    assert found["環境保護署"] == "環保署"
    assert found["農業銀行"] == "農行"


def test_common_words_are_not_short_forms(analyze_text: Callable[[str], Analysis]) -> None:
    text = "大陸委員會今天開會。大會通過決議。國際奧林匹克委員會代表出席國際會議。"
    found = {g.term: g.abbreviation for g in analyze_text(text).glossary}
    assert found.get("大陸委員會", "") == ""
    assert found.get("國際奧林匹克委員會", "") == ""


def test_a_coordinated_name_keeps_both_halves() -> None:
    text = "国家环境和气候委员会（环气委）今天发布报告。"
    assert glossary_of(text)["国家环境和气候委员会"].abbreviation == "环气委"


def test_a_shorter_mention_of_a_term_is_not_a_second_entry(analyze_text: Callable[[str], Analysis]) -> None:
    text = "南海漁業銀行（南漁行）今天宣布降息。漁業銀行行長說，南漁行會保持穩健。"
    entries = [(g.term, g.abbreviation) for g in analyze_text(text).glossary]
    assert entries == [("南海漁業銀行", "南漁行")]


def test_full_width_acronyms_and_credits_after_a_body() -> None:
    text = "世界氣象組織（ＷＭＯ）發布報告。總理昨天視察國務院（AFP）\n"
    found = glossary_of(text)
    assert found["世界氣象組織"].abbreviation == "ＷＭＯ"
    assert "國務院" not in found


def test_digits_inside_a_name_but_not_a_date_before_it() -> None:
    text = "北海1線捷運（NL1）明年通車。2031年亞洲盃（AFC）開幕。"
    found = {g.abbreviation: g.term for g in extract_glossary(text, split_sentences(text))}
    assert found == {"NL1": "北海1線捷運", "AFC": "亞洲盃"}


def test_english_name_after_a_language_label() -> None:
    text = "南方開發銀行（英文：Southern Development Bank）與東方航運協會（英文簡稱EOSA）簽約。"
    found = glossary_of(text)
    assert found["南方開發銀行"].english == "Southern Development Bank"
    assert found["東方航運協會"].abbreviation == "EOSA"


def test_deng_inside_a_word_does_not_cut_the_name() -> None:
    text = "東港高等法院（東港高院）今天宣判。"
    assert glossary_of(text)["東港高等法院"].abbreviation == "東港高院"


def test_short_form_first_and_the_full_name_in_brackets() -> None:
    for text in (
        "政府昨天說林委會（森林保育委員會）將成立。",
        "「林委會」（森林保育委員會）今天成立。",
        "森林保育委員會（「林委會」）今天成立。",
    ):
        assert [(g.term, g.abbreviation) for g in extract_glossary(text, split_sentences(text))] == [
            ("森林保育委員會", "林委會")
        ]


def test_clause_words_before_a_name_stay_out(analyze_text: Callable[[str], Analysis]) -> None:
    text = (
        "董事會今天舉行理事會，通過預算。班機飛往台北（TPE）。"
        "他們昨天到北方能源總署（NEA）開會。未來科技基金會（FTF）成立。"
    )
    found = {g.term: g.abbreviation for g in analyze_text(text).glossary}
    assert found == {"北方能源總署": "NEA", "未來科技基金會": "FTF"}


def test_a_region_and_a_body_joined_by_yu_are_two_names() -> None:
    glossary = glossary_of("澳門與南洋聯盟（SEAL）的合作協議自2029年生效。")
    assert glossary["南洋聯盟"].abbreviation == "SEAL"
    assert "澳門與南洋聯盟" not in glossary


def test_a_body_named_before_a_longer_one_is_no_short_form_of_it(
    analyze_text: Callable[[str], Analysis],
) -> None:
    analysis = analyze_text("台南總商會主席韋子龍批評新規。台南中小型企業總商會會長則呼籲政府推出貸款。")
    assert all(g.abbreviation != "台南總商會" for g in analysis.glossary)


def test_a_short_form_widens_a_name_whose_first_word_reads_as_a_verb(
    analyze_text: Callable[[str], Analysis],
) -> None:
    text = "依照選舉監察委員會（選監會）的規定，候選人須申報開支。"
    found = {g.term: g.abbreviation for g in analyze_text(text).glossary}
    assert found.get("選舉監察委員會") == "選監會"
    assert "監察委員會" not in found


def test_a_body_with_no_known_ending_takes_its_bracketed_short_form() -> None:
    found = glossary_of("去年，全島居民代表大會（全島居大）通過一項決議。")
    assert found["全島居民代表大會"].abbreviation == "全島居大"


def test_a_category_word_before_a_body_stays_out_of_its_name(
    analyze_text: Callable[[str], Analysis],
) -> None:
    text = "環保團體藍海守護聯盟（藍盟）呼籲政府禁用塑膠袋。"
    found = {g.term: g.abbreviation for g in analyze_text(text).glossary}
    assert found.get("藍海守護聯盟") == "藍盟"


def test_the_clause_before_a_mechanism_stays_out_of_its_name(
    analyze_text: Callable[[str], Analysis],
) -> None:
    text = "業者參考北方碳配額交易機制（NCTS）的作法，其後標準委員會也跟進。"
    found = {g.term: g.abbreviation for g in analyze_text(text).glossary}
    assert found.get("北方碳配額交易機制") == "NCTS"
    assert not any(term.startswith(("業者", "其後")) for term in found)
