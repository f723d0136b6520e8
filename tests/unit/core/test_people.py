"""People: titles and roles, bylines, English glosses, caption positions, lists of names and the name list."""

from __future__ import annotations

from dushu.core.facts.people import count_mentions, extract_people, role_words
from dushu.core.models import Person, Token
from dushu.core.sentences import split_sentences
from dushu.core.wordlists import ROLE_DOMAINS, NameEntry, RoleEntry, bundled_roles, parse_role_list


def people_of(text: str, names: tuple[NameEntry, ...] = ()) -> dict[str, Person]:
    return {p.name: p for p in extract_people(text, split_sentences(text), names)}


CAPTIONED = (
    "10月27日，特朗普抵達日本，並與新任首相高市早苗舉行會談。\n"
    "2025年10月28日，日本東京，日本首相高市早苗（中間右）"
    "與美國總統特朗普（Donald Trump，中間左）會面。（Reuters）\n"
    "高市就已宣布提高國防開支。\n"
    "日本前首相安倍晉三（左）2016年會見美國時任總統特朗普（Donald Trump，右）。（Getty）\n"
)


def test_english_gloss_gives_the_english_name_and_title_the_role() -> None:
    trump = people_of(CAPTIONED)["特朗普"]
    assert trump.english == "Donald Trump"
    assert trump.role == "美國總統"  # 美國時任總統 ("president at the time") loses the tie
    assert trump.mentions == 3


def test_caption_position_marks_a_person_and_the_family_name_counts_as_a_mention() -> None:
    takaichi = people_of(CAPTIONED)["高市早苗"]
    assert takaichi.role == "日本首相"
    assert takaichi.mentions == 3  # twice in full, once as 高市
    assert takaichi.sentences == (0, 1, 2)


def test_former_office_is_kept_in_the_role() -> None:
    assert people_of(CAPTIONED)["安倍晉三"].role == "日本前首相"


def test_a_name_after_a_title_without_brackets() -> None:
    found = people_of("5月12日，國務院副總理何立峰與美國財長貝森特（Scott Bessent）在日內瓦發表聲明。")
    assert found["何立峰"].role == "國務院副總理"
    assert found["貝森特"].english == "Scott Bessent"


def test_words_after_a_title_are_not_people() -> None:
    found = people_of("這種趨勢不因首相更迭而變化。QUAD舉行外長會議，發表《外長聯合聲明》與外長聯合聲明。")
    assert found == {}


def test_a_list_next_to_a_known_person_gives_the_others() -> None:
    text = "首相石破茂宣佈改組。之後不論是菅義偉、岸田文雄、石破茂，都沿著既有軌道前進。"
    assert set(people_of(text)) == {"石破茂", "菅義偉", "岸田文雄"}


def test_gloss_after_a_leading_word_keeps_only_the_name() -> None:
    text = "當時莫迪（Narendra Modi）就表示，只有日本主導，印度才樂意參與。"
    assert people_of(text)["莫迪"].english == "Narendra Modi"


def test_places_with_english_names_are_not_people() -> None:
    assert people_of("兩人在白宮玫瑰園（Rose Garden）召開記者會。") == {}


def test_the_name_list_adds_people_roles_and_english() -> None:
    names = (NameEntry("岸田文雄", "person", "Kishida Fumio", "", "日本首相"),)
    kishida = people_of("由於她曾在岸田文雄內閣出任大臣，外界有所期待。", names)["岸田文雄"]
    assert (kishida.english, kishida.role, kishida.mentions) == ("Kishida Fumio", "日本首相", 1)


def test_people_are_in_order_of_first_mention() -> None:
    assert [p.name for p in extract_people(CAPTIONED, split_sentences(CAPTIONED))] == [
        "特朗普",
        "高市早苗",
        "安倍晉三",
    ]


# Titles, roles and bylines: every sentence below is invented, and so are the names.


def test_a_chinese_name_with_its_english_name_in_brackets() -> None:
    found = people_of("研究員陳美玲（Meiling Chen）表示，這項研究花了三年。")
    assert found["陳美玲"].english == "Meiling Chen"
    assert found["陳美玲"].role == "研究員"


