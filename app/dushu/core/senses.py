"""Word meanings for a learner: CC-CEDICT notation rendered readable, and the sense a sentence uses.

Three things, all Qt-free and dictionary-free (they read the `Definition`s an `Analysis` already has):

- `learner_meaning` writes a CC-CEDICT gloss as a learner reads it: `CL:個|个[ge4]` becomes
  "measure word: 個 gè", `see 說服|说服[shuo1 fu2]` "see 說服 shuō fú" (the form of the text's script,
  tone marks through `dushu.core.tones`), `Taiwan pr. [han4]` "Taiwan pronunciation hàn"; dictionary
  example sentences are left out and a long gloss is cut, so a card meaning stays short.
- `gives_away` tells a gloss that must never be a prompt: one that contains the word itself, or is only
  a cross-reference ("variant of 占 zhàn").
- `sense_in_context` chooses the CC-CEDICT sense a sentence uses from the word's part of speech,
  its neighbours (a degree adverb before it, an aspect particle or an object after it, 的 or a
  measure word before a noun), the senses' labels ((bound form), (literary), (of sb) …) and who or
  what the word is said of (an emotion is said of a person, not of relations between states; one
  replies to a question, but deals with a crisis). It returns None when the evidence does not single
  one sense out: the caller then does not ask the word.

Cards (`dushu.export.anki_fields`) put the chosen sense first and leave out glosses that give the
answer away; a word whose every gloss gives it away gets an empty Meaning field, so Anki makes no
Recall card for it and its Sentence card asks for the word from the sentence alone, without a hint.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from dushu.core.models import HAN_CLASS, Analysis, Definition, Script, Token, VocabItem, is_han
from dushu.core.tones import to_marks, to_numbers

__all__ = [
    "MIN_CONFIDENCE",
    "Sense",
    "definitions_for_reading",
    "gives_away",
    "gloss_kind",
    "hide_headword",
    "is_cross_reference",
    "learner_meaning",
    "sense_in_context",
    "word_sense",
]


def _listed(words: str) -> frozenset[str]:
    """The words of a space-separated list (the lists below are easier to read and extend so)."""
    return frozenset(words.split())


# --- rendering CC-CEDICT notation -------------------------------------------------------------------

MAX_MEANING_CHARS = 80  # a card's meaning line; longer glosses are cut at a separator

_H = f"[{HAN_CLASS}]"
# A headword as CC-CEDICT writes it inside a gloss: Han characters, possibly with "..." or "…" for a
# frame (以...為例) or a middle dot (names), optionally "|Simplified", optionally "[pin1 yin1]".
_FORM = rf"(?:[A-Za-z0-9]+)?{_H}(?:{_H}|[A-Za-z0-9]|·|\.\.\.|…)*"  # B型超聲, 卡拉OK too
_SYLLABLES = r"[A-Za-z:üÜ]+[1-5]?(?:\s*[ ,·]\s*[A-Za-z:üÜ]+[1-5]?)*"
_REFERENCE = re.compile(rf"(?P<trad>{_FORM})(?:\|(?P<simp>{_FORM}))?(?:\[(?P<py>{_SYLLABLES})\])?")
_BRACKETED_READING = re.compile(rf"\[(?P<py>{_SYLLABLES})\]")
_SYLLABLE = re.compile(r"[A-Za-z:üÜ]+[1-5]")
_MEASURE_WORDS = re.compile(r"\bCL:\s*")
# "(Example: 只有…[…] "…")": a dictionary's example sentence, too long for a card and full of the
# headword. Matched up to the closing bracket of the same depth by `_drop_examples`.
_EXAMPLE_OPEN = re.compile(r"\s*\((?:e\.g\.|Example|example|as in)\s*:?\s*")
_WORDS = (
    (re.compile(r"\bTaiwan pr\.\s*"), "Taiwan pronunciation "),
    (re.compile(r"\balso pr\.\s*"), "also pronounced "),
    (re.compile(r"\bpr\.\s*"), "pronounced "),
    (re.compile(r"\bsb\b"), "someone"),
    (re.compile(r"\bsth\b"), "something"),
    (re.compile(r"\(Tw\)"), "(Taiwan)"),
)


def _form_for(trad: str, simp: str | None, script: Script) -> str:
    """The headword of a reference as the text's script writes it (both forms in a mixed text)."""
    if not simp or simp == trad:
        return trad
    if script is Script.TRADITIONAL:
        return trad
    if script is Script.SIMPLIFIED:
        return simp
    return f"{trad}/{simp}"


def _marked(syllables: str) -> str:
    """CC-CEDICT's numbered pinyin as tone marks, syllables apart: "shuo1 fu2" -> "shuō fú"."""
    out = [to_marks(s) if _SYLLABLE.fullmatch(s) else s for s in re.split(r"[\s,·]+", syllables) if s]
    return " ".join(out)


