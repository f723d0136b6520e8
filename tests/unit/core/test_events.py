"""Events: what each date governs, who acted, a summary to read alone, schedules, and dates that
are not events (names, aims, ages, life spans, the page's own date)."""

from __future__ import annotations

from collections.abc import Callable

from dushu.core.facts import extract_facts
from dushu.core.models import Analysis, Fact
from dushu.core.sentences import split_sentences
from dushu.core.wordlists import NameEntry

NAMES = (
    NameEntry("周明遠", "person", "Zhou Mingyuan", "", "市長"),
    NameEntry("海灣聯盟", "organisation", "Gulf League", "", ""),
)


def events_of(text: str) -> list[Fact]:
    facts, _glossary, _people = extract_facts(text, split_sentences(text), names=NAMES)
    return [f for f in facts if f.kind == "event"]


def dates_of(text: str) -> list[str]:
    return [f.date for f in events_of(text)]


# -- extent -----------------------------------------------------------------------------------------


def test_a_date_in_a_modifier_tells_when_the_head_noun_happened() -> None:
    (event,) = events_of("在2019年成立的青山保育委員會，發表了年度報告。")
    assert event.text == "在2019年成立的青山保育委員會"
    assert event.subject == "青山保育委員會"
    assert event.summary == "青山保育委員會在2019年成立"


def test_a_time_frame_takes_the_clauses_after_it() -> None:
    (event,) = events_of("自2020年起，小鎮每年舉辦燈籠節，吸引大批遊客。")
    assert event.date == "2020"
    assert "舉辦燈籠節" in event.text


def test_a_date_alone_governs_the_clauses_after_it_up_to_the_next_date() -> None:
    text = "2031年4月2日，全城目光落在河畔球場，兩隊爭奪聯賽冠軍。"
    (event,) = events_of(text)
    assert event.text.endswith("兩隊爭奪聯賽冠軍")


def test_a_range_and_what_happened_during_it_are_one_happening() -> None:
    events = events_of("周明遠於2030年5月6日至9日訪問北港，期間與漁民座談。")
    assert [(e.date, e.date_end) for e in events] == [("2030-05-06", "2030-05-09")]
    assert events[0].text.endswith("期間與漁民座談")
    assert events[0].subject == "周明遠"


def test_the_figures_for_a_year_belong_to_that_year() -> None:
    (event,) = events_of("青禾公司2031年營運大幅成長，全年營收達新台幣80億元。")
    assert event.date == "2031"
    assert "80億元" in event.text


def test_each_item_of_a_dated_list_is_an_event_of_its_own() -> None:
    events = events_of("協會2032年3月2日公布章程、3月9日受理會員登記、3月20日舉行大會。")
    assert [(e.date, e.text) for e in events] == [
        ("2032-03-02", "協會2032年3月2日公布章程"),
        ("2032-03-09", "3月9日受理會員登記"),
        ("2032-03-20", "3月20日舉行大會"),
    ]
    assert [e.subject for e in events] == ["協會", "協會", "協會"]


def test_a_schedule_on_lines_gives_one_event_a_line() -> None:
    text = "2033年賽程\n\n2033年6月1日 開幕典禮\n6月8日 小組賽開打\n6月30日 決賽\n"
    assert dates_of(text) == ["2033-06-01", "2033-06-08", "2033-06-30"]


# -- subject and summary ----------------------------------------------------------------------------


def test_an_event_without_its_own_subject_takes_the_one_before_and_drops_its_connective() -> None:
    text = "海灣聯盟在2029年9月舉行部長會議，並在2030年3月舉行首腦峰會。"
    events = {e.date: e for e in events_of(text)}
    assert events["2030-03"].text == "並在2030年3月舉行首腦峰會"  # the span of the document
    assert events["2030-03"].subject == "海灣聯盟"
    assert events["2030-03"].summary == "海灣聯盟在2030年3月舉行首腦峰會"


def test_a_latin_subject_is_set_apart_by_a_space() -> None:
    text = "GLX在2029年9月舉行部長會議，並在2030年3月舉行首腦峰會。"
    events = {e.date: e for e in events_of(text)}
    assert events["2030-03"].summary == "GLX 在2030年3月舉行首腦峰會"


def test_a_subject_after_the_date_and_a_list_of_subjects() -> None:
    events = events_of("2028年11月，美國、英國、法國宣布聯合演習。")
    assert events[0].subject == "美國、英國、法國"
    assert events[0].summary == "2028年11月，美國、英國、法國宣布聯合演習"


def test_a_pronoun_is_the_person_named_before() -> None:
    text = "周明遠是北港市長。他在2027年3月推動漁港改建。"
    (event,) = events_of(text)
    assert event.subject == "周明遠"


def test_a_title_before_a_name_leaves_the_name_as_subject() -> None:
    (event,) = events_of("北港市長周明遠於2026年7月宣布參選連任。")
    assert event.subject == "周明遠"


# -- planned ----------------------------------------------------------------------------------------