def test_titles_before_a_name_give_the_role_the_text_gives() -> None:
    text = (
        "總統林志明今天出席典禮，衛福部長王大同表示支持。國民黨立委陳美玲質詢，民進黨籍議員黃志豪說明。"
        "董事長吳建國表示，總經理蔡明哲與執行長許文彬也出席。"
    )
    roles = {name: p.role for name, p in people_of(text).items()}
    assert roles == {
        "林志明": "總統",
        "王大同": "衛福部長",
        "陳美玲": "國民黨立委",
        "黃志豪": "民進黨籍議員",
        "吳建國": "董事長",
        "蔡明哲": "總經理",
        "許文彬": "執行長",
    }


def test_sport_arts_courts_and_officials_have_their_titles() -> None:
    text = (
        "主帥洪一中說，捕手高宇杰打得好。導演魏大同的新片由歌手蕭小美主唱。法官鄭文山駁回，檢察官江永平上訴。"
        "署長周志浩、局長程家瑞到場，發言人李明亮說明，教授周成功與主任莊仁祥也出席。"
        "氣象署預報中心科長張承遠說，颱風將轉向。"
    )
    roles = {name: p.role for name, p in people_of(text).items()}
    assert roles["洪一中"] == "主帥"
    assert roles["高宇杰"] == "捕手"
    assert roles["魏大同"] == "導演"
    assert roles["蕭小美"] == "歌手"
    assert roles["鄭文山"] == "法官"
    assert roles["江永平"] == "檢察官"
    assert roles["周志浩"] == "署長"
    assert roles["程家瑞"] == "局長"
    assert roles["李明亮"] == "發言人"
    assert roles["周成功"] == "教授"
    assert roles["莊仁祥"] == "主任"
    assert roles["張承遠"] == "預報中心科長"


def test_a_title_after_the_name() -> None:
    found = people_of("典禮上，林志明總統、王大同院長與陳美玲教授先後致詞。")
    assert {name: p.role for name, p in found.items()} == {
        "林志明": "總統",
        "王大同": "院長",
        "陳美玲": "教授",
    }


def test_family_name_and_title_later_count_for_the_full_name() -> None:
    text = (
        "衛福部長王大同表示，政策不變。記者追問時，王部長說明細節。散會前王前市長也到場。"
        "總經理陳志明說明，陳總表示營收成長。"
    )
    found = people_of(text)
    assert set(found) == {"王大同", "陳志明"}  # no person 王部長 or 陳總
    assert found["王大同"].mentions == 3
    assert found["王大同"].sentences == (0, 1, 2)
    assert found["陳志明"].mentions == 2


def test_an_alias_goes_to_the_person_with_that_title() -> None:
    text = "市長林志明與教授林美玲出席。林教授說，研究有成果；林市長則說，市府會支持。"
    found = people_of(text)
    assert (found["林志明"].mentions, found["林美玲"].mentions) == (2, 2)


def test_transliterated_names_after_a_foreign_title() -> None:
    text = "英國首相柯斯特表示，德國總理梅爾蘭與美國國務卿布朗恩會面，法國總統馬克宏本人未出席。"
    roles = {name: p.role for name, p in people_of(text).items()}
    assert roles == {"柯斯特": "英國首相", "梅爾蘭": "德國總理", "布朗恩": "美國國務卿", "馬克宏": "法國總統"}


def test_names_joined_by_an_interpunct() -> None:
    found = people_of("約翰·史密斯與瑪麗‧布朗出席，彼得・帕克缺席，美國總統唐納•克拉克致詞。")
    assert set(found) == {"約翰·史密斯", "瑪麗‧布朗", "彼得・帕克", "唐納•克拉克"}
    assert found["唐納•克拉克"].role == "美國總統"


def test_japanese_and_korean_names() -> None:
    found = people_of("日本首相山田花子會見韓國總統金成民，外相石井一郎陪同。")
    assert {name: p.role for name, p in found.items()} == {
        "山田花子": "日本首相",
        "金成民": "韓國總統",
        "石井一郎": "外相",
    }


def test_a_list_after_one_title_and_before_a_shared_title() -> None:
    text = (
        "立委王大同、林志明、陳美玲聯署提案。球員張一飛、李二明和黃三豪入選。"
        "教練指定吳小白、鄭大衛與許文三名投手輪流先發。"
    )
    roles = {name: p.role for name, p in people_of(text).items()}
    assert roles == {
        "王大同": "立委",
        "林志明": "立委",
        "陳美玲": "立委",
        "張一飛": "球員",
        "李二明": "球員",
        "黃三豪": "球員",
        "吳小白": "投手",
        "鄭大衛": "投手",
        "許文": "投手",
    }