def _drop_examples(text: str) -> str:
    """The gloss without its bracketed example sentences."""
    while (m := _EXAMPLE_OPEN.search(text)) is not None:
        depth, i = 1, m.end()
        while i < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        text = text[: m.start()] + text[i:]
    return text


def _shorten(text: str, limit: int) -> str:
    """`text` cut at the last separator before `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    cut = max(head.rfind("; "), head.rfind(", "), head.rfind(" ("))
    if cut < limit // 3:
        cut = head.rfind(" ")
    return head[: cut if cut > 0 else limit].rstrip(" ,;(") + " …"


@lru_cache(maxsize=65536)  # a text repeats its words' glosses on every card and view
def learner_meaning(meaning: str, script: Script, limit: int = MAX_MEANING_CHARS) -> str:
    """One CC-CEDICT gloss as a learner reads it: references in the text's script with tone-marked
    pinyin, measure words spelled out, no brackets, pipes or tone numbers, examples left out, at
    most about `limit` characters.

    >>> learner_meaning("CL:個|个[ge4],位[wei4]", Script.SIMPLIFIED)
    'measure word: 个 gè, 位 wèi'
    >>> learner_meaning("variant of 說服|说服[shuo1 fu2]", Script.TRADITIONAL)
    'variant of 說服 shuō fú'
    >>> learner_meaning("(joining two nouns) and; with (Taiwan pr. [han4])", Script.TRADITIONAL)
    '(joining two nouns) and; with (Taiwan pronunciation hàn)'
    """
    text = _drop_examples(meaning)
    text = _MEASURE_WORDS.sub("measure word: ", text)

    def reference(m: re.Match[str]) -> str:
        form = _form_for(m.group("trad"), m.group("simp"), script)
        reading = m.group("py")
        return f"{form} {_marked(reading)}" if reading else form

    text = _REFERENCE.sub(reference, text)
    text = _BRACKETED_READING.sub(lambda m: _marked(m.group("py")), text)
    text = re.sub(r"\[([^\[\]]*)\]", r"\1", text)  # any other romanisation (Tai-lo) without brackets
    for pattern, replacement in _WORDS:
        text = pattern.sub(replacement, text)
    text = re.sub(r"\s+", " ", text).strip().rstrip(",;")
    text = re.sub(r"\s+([,;)])", r"\1", text)
    text = re.sub(r"([,;])(?=[^\s\d])", r"\1 ", text)
    return _shorten(text, limit)


# --- glosses that give the answer away -------------------------------------------------------------

# What is left of a pure cross-reference once its headwords and readings are taken out.
_XREF_WORDS = _listed(
    "variant of old archaic erhua see also used in same as abbr abbreviation for written form "
    "japanese korean taiwan pronunciation pronounced pr cf the and or"
)
_XREF_START = re.compile(
    r"^(?:\((?:Tw|old|archaic)\)\s*)?(?:old |archaic |erhua |Japanese |Korean |\(Tw\) )?"
    r"(?:variant of|see also|see|used in|same as|also written|abbr\. for|abbr\. of|also pr\.|Taiwan pr\.)",
    re.I,
)


@lru_cache(maxsize=65536)  # a text repeats its words' glosses on every card and view
def is_cross_reference(meaning: str) -> bool:
    """True when a gloss only points at other words ("variant of 是[shi4]", "see 說服|说服[shuo1 fu2]")
    and says nothing of its own. A list of measure words ("CL:個|个[ge4]") is not one: a card
    shows it, after the meanings."""
    text = meaning.strip()
    if not _XREF_START.match(text):
        return False
    rest = _BRACKETED_READING.sub(" ", _REFERENCE.sub(" ", _drop_examples(text)))
    words = [w for w in re.findall(r"[A-Za-z]+", rest) if w.lower() not in _XREF_WORDS]
    return not words


def _han_forms(word_forms: Iterable[str]) -> list[str]:
    return sorted({f for f in word_forms if f and any(is_han(ch) for ch in f)}, key=len, reverse=True)


def gives_away(word_forms: Iterable[str], meaning: str) -> bool:
    """True when `meaning` must not be the prompt of a card or a quiz option for the word written
    `word_forms` (its forms in both scripts): it contains the word, or is only a cross-reference."""
    if any(form in meaning for form in _han_forms(word_forms)):
        return True
    # A measure-word list says nothing of the meaning either: no prompt, no option.
    return is_cross_reference(meaning) or bool(_MEASURE_WORDS.match(meaning.strip()))


def hide_headword(word_forms: Iterable[str], meaning: str) -> str:
    """`meaning` with the word itself replaced by the dictionary's swung dash:
    "used in 以...為例" for 為例 -> "used in 以...～"."""
    for form in _han_forms(word_forms):
        meaning = meaning.replace(form, "～")
    return meaning


# --- what kind of word a gloss describes -------------------------------------------------------------

_LABEL = re.compile(r"^\(([^()]*)\)\s*")
_ADJECTIVES = _listed(
    """good bad big small large little new old young high low long short hot cold warm cool tense
    strained safe secure stable steady calm flat equal important serious severe grave major
    minor right wrong correct true false free busy easy hard difficult simple clear near far early
    late fast quick slow strong weak rich poor full empty complete whole real fine nice beautiful
    pretty ugly happy sad glad angry afraid nervous anxious worried scared tired keyed intense
    scarce tight loose open main chief key basic certain sure likely able ready alone alive close
    deep shallow wide narrow thick thin heavy light dark bright clean dirty quiet noisy loud soft
    smooth rough sharp dull wise foolish kind cruel proud humble honest fair just brave polite rude
    mature ripe fresh raw dry wet same different similar other various several many much few
    unique rare common usual normal strange special general public private foreign domestic local
    national international global military economic political rapid sudden slight huge vast tiny
    fierce tough firm hostile friendly workable doable feasible usable serviceable"""
)
_ADJECTIVE_ENDINGS = (
    "ous", "ful", "ive", "able", "ible", "al", "ic", "ent", "ant", "less", "ish", "ary", "ed", "ile",
)  # fmt: skip
_PARTICLES = _listed("up down out off")
# English words that translate a conjunction or preposition: "and; with", "towards; at; for".
_FUNCTION_WORDS = _listed(
    "and or but with of for from at by towards toward regarding concerning because if although "
    "though so therefore then than as since until till via per about against together"
)
_ADVERBS = _listed(
    "only merely just also even still already again often always never very all both entirely "
    "completely totally wholly altogether more less further most"
)


def _labels_and_body(meaning: str) -> tuple[tuple[str, ...], str]:
    """A gloss's leading bracketed labels and the rest: "(literary) (of sb) to go" ->
    (("literary", "of sb"), "to go")."""
    labels: list[str] = []
    body = meaning.strip()
    while (m := _LABEL.match(body)) is not None:
        labels.append(m.group(1).strip().lower())
        body = body[m.end() :]
    return tuple(labels), body.strip()


@lru_cache(maxsize=65536)  # a text repeats its words' glosses on every card and view
def gloss_kind(meaning: str) -> str:
    """What kind of word a CC-CEDICT gloss describes: "verb" ("to X"), "adjective", "noun",
    "measure" (classifiers), "adverb", "function" (particles and "(used …)" notes), "reference"
    (cross-references, measure-word lists), "name" (surnames) or "bound" ((bound form), used only
    inside compounds).

    >>> [gloss_kind(g) for g in ("to cause", "usable", "influence", "classifier for books", "surname Li")]
    ['verb', 'adjective', 'noun', 'measure', 'name']
    """
    if is_cross_reference(meaning) or _MEASURE_WORDS.match(meaning.strip()):
        return "reference"
    labels, body = _labels_and_body(meaning)
    low = body.lower()
    if any(label.startswith("bound form") for label in labels):
        return "bound"
    if low.startswith(("surname ", "given name")) or low == "surname":
        return "name"
    if low.startswith(("classifier", "measure word")) or any(
        label.startswith("classifier") for label in labels
    ):
        return "measure"
    if not low:
        if any(
            label.startswith(("used ", "particle", "suffix", "prefix", "interjection")) for label in labels
        ):
            return "function"
        return "other"
    if low.startswith("to ") or re.match(r"^\(?to\b", low):
        return "verb"
    if re.match(r"^(?:can|may|might|must|should|shall|will|could|would|ought to|need to|able to)\b", low):
        return "verb"  # an auxiliary: 可以 "can", 應該 "should"
    if low.startswith(("used ", "particle", "(particle", "indicates ", "marker ", "interjection")):
        return "function"
    if re.match(r"^(?:taiwan |also )?pr(?:\.|onounced)\s", low):
        return "reference"  # a note on the pronunciation, not a meaning
    first = re.split(r"[;,(]", low, maxsplit=1)[0].strip()
    words = first.split()
    if not words:
        return "other"
    if words[0] in ("a", "an", "the"):
        return "noun"
    if words[0] in _FUNCTION_WORDS:
        return "function"
    if (
        first in _ADVERBS
        or (words[0] in _ADVERBS and len(words) <= 3)
        or (len(words) == 1 and first.endswith("ly") and first not in ("family", "ally"))
    ):
        return "adverb"
    if (
        first in _ADJECTIVES
        or words[0] in ("very", "extremely", "rather", "quite", "too")
        or (words[0] == "in" and len(words) > 1)
    ):
        return "adjective"
    if len(words) == 1 and first.endswith(_ADJECTIVE_ENDINGS) and first not in _NOUNS_LIKE_ADJECTIVES:
        return "adjective"
    return "noun"


# Nouns whose ending looks like an adjective's.
_NOUNS_LIKE_ADJECTIVES = _listed(
    "animal capital festival hospital individual official journal signal arrival proposal approval "
    "potential agent client patient student president resident talent event element comment moment "
    "parent component opponent incident accident percent continent government agreement statement "
    "treatment department development movement management equipment investment payment employment "
    "argument document environment instrument assistant merchant giant servant tenant plant grant "
    "representative executive objective initiative relative native motive detective "
    "table cable vegetable bible music logic topic republic public critic clinic mechanic "
    "need speed seed deed bed shed creed greed feed weed reed steed"
)

# --- context -------------------------------------------------------------------------------------

# Degree adverbs: what follows is a quality (很緊張, 非常重要), not a thing or an action.
_DEGREE = _listed(
    "很 太 更 最 極 挺 頗 較 蠻 非常 十分 相當 特別 比較 更加 越來越 愈來愈 如此 這麼 那麼 格外 過於 "
    "极 这么 那么 过于 越来越 愈来愈 相当 特别 比较 更为 更為 極為 极为 尤為 尤为 頗為 颇为 較為 较为 "
    "日益 日漸 日渐 越發 越发 愈發 愈发 愈加 更趨 更趋"
)
_NEGATION = _listed("不 未 別 别 勿 莫 無法 无法 不再 不會 不会 不能 不要 沒 没")
_MODAL = _listed(
    "會 会 能 要 將 将 可 可以 能夠 能够 應 应 應該 应该 應當 应当 必須 必须 需 需要 得以 願意 愿意 "
    "將會 将会 可能 已 已經 已经 正 正在 曾 曾經 曾经 仍 仍然 還 还 也 都 就 才 又 再 共同 一起 "
    "進一步 进一步 繼續 继续 開始 开始 試圖 试图 企圖 企图 打算 準備 准备 決定 决定 積極 积极 逐漸 逐渐"
)
# Units that make a number a time: 九點, 三點半, 五時 (a numeral with them is no measure word).
_TIME_UNITS = tuple(_listed("點 点 時 时 分 秒 半 點鐘 点钟 號 号"))
_ASPECT = _listed("了 著 着 過 过")
_DEMONSTRATIVES = _listed(
    "這 这 那 每 各 該 该 此 本 某 哪 其 整 什麼 什么 哪些 這些 这些 那些 任何 所有 一切"
)
_PERSONAL_PRONOUNS = _listed(
    "我 你 妳 您 他 她 我們 我们 你們 你们 他們 他们 她們 她们 咱們 咱们 大家 自己 人們 人们 雙方 双方 "
    "對方 对方 有人 誰 谁"
)
# Endings of Chinese words for people (roles and groups): 記者, 官員, 專家, 總統 ….
_PERSON_ENDINGS = tuple(
    _listed("人 者 員 员 家 們 们 師 师 生 長 长 官 手 士 統 统 相 理 席 民 眾 众 兵 工 農 农 商 客 友 方")
)
# Words for what states, markets and relations are in: things, not people.
_SITUATION_ENDINGS = tuple(
    _listed(
        "係 系 勢 势 局 面 況 况 氛 態 态 情 市 場 场 價 价 線 线 區 区 域 界 國 国 邊 边 岸 間 间 "
        "應 应 求 源 濟 济 題 题 機 机 險 险 戰 战 爭 争 力 度 率 量"
    )
)
# Glosses said of a person's mind or feelings; a state of affairs is not nervous or glad.
_PERSON_STATES = _listed(
    """nervous anxious worried afraid scared frightened fearful keyed excited happy glad pleased
    sad unhappy upset angry furious ashamed embarrassed shy proud lonely bored tired exhausted
    jealous grateful thankful hopeful confident eager willing reluctant surprised amazed
    disappointed depressed moved touched uneasy restless"""
)
# Verbs that make someone or something do something: only they take a noun and its verb after
# them (使得 物價 上漲 "to cause prices to rise").
_CAUSATIVES = (
    "to make", "to cause", "to force", "to compel", "to let", "to allow", "to enable", "to lead",
    "to urge", "to ask", "to order", "to drive", "to push", "to help", "to prompt", "to invite",
)  # fmt: skip
# Glosses for speaking to someone: one answers a person or a question, not a crisis.
_SPEECH_VERBS = ("to answer", "to reply", "to respond to a question", "to say", "to tell", "to talk")
# Nouns one speaks to or answers (as their Chinese endings): 問題 is both a question and a problem.
_ADDRESSED_ENDINGS = tuple(_listed("問 问 詢 询 信 函 電 电 話 话 題 题 者 員 员 們 们"))


def _is_person(token: Token) -> bool:
    """True when a token names or stands for people (a name, a pronoun, a word for a role)."""
    text = token.text
    if token.pos in ("nr", "nrt", "nrfg") or (token.is_name and token.pos.startswith("nr")):
        return True
    if text in _PERSONAL_PRONOUNS:
        return True
    return (
        token.pos.startswith("n") and text.endswith(_PERSON_ENDINGS) and not text.endswith(_SITUATION_ENDINGS)
    )


def _is_situation(token: Token) -> bool:
    """True for a noun for a state of affairs or relations (局勢, 關係, 市場), or for a country or
    place, which are in a situation but do not feel."""
    if token.pos in ("ns", "nt"):
        return True
    return token.pos.startswith("n") and not _is_person(token) and token.text.endswith(_SITUATION_ENDINGS)


def _is_nominal(token: Token) -> bool:
    return token.pos.startswith(("n", "r")) or token.pos in ("vn", "an", "j", "l", "nz") or token.is_name


def _words(tokens: Sequence[Token], start: int, step: int) -> list[Token]:
    """The word tokens from `start` in direction `step` up to the clause's end (punctuation)."""
    out: list[Token] = []
    i = start
    while 0 <= i < len(tokens):
        tok = tokens[i]
        if tok.pos in ("w", "ws", "x") or not tok.text.strip():
            if tok.text.strip():
                break  # punctuation ends the clause
        else:
            out.append(tok)
        i += step
    return out