def test_scheduled_events_are_planned() -> None:
    text = (
        "委員會預定於2034年2月10日公告名單。新館將於2034年5月開幕。市府擬在2035年擴建碼頭。大橋於2020年通車。"
    )
    assert [(e.date, e.planned) for e in events_of(text)] == [
        ("2034-02-10", True),
        ("2034-05", True),
        ("2035", True),
        ("2020", False),
    ]


def test_doing_better_than_expected_is_no_schedule() -> None:
    (event,) = events_of("青禾公司2031年營收超出預期。")
    assert not event.planned


def test_the_items_of_a_schedule_are_all_planned() -> None:
    events = events_of("協會預定2032年3月2日公布章程、3月9日受理會員登記。")
    assert [e.planned for e in events] == [True, True]


# -- not events -------------------------------------------------------------------------------------


def test_a_year_in_a_title_or_a_quoted_name_is_not_an_event() -> None:
    text = "市議會討論《2040年城市發展綱要》與「2035年綠色交通計畫」，並在2026年5月表決。"
    assert dates_of(text) == ["2026-05"]


def test_a_year_in_the_expansion_of_an_acronym_is_not_an_event() -> None:
    assert dates_of("報告引用GCA（2045年海岸調適議程）的數據。") == []


def test_an_aim_is_not_an_event_but_setting_one_is() -> None:
    assert dates_of("北港的目標是在2040年前淘汰燃煤機組。") == []
    assert dates_of("公司將2029財年營收翻倍的目標提前兩年。") == []
    assert dates_of("市府在2025年訂下減碳目標。") == ["2025"]
    assert dates_of("周明遠在2026年表示希望兩市的目標一致。") == ["2026"]


def test_ages_and_life_spans_are_not_events() -> None:
    text = "畫家林秋水（1931－2020）出身漁村，享年89歲。詩人陳雨（1950年生）在2001年出版詩集。"
    assert dates_of(text) == ["2001"]


def test_a_publication_line_at_the_top_is_not_an_event() -> None:
    text = "發布時間：2031年4月2日 10:30\n\n小鎮的新圖書館落成\n\n圖書館在2031年3月開放。\n"
    assert dates_of(text) == ["2031-03"]


def test_a_fiscal_year_that_names_a_budget_is_not_an_event() -> None:
    text = "2026年度預算案在2025年12月三讀通過。"
    assert dates_of(text) == ["2025-12"]


def test_the_json_contract_carries_the_new_fact_fields() -> None:
    from dushu.core.jsonio import SCHEMA, analysis_to_json
    from dushu.core.models import Analysis, Script

    text = "海灣聯盟預定於2034年5月舉行峰會。"
    analysis = Analysis(
        text, Script.TRADITIONAL, tuple(split_sentences(text)), (), (), facts=tuple(events_of(text))
    )
    data = analysis_to_json(analysis)
    assert data["schema"] == SCHEMA == "dushu.analysis/1"
    (fact,) = data["facts"]
    assert fact["subject"] == "海灣聯盟"
    assert fact["summary"] == "海灣聯盟預定於2034年5月舉行峰會"
    assert fact["planned"] is True
    assert fact["cue_kind"] == ""
    assert {"text", "start", "end", "date", "date_text", "entities", "cue", "cause", "effect"} <= set(fact)


def test_a_short_caption_with_a_photo_credit_tells_its_happening() -> None:
    text = "河堤昨天完成修復。\n\n▲2030年8月12日颱風沖毀南岸河堤。（圖／記者林小禾攝）\n"
    (event,) = events_of(text)
    assert event.date == "2030-08-12"
    assert event.text.endswith("颱風沖毀南岸河堤")


def test_a_short_first_sentence_with_its_date_is_still_an_event() -> None:
    assert dates_of("2031年3月開幕。\n\n新館位於河畔。\n") == ["2031-03"]


def test_a_time_of_day_after_the_date_leaves_the_happening_to_the_next_clause(
    analyze_text: Callable[[str], Analysis],
) -> None:
    analysis = analyze_text("2031年3月1日\n探測船預計當地時間14日晚間9時30分，從南方港出發前往極地。\n")
    (event,) = [f for f in analysis.facts if f.kind == "event" and f.date == "2031-03-14"]
    assert event.text.endswith("從南方港出發前往極地")
    assert event.planned
    assert event.subject == "探測船"


def test_a_long_when_clause_is_a_time_frame_for_the_clause_after_it() -> None:
    text = "市長在2032年4月視察北岸新建污水處理廠的工程進度時，宣布擴大補助。"
    (event,) = events_of(text)
    assert event.date == "2032-04"
    assert event.text.endswith("宣布擴大補助")


def test_a_phrase_of_grounds_after_the_date_leaves_the_happening_to_the_next_clause(
    analyze_text: Callable[[str], Analysis],
) -> None:
    analysis = analyze_text(
        "2031年5月9日\n北港地方法院昨（8）日依毒品危害防制條例、槍砲彈藥刀械管制條例等罪，"
        "判處主嫌程德興有期徒刑十年，其餘五名被告分別判處一至三年徒刑，全案仍可上訴。\n"
    )
    (event,) = [f for f in analysis.facts if f.kind == "event"]
    assert event.date == "2031-05-08"
    assert "判處主嫌程德興" in event.text