def test_bylines_and_photo_credits_give_reporters_and_photographers() -> None:
    text = (
        "〔記者王大同／台北報導〕颱風逼近。\n記者林志明、陳美玲／高雄報導\n（中央社記者黃志豪台北19日電）雨勢增強。\n"
        "文／吳建國　攝影：許文彬\n市區積水。（攝：蔡明哲）\n道路中斷。（圖／記者鄭文山攝）\n"
    )
    roles = {name: p.role for name, p in people_of(text).items()}
    assert roles == {
        "王大同": "記者",
        "林志明": "記者",
        "陳美玲": "記者",
        "黃志豪": "中央社記者",
        "吳建國": "記者",
        "許文彬": "攝影",
        "蔡明哲": "攝影",
        "鄭文山": "攝影記者",
    }


def test_a_name_with_a_body_before_its_title_keeps_the_body_in_the_role() -> None:
    found = people_of("台積電董事長王大同表示看好，中央銀行總裁林志明則說要觀察。")
    assert (found["王大同"].role, found["林志明"].role) == ("台積電董事長", "中央銀行總裁")


def test_a_name_before_the_verb_of_taking_office() -> None:
    found = people_of("公司改組後，由林志明擔任董事長，陳美玲出任執行長。")
    assert (found["林志明"].role, found["陳美玲"].role) == ("董事長", "執行長")


def test_one_person_under_hong_kong_taiwan_and_mainland_names_is_one_person() -> None:
    names = (
        NameEntry("川普", "person", "Donald Trump", "", "美國總統"),
        NameEntry("特朗普", "person", "Donald Trump", "", "美國總統"),
    )
    found = people_of("川普上任後，外界關注特朗普的政策；川普隨即簽署行政命令。", names)
    assert list(found) == ["川普"]
    assert found["川普"].mentions == 3
    assert found["川普"].english == "Donald Trump"


def test_simplified_text_is_read_the_same_way() -> None:
    found = people_of("国民党立委陈美玲质询，卫福部长王大同表示支持。")
    assert (found["陈美玲"].role, found["王大同"].role) == ("国民党立委", "卫福部长")


def test_role_words_and_common_words_after_titles_are_not_people() -> None:
    text = (
        "部長表示，此事不實。總統府發言人說明，市長選舉候選人名單公布，董事會通過。部長會議今天召開，總統大選將至。"
        "部長方面表示不清楚。總統任內推動改革。董事長高度肯定團隊。議員們紛紛表態，教練團開會，選手村開幕。"
        "律師團表示，記者會上發言人表示。院長今天赴立法院，局長昨天說，署長日前表示。美國總統府回應，英國首相官邸發出聲明。"
        "台北市長與高雄市長出席，國民黨主席致詞。"
    )
    assert people_of(text) == {}


def test_a_title_inside_a_place_or_a_body_is_no_person() -> None:
    assert people_of("台灣總統府前廣場、日本首相官邸與美國國務院都在名單上。白宮發言人辦公室回應。") == {}


def test_a_foreign_name_after_a_title_without_a_country() -> None:
    found = people_of("果園公司執行長庫魯斯表示，新品下月上市；前鋒梅爾諾破門。")
    assert set(found) == {"庫魯斯", "梅爾諾"}


def test_a_country_or_body_before_a_title_that_a_name_follows_is_no_person() -> None:
    found = people_of("安哥拉總統多斯桑托與加蓬總統馬爾巴通話。")
    assert set(found) == {"多斯桑托", "馬爾巴"}


def test_a_caption_position_after_a_common_noun_keeps_only_the_name() -> None:
    assert set(people_of("新年第一個出生的寶寶王小明（右）與媽媽合影。")) == {"王小明"}


def test_listed_transliteration_inside_a_longer_name_is_not_that_person() -> None:
    names = (NameEntry("卡尼", "person", "Mark Carney", "", "加拿大總理"),)
    assert set(people_of("名指揮家托斯卡尼尼的錄音重新發行。", names)) == {"托斯卡尼尼"}


