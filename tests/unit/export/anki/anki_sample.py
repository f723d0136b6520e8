"""A small hand-made Analysis for the Anki export tests (the core's analyze() is not used here)."""

from __future__ import annotations

from dataclasses import replace

from pypinyin import Style, pinyin

from dushu.core.models import (
    Analysis,
    Definition,
    Fact,
    GlossaryEntry,
    Person,
    Script,
    Sentence,
    Token,
    VocabItem,
    is_han,
)

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"

SENTENCES = (
    "2024年3月5日，林美華出任海洋合作組織（OMC）秘書長。",
    "由於航運成本上升，各國同意加強港口合作。",
    "該組織在同年6月發表《港口安全宣言》。",
    f"7月1日，有人在留言寫下{HOSTILE_SCRIPT}和{HOSTILE_IMG}。",
)

WORDS = (
    "2024年", "3月", "5日", "林美華", "出任", "海洋", "合作", "組織", "秘書長", "由於", "航運", "成本",
    "上升", "各國", "同意", "加強", "港口", "該", "在", "同年", "6月", "發表", "安全", "宣言", "7月",
    "1日", "有人", "留言", "寫下", "和",
)  # fmt: skip

# word -> (simplified, HSK level, meanings)
LEXICON: dict[str, tuple[str, int | None, tuple[str, ...]]] = {
    "出任": ("出任", None, ("to take up a post",)),
    "海洋": ("海洋", 5, ("ocean", "the sea")),
    "合作": ("合作", 3, ("to cooperate", "cooperation")),
    "組織": ("组织", 4, ("organisation", "to organise")),
    "秘書長": ("秘书长", None, ("secretary-general",)),
    "航運": ("航运", 7, ("shipping",)),
    "成本": ("成本", 5, ("cost", "the cost of producing something")),
    "上升": ("上升", 4, ("to rise", "to go up")),
    "同意": ("同意", 2, ("to agree",)),
    "加強": ("加强", 4, ("to strengthen",)),
    "港口": ("港口", 6, ("port", "harbour")),
    "發表": ("发表", 4, ("to publish", "to issue (a statement)")),
    "宣言": ("宣言", 7, ("declaration", "manifesto")),
    "留言": ("留言", 5, (f"a message left {HOSTILE_IMG}", "{{c1::cloze}} [sound:evil.mp3]")),
}


def syllables(word: str) -> tuple[str, ...]:
    """Tone-marked pinyin, one syllable per Han character."""
    han = "".join(ch for ch in word if is_han(ch))
    return tuple(p[0] for p in pinyin(han, style=Style.TONE, neutral_tone_with_five=False)) if han else ()


def _tokens(text: str, sentences: tuple[Sentence, ...]) -> tuple[Token, ...]:
    words = sorted(WORDS, key=len, reverse=True)
    tokens: list[Token] = []
    for sentence in sentences:
        i = sentence.start
        while i < sentence.end:
            word = next((w for w in words if text.startswith(w, i)), None)
            if word is None:
                j = i + 1
                while j < sentence.end and text[j].isascii() and text[i].isascii() and text[j] != "<":
                    j += 1
                word = text[i:j]
            tokens.append(Token(word, i, i + len(word), sentence.index, "x", syllables(word), word))
            i += len(word)
    return tuple(tokens)


def _first(text: str, sentences: tuple[Sentence, ...], word: str) -> tuple[Sentence, int]:
    offset = text.index(word)
    sentence = next(s for s in sentences if s.start <= offset < s.end)
    return sentence, offset


def build_analysis(
    title: str = "港口合作", *, meanings: dict[str, tuple[str, ...]] | None = None
) -> Analysis:
    """The sample analysis; `meanings` overrides the meanings of some words (to test updates)."""
    text = "".join(SENTENCES)
    sentences: list[Sentence] = []
    pos = 0
    for index, s in enumerate(SENTENCES):
        sentences.append(Sentence(index, pos, pos + len(s), s))
        pos += len(s)
    sent = tuple(sentences)
    tokens = _tokens(text, sent)
    vocabulary = []
    for word, (simplified, hsk, default_meanings) in LEXICON.items():
        sentence, offset = _first(text, sent, word)
        py = syllables(word)
        chosen = (meanings or {}).get(word, default_meanings)
        vocabulary.append(
            VocabItem(
                word=word, traditional=word, simplified=simplified, pinyin=py,
                definitions=(Definition(" ".join(py), chosen),), hsk=hsk, frequency=3.0,
                count=text.count(word), example=sentence.text, example_sentence=sentence.index,
                first_offset=offset,
            )
        )  # fmt: skip
    s1, s3 = sent[1], sent[3]
    clause0 = "2024年3月5日，林美華出任海洋合作組織（OMC）秘書長"
    facts = (
        Fact("event", clause0, 0, "2024-03-05", "2024年3月5日", ("林美華", "海洋合作組織"), 0, len(clause0)),
        Fact(
            "cause",
            s1.text[:-1],
            1,
            entities=("航運",),
            start=s1.start,
            end=s1.end - 1,
            cue="由於",
            cause="航運成本上升",
            effect="各國同意加強港口合作",
            cue_kind="reason",
        ),
        Fact("event", "該組織在同年6月發表《港口安全宣言》", 2, "2024-06", "同年6月", ("港口安全宣言",)),
        Fact("event", s3.text[:-1], 3, "2024-07-01", "7月1日", (HOSTILE_SCRIPT,)),
    )
    glossary = (
        GlossaryEntry("海洋合作組織", "organisation", 0, "OMC", "Ocean Cooperation Organisation"),
        GlossaryEntry("港口安全宣言", "document", 2, "", "Port Security Declaration"),
    )
    people = (Person("林美華", 1, "Lin Meihua", "秘書長", (0,)),)
    return Analysis(
        text=text, script=Script.TRADITIONAL, sentences=sent, tokens=tokens, vocabulary=tuple(vocabulary),
        facts=facts, glossary=glossary, people=people, title=title, source="harbour.txt",
    )  # fmt: skip


def with_vocabulary(analysis: Analysis, *items: VocabItem) -> Analysis:
    """The analysis with `items` as its whole vocabulary."""
    return replace(analysis, vocabulary=tuple(items))