def test_the_reporters_line_is_no_part_of_the_event_nor_its_subject() -> None:
    text = "（東海社記者魏子涵北港9日電）北港市長周明遠今天宣布參選連任。\n（編輯：邱映然）1200509\n"
    (event,) = events_of(text)
    assert event.date == "2031-05-09"
    assert event.text.startswith("北港市長周明遠")
    assert event.subject == "周明遠"


def test_a_paper_tag_opens_no_event() -> None:
    (event,) = events_of("2031-05-09\n【本報訊】海灣聯盟昨日宣布新航線開航。\n")
    assert event.text.startswith("海灣聯盟")


def test_a_bare_year_beside_a_month_of_it_is_one_event() -> None:
    assert dates_of("2031-05-09\n今年1至4月的貨運量已達三萬噸。\n") == ["2031-04"]


def test_schedule_entries_with_a_bullet_and_no_year_are_events() -> None:
    text = "2031-09-01\n藝術節時程如下：\n◎9月15日至19日：志工報名\n◎10月25日：閉幕演出\n"
    assert [(e.date, e.date_end) for e in events_of(text)] == [
        ("2031-09-15", "2031-09-19"),
        ("2031-10-25", ""),
    ]


def test_a_papers_tag_in_lenticular_brackets_opens_no_event() -> None:
    (event,) = events_of("2031-05-09\n【北港日報】海灣聯盟昨日宣布新航線開航。\n")
    assert event.text.startswith("海灣聯盟")


def test_a_date_that_measures_a_comparison_is_no_event() -> None:
    text = "2031-05-09\n港口今年前4月貨運量達三萬噸，較去年同期增加一成，比前年多兩成。\n"
    assert dates_of(text) == ["2031-04"]


def test_a_compared_thing_keeps_the_date_of_its_own_happening() -> None:
    assert dates_of("相較2019年啟用的舊站，新站大了一倍。") == ["2019"]


def test_the_old_date_of_a_moved_happening_is_no_event() -> None:
    text = "2031-05-09\n原訂12日舉行的漁港音樂會將延至19日舉行。\n"
    assert dates_of(text) == ["2031-05-19"]


def test_a_fixture_named_as_the_aim_keeps_its_date() -> None:
    text = "2031-10-15\n北港隊下一個目標是明年3月舉行的東亞盃決賽圈。目標是在2035年前奪冠。\n"
    assert dates_of(text) == ["2032-03"]


def test_a_long_title_before_a_name_still_leaves_the_name_as_subject() -> None:
    (event,) = events_of("北港市政府交通運輸處處長周明遠於2031年7月宣布新航線開航。")
    assert event.subject == "周明遠"


def test_a_countrys_team_is_the_subject_not_the_country() -> None:
    (event,) = events_of("2031-10-15\n日本隊在12日的決賽以3比1擊敗北港隊。\n")
    assert event.subject == "日本隊"


def test_a_clause_that_goes_on_listing_aims_is_no_event() -> None:
    text = "2031年5月，議會通過法案。政府目標是在2035年前減少三成用水，2040年全面回收廢水。"
    assert dates_of(text) == ["2031-05"]


def test_a_scheduled_word_before_a_date_already_past_makes_no_plan() -> None:
    text = "2031-06-01\n運河計畫於2024年3月經議會核定，預計2033年完工。\n"
    facts, _glossary, _people = extract_facts(text, split_sentences(text), names=NAMES)
    planned = {f.date: f.planned for f in facts if f.kind == "event"}
    assert planned == {"2024-03": False, "2033": True}


def test_the_rest_of_a_date_is_no_subject(analyze_text: Callable[[str], Analysis]) -> None:
    text = "2031-06-01\n\n港務局主席王大同表示，港務局將於8月舉辦說明會，並在9月底前發出招標文件。\n"
    events = [f for f in analyze_text(text).facts if f.kind == "event"]
    assert [(f.date, f.subject) for f in events] == [("2031-08", "港務局"), ("2031-09", "港務局")]
    assert events[-1].summary == "港務局在9月底前發出招標文件"


def test_a_pronoun_in_a_summary_gives_way_to_its_person(analyze_text: Callable[[str], Analysis]) -> None:
    text = "2031-06-01\n\n市長張雲峰昨天視察港口。他也要求工務局在下週三（4日）前提出改善方案。\n"
    events = [f for f in analyze_text(text).facts if f.kind == "event"]
    last = events[-1]
    assert last.date == "2031-06-04"
    assert last.summary.startswith("張雲峰也要求")
    assert last.text.startswith("他也要求")  # the span of the document stays as written


def test_a_clause_with_its_own_subject_after_a_lone_date_takes_none_from_before(
    analyze_text: Callable[[str], Analysis],
) -> None:
    text = "2030年3月，市議會通過新的選舉法。同年12月，第三屆市長選舉舉行，投票率約五成。"
    last = [f for f in analyze_text(text).facts if f.kind == "event"][-1]
    assert last.date == "2030-12"
    assert last.summary.startswith("同年12月，第三屆市長")
    assert last.subject.startswith("第三屆")