@dataclass(frozen=True, slots=True)
class _Context:
    """What the neighbours say about the word: evidence for each kind of word, and who it is said of."""

    wanted: Mapping[str, float]
    reasons: tuple[str, ...]
    subject_is_person: bool | None  # None: no subject found
    object_token: Token | None
    before: Token | None = None  # the word next to it on each side in the clause
    after: Token | None = None
    clause_after: bool = False  # a noun and then a verb follow: 使得 物價 上漲


def _context(tokens: Sequence[Token], index: int) -> _Context:
    tok = tokens[index]
    wanted: dict[str, float] = {}
    reasons: list[str] = []

    def add(kind: str, weight: float, why: str) -> None:
        wanted[kind] = wanted.get(kind, 0.0) + weight
        reasons.append(why)

    # jieba's tag is the word's usual part of speech, whatever the sentence: a weak prior.
    prior = {
        "v": (("verb", 1.0),), "vd": (("verb", 1.0),), "vi": (("verb", 1.0),),
        "vn": (("verb", 0.5), ("noun", 0.5)), "an": (("adjective", 0.5), ("noun", 0.5)),
        "a": (("adjective", 1.0),), "ad": (("adjective", 0.5), ("adverb", 0.5)), "d": (("adverb", 1.5),),
        "n": (("noun", 1.0),), "q": (("measure", 1.5),), "c": (("function", 1.0), ("adverb", 0.5)),
        "p": (("function", 1.0), ("verb", 0.3)), "u": (("function", 1.5),), "uj": (("function", 1.5),),
    }.get(tok.pos, ())  # fmt: skip
    for kind, weight in prior:
        add(kind, weight / 2, f"tag {tok.pos}")

    clause_after = False
    left = _words(tokens, index - 1, -1)
    right = _words(tokens, index + 1, 1)
    before = left[0] if left else None
    after = right[0] if right else None
    if before is not None:
        b = before.text
        if b in _DEGREE:
            add("adjective", 2.0, f"degree adverb {b}")
            add("noun", -3.0, f"degree adverb {b}")
        elif b in _NEGATION:
            add("verb", 1.0, f"negation {b}")
            add("adjective", 1.0, f"negation {b}")
            add("noun", -2.0, f"negation {b}")
        elif b in _MODAL or before.pos == "d":
            add("verb", 1.5, f"adverb {b}")
            add("adjective", 0.5, f"adverb {b}")
            add("noun", -2.0, f"adverb {b}")
        elif (b in ("的", "之") or before.pos == "uj") and after is not None and after.pos.startswith("n"):
            # 的 緊張 局勢: between 的 and a noun the word describes the noun.
            add("adjective", 1.5, f"between {b} and {after.text}")
            add("noun", 0.5, f"between {b} and {after.text}")
        elif b in ("的", "之") or before.pos == "uj":
            add("noun", 2.0, f"after {b}")
            add("verb", -1.0, f"after {b}")
        elif before.pos in ("t", "date") or (before.pos in ("m", "mq") and b.endswith(_TIME_UNITS)):
            # A time (九點, 明年) says when something happens: a predicate follows, not a noun.
            add("verb", 1.0, f"after the time {b}")
            add("adjective", 0.5, f"after the time {b}")
        elif before.pos in ("q", "mq") or (before.pos == "m" and not b.isdigit()) or b in _DEMONSTRATIVES:
            add("noun", 2.0, f"after measure {b}")
            add("verb", -1.5, f"after measure {b}")
        elif before.pos == "p" and b not in ("在", "正在"):
            add("noun", 1.0, f"after preposition {b}")
        elif _is_nominal(before):
            # A subject before a predicate, or the first noun of a compound (國防 開支).
            add("verb", 0.5, f"after subject {b}")
            add("adjective", 0.5, f"after subject {b}")
            if before.pos.startswith("n") and not _is_person(before):
                add("noun", 0.3, f"after noun {b}")
    if after is not None:
        a = after.text
        if a in _ASPECT or after.pos in ("ul", "uz", "ug"):
            add("verb", 2.0, f"aspect {a}")
            add("adjective", 0.5, f"aspect {a}")
            add("noun", -2.0, f"aspect {a}")
        elif a == "得" or after.pos == "ud":
            add("verb", 1.0, "complement 得")
            add("adjective", 1.0, "complement 得")
        elif a in ("的", "之") or after.pos == "uj":
            # X 的 …: X describes what follows (這樣的, 經濟的).
            add("adjective", 1.0, f"before {a}")
            add("noun", 0.5, f"before {a}")
            add("function", -1.0, f"before {a}")
            add("adverb", -1.0, f"before {a}")
        elif after.pos.startswith("v") and tok.pos in ("n", "vn", "an", "nz"):
            add("noun", 0.5, f"subject of {a}")
        elif _is_nominal(after):
            # A verb's object or the noun an adjective describes (相關 文件): both read so. A verb
            # after that noun may make it the subject of a clause the word governs (使得 物價 上漲),
            # or the noun may be the subject of that verb (保守 勢力 蟄伏).
            add("verb", 0.7, f"object {a}")
            add("adjective", 0.7, f"before noun {a}")
            if tok.pos in ("p", "c"):
                add("function", 1.0, f"preposition before {a}")
            for t in right[1:4]:  # past the rest of the noun phrase (公路 全部 封閉)
                if t.pos.startswith("v") or t.pos in ("d", "ad"):
                    clause_after = True  # only a causative verb takes it (see _semantic_fit)
                    break
                if not (_is_nominal(t) or t.pos in ("m", "q", "mq", "f")):
                    break

    # Who or what the word is said of: the nearest noun or pronoun before it in the clause, or,
    # for a word that describes a noun directly after it (緊張局勢), that noun.
    subject: bool | None = None
    for t in left:
        if _is_person(t):
            subject = True
            break
        if _is_situation(t) or t.pos.startswith("n"):
            subject = False
            break
    if tok.pos == "p":
        # A coverb (被, 對, 與) after a modal or adverb is still a preposition: 曾 被 認為.
        verbish = wanted.get("verb", 0.0)
        if verbish > 0:
            add("function", verbish, "coverb")
    if tok.pos in ("a", "an") and after is not None and after.pos.startswith("n"):
        subject = _is_person(after)
    return _Context(
        wanted,
        tuple(reasons),
        subject,
        after if after is not None and _is_nominal(after) else None,
        before,
        after,
        clause_after,
    )