def test_adverbs_and_idioms_after_a_title_are_not_people() -> None:
    assert people_of("部長拉高音量，主席特別強調，局長莫名其妙，發言人克制情緒，領導人高興地說。") == {}


def test_a_speaker_jieba_reads_as_a_name_is_a_person() -> None:
    text = "王大同表示，今年雨量偏少。"
    tokens = (
        Token("王大同", 0, 3, 0, "nr"),
        Token("表示", 3, 5, 0, "v"),
        Token("，", 5, 6, 0, "x"),
    )
    assert [p.name for p in extract_people(text, split_sentences(text), (), tokens)] == ["王大同"]
    assert extract_people(text, split_sentences(text)) == ()  # without jieba's word, no guess


def test_full_names_listed_before_deng_ren() -> None:
    found = people_of("出席者包括王大同、林志明與陳美玲等人，會議由主席主持。")
    assert set(found) == {"王大同", "林志明", "陳美玲"}


def test_a_japanese_name_whose_family_name_no_list_knows() -> None:
    found = people_of("日本防衛大臣赤井太郎表示，將加強合作。")
    assert found["赤井太郎"].role == "日本防衛大臣"


def test_a_byline_with_a_space_after_reporter() -> None:
    assert people_of("記者 王大同／台中報導\n雨勢不斷。")["王大同"].role == "記者"


def test_the_role_lexicon_is_open_and_covers_every_domain() -> None:
    roles = bundled_roles()
    assert len(roles) >= 500
    assert {r.domain for r in roles} == ROLE_DOMAINS
    assert {"立委", "檢察官", "執行長", "游擊手", "導演", "研究員", "科長", "主教"} <= {r.word for r in roles}
    assert {"总统", "执行长"} <= role_words()  # Simplified forms too
    assert parse_role_list("role\tdomain\tsimplified\n# note\n教授\tscience\t\n某某\tnowhere\t\n") == [
        RoleEntry("教授", "science", "")
    ]


def test_a_byline_vouches_for_a_name_with_a_rare_given_character() -> None:
    people = people_of("〔記者紀以寧／北港報導〕港務局昨天宣布新碼頭啟用。（中央社記者溫于心南港3日電）")
    assert people["紀以寧"].role == "記者"
    assert people["溫于心"].role == "中央社記者"


def test_a_reporter_in_brackets_after_a_space_and_an_editor_credit() -> None:
    people = people_of("港務局宣布新碼頭啟用。\n（記者 鄭海琳）\n（編輯：邱映然）\n")
    assert people["鄭海琳"].role == "記者"
    assert people["邱映然"].role == "編輯"


def test_a_photo_credit_after_a_caption_full_stop() -> None:
    people = people_of("（圖：市長在碼頭致詞。攝：馮家駿）")
    assert people["馮家駿"].role == "攝影"


def test_a_police_rank_before_a_name() -> None:
    assert people_of("警方交通部總警司岳永昌表示，假期將加強執法。")["岳永昌"].role.endswith("總警司")


def test_less_common_family_names_after_a_title() -> None:
    people = people_of("前副縣長裘德明與立委顏秀芬昨天到市場拜票，〔記者葛文遠／北港報導〕")
    assert {"裘德明", "顏秀芬", "葛文遠"} <= set(people)


def test_a_japanese_given_name_of_three_characters() -> None:
    people = people_of("日本隊終結者中村勇太郎在九局登板，總教練石井真美子賽後受訪。")
    assert "中村勇太郎" in people
    assert "石井真美子" in people


def test_a_japanese_name_whose_family_name_begins_like_a_chinese_one() -> None:
    people = people_of("日本外務大臣森山花子昨日抵達。森山花子表示，雙方同意加強合作。")
    assert "森山花子" in people and "森山花" not in people
    assert people["森山花子"].mentions == 2
    # A Chinese name followed by a word that starts with 介 or 子 keeps its three characters.
    found = people_of("總經理張家輝介紹新產品，副總經理林志明子公司的業績也好。")
    assert {"張家輝", "林志明"} <= set(found) and "張家輝介" not in found and "林志明子" not in found
    found = people_of("立法委員王大明介入此案，行政院長陳建宏介入協調。教授陳小明助人為樂。")
    assert {"王大明", "陳建宏", "陳小明"} <= set(found)
    assert not {"王大明介", "陳建宏介", "陳小明助"} & set(found)


