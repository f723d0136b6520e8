"""A short article in the seed's style and an Analysis of it built by hand (no dictionary needed)."""

from __future__ import annotations

from dushu.core.facts import extract_facts
from dushu.core.models import Analysis, Definition, Script, VocabItem
from dushu.core.sentences import split_sentences
from dushu.core.wordlists import NameEntry

NAMES = (
    NameEntry("柏木和子", "person", "Kashiwagi Kazuko", "", "日本首相"),
    NameEntry("卡森", "person", "Paul Carson", "", "美國總統"),
    NameEntry("林志遠", "person", "Lin Chih-yuan", "", "台灣外長"),
    NameEntry("羅德", "person", "Mark Rhodes", "", "澳洲總理"),
)

ARTICLE = """\
11月3日，卡森抵達亞洲行首站的日本，並在4日與新任首相柏木和子舉行會談，簽署漁業協議。

2030年11月4日，日本東京，日本首相柏木和子（右）與美國總統卡森（Paul Carson，左）舉行會面。（Reuters）

美日澳「三國海事協調機制」（TMCM）在2028年3月成立，並在2029年5月舉行首次部長會議。

2027年6月，美日韓宣布成立《北太平洋漁業協定》（NPFA）秘書處。同年9月，三國舉行海上演習。

早在2021年，台灣外長林志遠（Lin Chih-yuan）已提出「島鏈安全倡議」（ICSI）。

2024年8月，澳洲總理羅德（Mark Rhodes）簽署《南太平洋氣候公約》（SPCC）。

究其原因，是因為三國都擔心航道安全。由於能源價格上升，漁業協議變得更重要。
"""


def vocab(word: str, pinyin: tuple[str, ...], meaning: str) -> VocabItem:
    return VocabItem(
        word=word,
        traditional=word,
        simplified=word,
        pinyin=pinyin,
        definitions=(Definition(" ".join(pinyin), (meaning,)),),
        hsk=5,
        frequency=3.5,
        count=1,
        example=f"{word}的例句。",
        example_sentence=0,
        first_offset=0,
    )


VOCABULARY = (
    vocab("航道", ("háng", "dào"), "channel; lane"),
    vocab("演習", ("yǎn", "xí"), "exercise; drill"),
    vocab("漁業", ("yú", "yè"), "fishing industry"),
    vocab("協議", ("xié", "yì"), "agreement"),
    vocab("能源", ("néng", "yuán"), "energy"),
    vocab("秘書處", ("mì", "shū", "chù"), "secretariat"),
)


def sample_analysis(text: str = ARTICLE) -> Analysis:
    sentences = tuple(split_sentences(text))
    facts, glossary, people = extract_facts(text, sentences, names=NAMES)
    return Analysis(
        text=text,
        script=Script.TRADITIONAL,
        sentences=sentences,
        tokens=(),
        vocabulary=VOCABULARY,
        facts=facts,
        glossary=glossary,
        people=people,
        title="海上合作",
        source="test article",
    )