# --- choosing the sense -------------------------------------------------------------------------

MIN_CONFIDENCE = 0.7  # below this `sense_in_context` gives no sense: better not asked than wrong

# Labels of senses a current text rarely means; domain labels only fit a text of that domain.
_RARE_LABELS = ("old", "archaic", "literary", "classical", "dialect", "obsolete", "euphemism")
_DOMAIN_LABELS = (
    "math", "physics", "chemistry", "biology", "medicine", "Chinese medicine", "TCM", "computing",
    "sports", "Buddhism", "Taoism", "music", "linguistics", "geology", "botany", "zoology",
    "astronomy", "electricity", "finance", "law", "military", "grammar", "slang", "Internet slang",
    "theater", "theatre", "film", "photography", "printing", "agriculture", "economics", "sport",
)  # fmt: skip


_DOMAIN_SET = frozenset(d.lower() for d in _DOMAIN_LABELS)


@dataclass(frozen=True, slots=True)
class Sense:
    """The CC-CEDICT sense a sentence uses: the entry it belongs to, its gloss(es) as the dictionary
    writes them, the same rendered for a learner, and how sure the choice is (0–1)."""

    definition: Definition
    glosses: tuple[str, ...]
    text: str
    confidence: float
    reasons: tuple[str, ...] = ()
    # What kind of word the sense is ("verb", "noun", "adjective" … as `gloss_kind` says): quiz
    # distractors should be meanings of the same kind.
    kind: str = ""


