"""People: English glosses, titles, caption positions, lists of names and the bundled list."""

from __future__ import annotations

from dushu.core.facts.people import extract_people
from dushu.core.models import Person
from dushu.core.sentences import split_sentences
from dushu.core.wordlists import NameEntry


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