def test_given_names_with_characters_that_usually_end_a_name() -> None:
    # 以, 若, 業, 亦 are particles or body endings elsewhere, but common in given names.
    found = people_of(
        "衛生局局長馮以誠表示，本週將公布數據。水務署署長邵建業說，水庫存量充足。研究員葛若薇指出，樣本不足。"
    )
    assert {"馮以誠", "邵建業", "葛若薇"} <= set(found)
    assert found["邵建業"].role == "水務署署長"
    assert people_of("院長何以如此堅持？市長上任以來首度出訪。") == {}


def test_hong_kong_magistrates_and_prosecutors_are_titles() -> None:
    found = people_of("裁判官喬思敏押後案件，高級檢控官甘子晴反對保釋。")
    assert found["喬思敏"].role == "裁判官"
    assert found["甘子晴"].role == "高級檢控官"


def test_more_family_names_after_a_title_and_in_its_list() -> None:
    found = people_of("台南市長晏秋蘭與議員杭志遠、章立德出席開幕。")
    assert {"晏秋蘭", "杭志遠", "章立德"} <= set(found)


def test_interpunct_name_whose_second_part_starts_with_qiang() -> None:
    found = people_of("客隊洋將羅伯特·強納森攻下30分。")
    assert found["羅伯特·強納森"].role == "客隊洋將"


def test_role_keeps_its_body_and_drops_another_one() -> None:
    found = people_of("另一名議員范德明質疑預算。經濟部長蒲正宇回應時表示，將再檢討。")
    assert found["范德明"].role == "議員"
    assert found["蒲正宇"].role == "經濟部長"


def test_after_a_title_a_three_character_name_jieba_splits_is_a_person() -> None:
    text = "隊長許家明本場缺陣。"
    tokens = (
        Token("隊長", 0, 2, 0, "n"),
        Token("許家", 2, 4, 0, "m"),
        Token("明", 4, 5, 0, "n"),
        Token("本", 5, 6, 0, "r"),
        Token("場", 6, 7, 0, "q"),
        Token("缺陣", 7, 9, 0, "v"),
        Token("。", 9, 10, 0, "x"),
    )
    assert [p.name for p in extract_people(text, split_sentences(text), (), tokens)] == ["許家明"]
    count = "市長連續三年出席。"
    count_tokens = (
        Token("市長", 0, 2, 0, "n"),
        Token("連續", 2, 4, 0, "ad"),
        Token("三", 4, 5, 0, "m"),
        Token("年", 5, 6, 0, "q"),
        Token("出席", 6, 8, 0, "v"),
        Token("。", 8, 9, 0, "x"),
    )
    assert extract_people(count, split_sentences(count), (), count_tokens) == ()


def test_a_name_that_stands_for_office_at_the_start_of_a_line_is_a_person() -> None:
    found = people_of("歷屆鎮長：\n2006年：岳明坤首度當選\n2010年：岳明坤連任\n2014年：葛淑華當選")
    assert {"岳明坤", "葛淑華"} <= set(found)
    assert found["岳明坤"].mentions == 2
    assert people_of("結果：無黨籍當選，國民黨落選。") == {}


def test_a_batting_order_place_and_a_head_coach_are_titles() -> None:
    found = people_of("客隊第三棒柯文斌敲出全壘打，總教頭范明德說，球隊會調整。")
    assert found["柯文斌"].role == "客隊第三棒"
    assert found["范明德"].role == "總教頭"


def test_an_age_and_a_word_for_a_person_before_a_name() -> None:
    found = people_of("另一名涉案的19歲男子侯子健被判入教導所，一名六十歲婦人則獲釋。")
    assert found["侯子健"].role == "男子"
    assert set(found) == {"侯子健"}


def test_count_mentions_is_what_extract_people_reports() -> None:
    text = "台北市長陳大同宣布新政策。陳市長表示，新政策下月實施。陳大同說，市民可以上網查詢。"
    people = extract_people(text, split_sentences(text))
    mayor = next(p for p in people if p.name == "陳大同")
    assert mayor.mentions == 3  # twice in full, once as 陳市長
    assert count_mentions(text, people)["陳大同"] == mayor.mentions
    # A name typed by the user is counted the same way.
    assert count_mentions(text, [Person(name="陳大同", mentions=0, role="台北市長")])["陳大同"] == 3