@dataclass(frozen=True, slots=True)
class _Candidate:
    definition: Definition
    gloss: str
    kind: str
    order: int
    score: float
    why: tuple[str, ...]


_QUANTITY = ("quantity", "number", "numeral", "amount")


def _label_condition_holds(label: str, ctx: _Context) -> bool:
    """Whether a label that names the word's neighbour ("before an expression of quantity",
    "after a verb") fits the sentence; labels that name nothing checkable hold."""
    m = re.match(r"^(?:used )?(before|after|following|preceding) (?:a |an )?(.+)$", label)
    if m is None:
        return True
    side, what = m.group(1), m.group(2)
    neighbour = ctx.after if side in ("before", "preceding") else ctx.before
    if any(q in what for q in _QUANTITY):
        return neighbour is not None and (
            neighbour.pos in ("m", "mq", "num", "q") or neighbour.text[:1].isdigit()
        )
    if what.startswith("verb"):
        return neighbour is not None and neighbour.pos.startswith("v")
    if what.startswith(("noun", "substantive")):
        return neighbour is not None and _is_nominal(neighbour)
    return True


def _semantic_fit(gloss: str, labels: Sequence[str], ctx: _Context) -> tuple[float, list[str]]:
    """Points for a gloss from who or what it is said of."""
    score = 0.0
    why: list[str] = []
    low = gloss.lower()
    first_words = re.split(r"[;,]", _labels_and_body(gloss)[1].lower())
    says_person_state = any(w.split()[:1] and w.split()[0] in _PERSON_STATES for w in first_words)
    of_sb = any(label in ("of sb", "of a person", "of people") for label in labels)
    of_sth = any(label.startswith(("of sth", "of a situation", "of things")) for label in labels)
    if ctx.subject_is_person is False:
        if says_person_state or of_sb:
            score -= 2.0
            why.append("said of a thing, not a person")
        if of_sth:
            score += 1.0
            why.append("(of sth) fits")
    elif ctx.subject_is_person is True:
        if says_person_state or of_sb:
            score += 1.0
            why.append("said of a person")
        if of_sth:
            score -= 1.0
            why.append("(of sth) does not fit a person")
    if ctx.clause_after and low.startswith(_CAUSATIVES):
        score += 1.0
        why.append("a causative before a clause")
    obj = ctx.object_token
    if obj is not None and low.startswith(_SPEECH_VERBS):
        if obj.text.endswith(_ADDRESSED_ENDINGS) or _is_person(obj):
            score += 0.5
            why.append(f"one answers {obj.text}")
        else:
            score -= 1.5
            why.append(f"{obj.text} is not spoken to")
    return score, why


def _reading_key(syllables: Iterable[str]) -> str:
    return "".join(to_numbers(s).lower().replace("ü", "v") for s in syllables if s)


def definitions_for_reading(item: VocabItem) -> list[Definition]:
    """The definitions for the reading the word has in the text (all of them if none matches):
    行 read háng in the text is not "to walk"."""
    if not item.definitions:
        return []
    wanted = _reading_key(item.pinyin)
    matching = [d for d in item.definitions if wanted and _reading_key(d.pinyin.split()) == wanted]
    return matching or list(item.definitions)


def _candidates(item: VocabItem, ctx: _Context, traditional_text: bool) -> list[_Candidate]:
    out: list[_Candidate] = []
    forms = (item.word, item.traditional, item.simplified)
    order = 0
    for definition in definitions_for_reading(item):
        if definition.source != "cc-cedict":
            continue  # the user's own meaning, a name list's gloss, a word explained by its parts
        proper = definition.pinyin[:1].isupper()
        for gloss in definition.meanings:
            kind = gloss_kind(gloss)
            order += 1
            if kind in ("reference", "bound", "other") or gives_away(forms, gloss):
                continue  # not a meaning of the word standing alone, or the word itself
            labels, _ = _labels_and_body(gloss)
            score = ctx.wanted.get(kind, 0.0)
            why: list[str] = []
            if kind == "name" or proper:
                # A surname or a place is no sense of a common word, and a name is not asked for
                # its meaning: QUAD 四國 is four countries, not the island the entry names.
                continue
            trailing = re.findall(r"\(([^()]*)\)\s*$", gloss)
            for label in (
                *labels,
                *(t.strip().lower() for t in trailing if t.strip().lower() in _DOMAIN_SET),
            ):
                if label.startswith(_RARE_LABELS):
                    score -= 2.0
                    why.append(f"({label})")
                elif label.rstrip(".") in _DOMAIN_SET or label.startswith(tuple(_DOMAIN_SET)):
                    score -= 1.5
                    why.append(f"({label})")
                elif label in ("tw", "taiwan") and not traditional_text:
                    score -= 1.5
                    why.append("(Tw) in a Simplified text")
            for label in labels:
                if not _label_condition_holds(label, ctx):
                    score -= 2.0
                    why.append(f"({label}) does not hold here")
            fit, fit_why = _semantic_fit(gloss, labels, ctx)
            out.append(_Candidate(definition, gloss, kind, order, score + fit, (*why, *fit_why)))
    return out


def sense_in_context(
    item: VocabItem, tokens_of_sentence: Sequence[Token], token_index: int, script: Script = Script.UNKNOWN
) -> Sense | None:
    """The CC-CEDICT sense of `item` at `tokens_of_sentence[token_index]`, or None when the sentence
    does not tell (or the word has no dictionary sense of its own). `script` picks the form of
    references in the rendered text (the item's own form when unknown)."""
    if item.is_name or not 0 <= token_index < len(tokens_of_sentence):
        return None  # a name is not asked for its meaning
    ctx = _context(tokens_of_sentence, token_index)
    if script is Script.UNKNOWN:
        script = _script_of(item)
    groups = _groups(_candidates(item, ctx, script is Script.TRADITIONAL))
    if not groups:
        return None
    # Earlier senses come first in CC-CEDICT: a small prior, which alone never makes a choice sure.
    ranked = sorted(enumerate(groups), key=lambda g: (-(g[1][0].score - 0.15 * g[0]), g[0]))
    best_at, best = ranked[0]
    if len(ranked) == 1:
        confidence = 0.95
    else:
        # The dictionary order only breaks ties: it adds nothing to how sure the choice is.
        margin = best[0].score - ranked[1][1][0].score
        confidence = 0.9 if margin >= 1.5 else 0.8 if margin >= 0.75 else 0.55 if margin > 0.3 else 0.4
    if len(best) > _MAX_SYNONYMS:
        # A long run of one-word glosses ("to beat / to strike / to hit / to break / to type …") is
        # a list of different senses, not synonyms: which of them the sentence means is not known,
        # unless what the word is said of ruled out an earlier sense of the same kind (a relation
        # is not nervous: 緊張 is then "intense; tense; strained"); its first glosses are then meant.
        ruled_out = any(g[0].kind == best[0].kind and g[0].score < best[0].score for g in groups[:best_at])
        confidence = min(confidence, 0.75 if ruled_out else 0.6)
        best = best[:3]
    if ctx.wanted.get(best[0].kind, 0.0) <= 0 and len(ranked) > 1:
        # Won only because the others were ruled out, with nothing for it: the sentence does not
        # say what this word is (可以 這麼 說: a modal before it suits none of its glosses).
        confidence = min(confidence, 0.55)
    if confidence < MIN_CONFIDENCE:
        return None
    glosses = tuple(c.gloss for c in best)
    text = "; ".join(learner_meaning(g, script) for g in glosses)
    return Sense(best[0].definition, glosses, text, confidence, (*ctx.reasons, *best[0].why), best[0].kind)


_MAX_SYNONYMS = 4


def _groups(candidates: Sequence[_Candidate]) -> list[list[_Candidate]]:
    """Candidates in dictionary order, with runs of one-gloss senses of the same kind that fit the
    sentence equally well taken as one sense: older CC-CEDICT entries write synonyms as separate
    senses ("to make / to cause"), newer ones join them with semicolons ("to handle; to deal with")."""
    groups: list[list[_Candidate]] = []
    for c in candidates:
        last = groups[-1][-1] if groups else None
        if (
            last is not None
            and last.definition is c.definition
            and last.order + 1 == c.order
            and last.kind == c.kind
            and last.score == c.score
            and ";" not in last.gloss
            and ";" not in c.gloss
        ):
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def _script_of(item: VocabItem) -> Script:
    if item.word == item.traditional != item.simplified:
        return Script.TRADITIONAL
    if item.word == item.simplified != item.traditional:
        return Script.SIMPLIFIED
    return Script.UNKNOWN


def word_sense(
    analysis: Analysis, item: VocabItem, tokens_of_sentence: Sequence[Token] | None = None
) -> Sense | None:
    """The sense of `item` in its example sentence (its first occurrence), or None. Pass the
    sentence's tokens when you have them; else they are found by offset in the analysis."""
    tokens = list(tokens_of_sentence) if tokens_of_sentence is not None else _sentence_tokens(analysis, item)
    forms: Collection[str] = {item.word, item.traditional, item.simplified}
    index = next((i for i, t in enumerate(tokens) if t.start == item.first_offset and t.text in forms), None)
    if index is None:
        index = next((i for i, t in enumerate(tokens) if t.text in forms), None)
    if index is None:
        return None
    return sense_in_context(item, tokens, index, analysis.script)


def _sentence_tokens(analysis: Analysis, item: VocabItem) -> list[Token]:
    """The tokens of the item's example sentence, found by bisection (tokens are in text order)."""
    tokens = analysis.tokens
    at = bisect.bisect_right(tokens, item.first_offset, key=lambda t: t.start) - 1
    if at < 0 or tokens[at].sentence != item.example_sentence:
        return analysis.sentence_tokens(item.example_sentence)
    start = at
    while start > 0 and tokens[start - 1].sentence == item.example_sentence:
        start -= 1
    end = at
    while end + 1 < len(tokens) and tokens[end + 1].sentence == item.example_sentence:
        end += 1
    return list(tokens[start : end + 1])
