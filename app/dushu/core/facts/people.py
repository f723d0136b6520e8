"""People a text names: titles and roles, bylines, English glosses, caption positions and the name list."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from dushu.core.facts.terms import COUNTRY_NAMES, glossary_kind
from dushu.core.models import Person, Sentence, Token, is_han
from dushu.core.script import to_simplified
from dushu.core.wordlists import NameEntry, RoleEntry, bundled_roles

__all__ = [
    "count_mentions",
    "extract_people",
    "family_name",
    "find_person_mentions",
    "mention_spans",
    "person_finder",
    "role_words",
]


def _both(chars: str) -> frozenset[str]:
    """The characters as written and in their Simplified forms (the lists here are written Traditional)."""
    return frozenset(chars) | frozenset(to_simplified(chars))


def _both_words(words: str | Iterable[str]) -> frozenset[str]:
    """The words (a list, or one string of words separated by white space) in both scripts."""
    out: set[str] = set()
    for w in words.split() if isinstance(words, str) else words:
        out.add(w)
        out.add(to_simplified(w))
    return frozenset(out)


# Single-character family names of Chinese and Korean people (a name after a title starts with one).
_SURNAMES = _both(
    "王李張劉陳楊黃趙吳周徐孫馬朱胡郭何高林羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭肖田董袁潘于蔣蔡余杜葉程蘇魏呂丁"
    "任沈姚盧姜崔鍾譚陸汪范金石廖賈夏韋付方白鄒孟熊秦邱江尹薛閻段雷侯龍史陶黎賀顧毛郝龔邵萬錢嚴覃武戴"
    "莫孔向湯賴溫岑翁柯游涂洪卓簡莊施連紀童駱詹歐傅黎凌甘鄔樊祁戚蒙闕鮑舒藍車饒柳牛雲易喬尤萬辜殷"
    "左伍包鈕苗邢裴鄺麥關黎聶單湛巫卜宗阮滕喻褚解況殳昌仇艾冉郁蔚鄞粘籃古利侯房路尚梅倪練"
    "朴裴權孫俞玄文安宣禹咸奇韓魚吉池閔元琴項齊祝耿管柴焦衛甄桂穆霍虞季仲岳康寇燕蒲郎谷佘姬鐘皮卞栗茅言"
    "菅森岸原辻"
    "葛裘顏龐畢翟辛冼佟竇屈靳繆寧瞿鞏匡荊嵇婁敖區"
    "晏杭闞諶鄢隋邰酆章衣"
)
# The last character of a three-character Japanese given name (健太郎, 由美子, 龍之介).
_JAPANESE_GIVEN_ENDS = frozenset("郎子介助")
# Two-character family names: Chinese compound surnames and common Japanese family names.
_COMPOUND_SURNAMES = _both_words(
    """歐陽 司馬 諸葛 上官 東方 令狐 皇甫 尉遲 公孫 慕容 長孫 宇文 司徒 夏侯 范姜 張簡
    張廖 端木 南宮 西門 安倍 岸田 石破 高市 菅原 鈴木 佐藤 田中 山本 渡邊 渡邉 中村 小林 加藤 吉田 山田
    松本 井上 木村 清水 山口 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 藤田 後藤 近藤 村上 遠藤
    青木 坂本 齋藤 齊藤 福田 太田 西村 藤井 岡本 松田 中川 中野 原田 小野 田村 竹內 金子 和田 中山 石田
    上田 森田 柴田 酒井 工藤 橫山 宮崎 宮本 內田 高木 安藤 谷口 大野 丸山 今井 河野 藤原 村田 武田 上野
    杉山 增田 小島 小山 千葉 大塚 平野 久保 松井 野口 木下 野村 菊地 佐野 大西 杉本 新井 濱田 市川 古川
    水野 小松 島田 高野 西田 菊池 西川 北村 安田 中田 川口 平田 川崎 飯田 吉川 本田 吉村 岩崎 大谷 松尾
    荒木 野田 小泉 鳩山 麻生 茂木 枝野 玉木 小池 羽生 黑田 植田 細川 村山 小渕 海部 竹下 中曾 宇野 大平
    三木 二階 星野 宮澤 小澤 長嶋 錦織 大坂 山崎 松山 宮里 石原 野茂 鈴村 福原 伊藤 渡部"""
)
# Characters that end a run of given-name characters: particles, common verbs and time words after a
# name (王大同表示, 陳美玲昨天), and the last character of a body (台積電, 金管會), never of a name.
_NOT_GIVEN = _both(
    "的了在與和及或是為將把被由對向從於等並且即也都就還又再亦均則卻便才仍皆曾已而但跟給令讓表說指稱發"
    "昨今日年時上下前後人們所內外認坦透呼率赴到去回訪見致提談宣帶領接獲受請該這那此各每無沒未非"
    "主先出入兼親質詢擔任升感拿奪攝暨因若以有不當近即首次共兩幾多自姓本"
    "電會院部局署處廳司黨隊團社廠校系館府市縣鄉鎮區省州報網店業界組室站"
    "、，。；：「」『』《》（）()！？"
)
# Characters of _NOT_GIVEN that are also common in given names (黃以文, 紀若涵, 林建業, 張亦凡): they
# count as a name's when a clear boundary closes the three-character name right after them.
_NAME_FRIENDLY = _both("以若業有亦")
# Words these characters start that are never a given name's end (陳以來, 王若是, 林有關).
_FRIENDLY_WORDS = _both_words(
    "以來 以上 以下 以後 以前 以外 以內 以為 以便 以免 以及 若干 若是 有關 有人 有些 業者 業界 業務 "
    "亦可 亦然 亦曾 亦稱 亦即"
)
# Numeral characters: 連續三 (年) is a count, never a name.
_NUMERAL_CHARS = _both("一二三四五六七八九十百千萬兩零〇○")
# What follows 發 when it starts a verb rather than ends a name (發表, 發布, 發言, 發現).
_VERB_AFTER_FA = _both("表布言現生出動起揮展給放")
# Characters of transliterated foreign names (川普, 梅爾茨, 瑪格麗特). A name after a foreign country's
# title is the run of these characters.
_TRANSLIT = _both(
    "阿埃艾愛安昂奧澳巴拔芭拜班邦鮑貝倍比彼畢碧賓波伯勃博布查柴徹達戴丹黛道德迪蒂丁東杜敦多厄鄂恩爾"
    "法凡范菲費芬豐佛夫弗福甘剛戈哥格葛根貢古瓜哈海漢豪赫亨胡華懷惠霍基吉加賈傑喀卡凱坎康柯科可克肯庫"
    "誇奎昆拉萊賴蘭朗勞雷蕾黎里理莉利麗廉琳凌龍隆盧魯倫羅洛馬瑪麥曼梅門蒙米密敏摩莫默姆穆納娜奈南尼"
    "妮涅寧紐努諾歐帕派潘培佩彭皮珀普奇齊恰喬切欽琴丘薩塞賽桑瑟森沙莎尚舍史斯絲松蘇索塔泰坦湯唐特提"
    "圖托瓦萬旺威韋維溫沃烏伍武西希錫席夏謝辛欣休薛雅亞耶伊依尤約扎澤詹哲珍茲祖佐川丁登宏茨契蓬蒂勒"
    "魏蕭翰奎莉塞琪娃絲妲爵蕊莎芙娜琳蓮黛茜娣奧澤瑞鮑杰傑叻溫韓奈得李理那保蓋強"
)
# Transliteration characters that seldom mean anything else in news text.
_STRONG_TRANSLIT = _both("斯克爾茲姆普羅蘭莉娜絲妮琳菲瑪麗亞奧蒂妲娃茨琪芙黛茜娣賽薩")
# Interpuncts that join the parts of a foreign name (約翰·史密斯).
_DOTS = "·‧•・．"
# Function characters and punctuation that never sit inside a role phrase or a name.
_STOP = _both(
    "的在與和及、，。；：「」《》（）()！？是為將把被由對向從於了等並且或即也都就還又更已曾而但同跟給令讓"
)
# Body endings: a run ending in one of these is a place or an organisation (白宮玫瑰園, 迎賓館).
_PLACE_END = _both(
    "園宮館山河島港街路區省市州國營灣洋海湖會院部局所廳處堂場黨社廠司團盟案約議法室宅府城鎮縣村站橋殿寺塔隊"
)
# Two-character words that start with a family-name character but are not names: what a title is
# followed by when no name comes (部長方面, 總統任內, 董事長高度肯定, 市長連任).
_COMMON_WORDS = _both_words(
    """如何 如果 如此 高興 高速 高達 高峰 高票 高官 高價 高溫 高齡 高估 高漲 高額 高端 高手 王國 王朝
    王室 林立 黃昏 周遭 周全 何在 何必 陳述 陳列 陳情 張貼 張力 張開 許可 連日 連夜 連忙 連署 萬分 萬歲
    安靜 安心 安置 安裝 安撫 紀律 常常 常見 宣稱 宣誓 宣導 解除 解讀 解散 解放 古老 古蹟 雷雨 簡化 簡直
    溫和 溫暖 溫柔 包裝 包圍 尚在 尚可 毛病 齊聚 齊心 賀電 嚴格 嚴厲 嚴正 嚴禁 顧客 顧及 顧慮 習慣 歐盟
    歐元 季節 季度 單獨 單純 路口 路面 房價 房子 車禍 車隊 衛生 衛星 衛冕 焦點 焦慮 池塘 元旦 元月 奇怪
    奇蹟 魚類 吉祥 文學 文明 文物 文章 文創 武裝 藍綠 牛肉 牛奶 鐘頭 鐘聲 皮膚 言論 言語 原來 原先 原住
    原油 原料 岸上 岸邊 森林 莫名 任免 權力 權利 權柄 權益 權限 權責 祝願 祝福 祝賀 任何 任意 任務 任由
    任憑 任教 任用 明星 管理 管制 管道 霍地 方面 方式 方案 方向 方針 任內 任期 任職 任命 高度 高層 高級
    王牌 林業 金額 金融 石油 文化 文件 安全 安排 江湖 白宮 何時 何以 成為 成功 成員 成立 成果 施政 程序
    程度 向來 連任 連續 常務 常態 包括 項目 明年 明天 明確 明顯 全國 全面 全體 公開 公布 公司 宣布 時間
    時期 時候 原本 原則 原因 應該 解釋 談話 周年 周邊 周末 平台 平均 曾經 曾任 關係 關於 車輛 古代 黃金
    田徑 孫子 馬上 余下 朱紅 章程 路線 梁柱 許多 溫度 雷達 龍頭 萬元 萬人 錢財 嚴重 武器 武力 戴上 孔子
    賴以 簡報 簡單 莊園 夏季 夏天 秦朝 鄭重 藍圖 藍色 史上 史無 易於 喬遷 尤其 左右 包含 苗栗 關注 關鍵
    單位 單一 解決 古董 利用 利益 房屋 路上 尚未 梅雨 文字 全球 安定 宣傳 宣示 明白 元首 金牌 金門 金馬
    金曲 杜絕 程式 游泳 簡稱 莊嚴 紀錄 紀念 童年 歐洲 凌晨 甘願 蒙古 舒適 車站 雲端 易經 康復 高雄 高鐵
    高中 林口 江蘇 白天 何況 白色 白人 黃色 洪水 卓越 施工 連線 連結 陸續 陸軍 陸地 陸委 萬一 石頭 石化
    龍捲 羅馬 黎明 黎巴 葉門 蘇聯 蘇丹 孟加 印尼 韓流 韓元 韓圓 韓式 越南 朝鮮 宋朝 唐朝 明朝 元朝 周朝
    漢朝 魏晉 向前 向上 向外 何處 何人 何種"""
)
# Words that make the run before them a body's name, not a person's.
_BODY_WORDS = _both_words("大學 公司 集團 銀行 醫院 學校 中學 小學 基金 協會 學會 企業 工業 科技 書局 出版")
# Modifiers that belong to a role: 前部長, 時任總統, 新任首相, 已故導演.
_ROLE_MODIFIERS = (
    "前",
    "時任",
    "时任",
    "新任",
    "現任",
    "现任",
    "候任",
    "署理",
    "首任",
    "副",
    "代理",
    "卸任",
    "已故",
)
# Words that often precede a title or a name without being part of the role ("當時總統", "由董事長").
_LEADING_WORDS = tuple(
    sorted(
        _both_words(
            """當時 當年 其中 包括 以及 至於 隨後 後來 此前 同時 其後 之後 然而 不過 另外 此外
    尤其 例如 比如 甚至 會見 會晤 接見 訪問 出席 表示 指出 認為 聯同 連同 據悉 圖為 今天 昨天 明天 今日
    昨日 明日 日前 近日 稍早 隨即 由於 根據 依據 透過 經過 除了 一位 一名 這位 該名 兩位 其他 前往 邀請
    感謝 質詢 詢問 批評 支持 反對 陪同 率同 帶領 擔任 出任 接任 另一名 另一位 邀 請 由 據 向 對 與 和
    及 讓 被 令 替 幫 為 是 並 但 也 都 就 還 又 在 於 從 今 昨 而 則"""
        ),
        key=len,
        reverse=True,
    )
)
# Verbs that put a name before its office: 由王大同擔任董事長, 陳美玲出任院長.
_TAKES_OFFICE = re.compile(
    "|".join(_both_words("擔任 出任 接任 升任 轉任 兼任 續任 就任 接掌 出掌 榮任 調任"))
)
# Where the credit of a picture or a text gives its author: 攝影：X, 圖／X, 文／X, 攝：X.
_CREDIT = re.compile(
    r"(?:^|(?<=[\s（(〔【\[／/、,，|｜。]))"
    r"(圖文|图文|撰文|攝影|摄影|照片|相片|文字|責任編輯|责任编辑|編輯|编辑|文|攝|摄|圖|图|影)\s*[／/：:]\s*"
)
_REPORTER = re.compile(
    "|".join(_both_words("攝影記者 文字記者 特派記者 實習記者 特約記者 記者 特派員 通訊員"))
)
# The place and day of an agency dateline after a reporter's name: 台北19日電, 華盛頓二十日專電.
_DATELINE_TAIL = re.compile(
    r"([^\W\d_]{2,4}?)(?:\d{1,2}|[〇○一二三四五六七八九十廿卅]{1,3})日(?:專|专)?[電电]"
)
_LIST_SEP = re.compile("、|以及|和|與|与|及|跟")
_COUNT_BEFORE_ROLE = re.compile(r"(?:等|共)?(?:[一二三四五六七八九十兩两\d]{1,3}(?:位|名|人))?$")
_TIME_OR_PLACE_WORDS = _both_words(
    "今年 去年 明年 今天 昨天 明天 上午 下午 晚上 凌晨 當天 當地 本屆 本季 全年 全國 全台 全港 國內 國外"
)
# Countries whose people have Chinese-character names (the others are transliterated).
_CJK_COUNTRIES = _both_words("中國 台灣 臺灣 香港 澳門 日本 韓國 南韓 北韓 朝鮮 新加坡 越南")
# Verbs of saying that follow a speaker's name (王大同表示).
_SAYS = re.compile(
    "|".join(_both_words("表示 指出 強調 認為 坦言 透露 回應 直言 說明 提到 呼籲 解釋 補充 受訪 證實 宣布"))
)
# Verbs of standing for or holding office, whose subject is a person (2018年：王大同當選).
_OFFICE_VERBS = re.compile("|".join(_both_words("當選 連任 勝選 落選 參選 出馬 請辭 辭職 卸任 就職 競選")))
# An age and a word for a person before a name, as crime and court reports give them (23歲男子王大同).
_AGED_PERSON = re.compile(
    r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})[歲岁](?:的)?"
    r"(男子|女子|男生|女生|少年|少女|男童|女童|青年|婦人|妇人|婦女|妇女|老翁|老婦|老妇|長者|长者)"
)
# Position markers in photo captions: 高市早苗（中間右）, 特朗普（Donald Trump，左）.
_POSITION = re.compile(r"^(?:中間|中间|前排|後排|后排)?[左右中](?:[一二三四五]|起[一二三四五])?$")
_BRACKET = re.compile(r"[（(]([^（）()\n]{1,60})[）)]")
_PERSON_LATIN = re.compile(
    r"^[A-Z][a-zà-ÿ'’\-]+(?:[ .·-]+(?:[A-Z][a-zà-ÿ'’\-]*\.?|von|van|der|de|da|bin|al))*$"
)
# Latin words that name things, not people ("Rose Garden", "Entity List").
_THING_WORDS = _both_words(
    """Act List Garden House Bank Group Council Agreement Partnership Treaty Dialogue
    Mechanism Forum Union Fund Ministry Department Office Strategy Initiative Consultations Law Rule
    Summit Party Company Corporation Institute University Palace Hall Square Street Road Bay Island Sea
    Ocean River Lake Mountain Camp Center Centre Committee Commission Secretariat Pact Alliance Chips
    Security Trade Economic Science Satellite Space Agency Association Federation League Cup
    Championship Series Award Prize Festival Museum Foundation School College Hospital Court Station
    Airport Port Times Post News Daily Journal Review Network"""
)
# Pos tags of jieba words that are never the start of a name (verbs, adverbs, prepositions, numerals …).
_NOT_NAME_POS = _both_words("v vd vn d p c u uj ul uz ug uv ud r m q t f s a ad an ng")


@cache
def _role_table() -> dict[str, RoleEntry]:
    table: dict[str, RoleEntry] = {}
    for entry in bundled_roles():
        for form in entry.forms:
            table.setdefault(form, entry)
        simplified = to_simplified(entry.word)
        table.setdefault(simplified, entry)
    return table


def role_words() -> frozenset[str]:
    """Every role and title word of the bundled lexicon, in its Traditional and Simplified forms."""
    return frozenset(_role_table())


def _trie_pattern(words: Iterable[str]) -> str:
    """One regex for many literal words that tries the longest first and branches by character.

    A plain alternation of several hundred words tests each of them at every position of a text;
    the trie tests one character at a time, so scanning a book stays fast.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:  # type: ignore[type-arg]
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


@cache
def _role_re() -> re.Pattern[str]:
    return re.compile(_trie_pattern(_role_table()))


def _is_honorific(word: str) -> bool:
    entry = _role_table().get(word)
    return entry is not None and entry.domain == "honorific"


@dataclass(slots=True)
class _Candidate:
    name: str
    english: str = ""
    roles: Counter[str] = field(default_factory=Counter)
    strong: bool = False  # seen with an English gloss, a caption position, a byline or in the name list
    list_role: str = ""


@dataclass(frozen=True, slots=True)
class _Hints:
    """What jieba's words say about a position: where words start and which are not names."""

    starts: frozenset[int]
    not_name: frozenset[int]  # starts of words of two or more characters that are verbs, adverbs …
    person: frozenset[int]  # starts of words jieba tags as a person's name
    verb_ends: frozenset[int]  # ends of verbs (判處, 宣布): a role phrase never reaches over one

    @staticmethod
    def of(tokens: Sequence[Token]) -> _Hints:
        starts: set[int] = set()
        not_name: set[int] = set()
        person: set[int] = set()
        verb_ends: set[int] = set()
        for t in tokens:  # one pass: a book has hundreds of thousands of tokens
            starts.add(t.start)
            if len(t.text) < 2:
                continue
            if t.pos in _NOT_NAME_POS and not t.is_name:
                not_name.add(t.start)
            if t.pos == "nr":
                person.add(t.start)
            if t.pos.startswith("v"):
                verb_ends.add(t.end)
        return _Hints(frozenset(starts), frozenset(not_name), frozenset(person), frozenset(verb_ends))


def _han(ch: str) -> bool:
    return is_han(ch) or ch == "〇"


def _run_before(text: str, end: int, limit: int = 14) -> int:
    """Start of the run of name-like Han characters ending at `end`."""
    start = end
    while start > 0 and end - start < limit and _han(text[start - 1]) and text[start - 1] not in _STOP:
        start -= 1
    return start


def _surname_at(text: str, pos: int) -> str:
    """The family name a Chinese, Japanese or Korean name starting at `pos` would have, or ""."""
    two = text[pos : pos + 2]
    if two in _COMPOUND_SURNAMES:
        return two
    if pos < len(text) and text[pos] in _SURNAMES:
        return text[pos]
    return ""


def _given_ok(ch: str) -> bool:
    return _han(ch) and ch not in _NOT_GIVEN


def _closed_after(text: str, end: int) -> bool:
    """True when nothing name-like follows `end`: the text ends, or punctuation or a particle comes."""
    if end >= len(text) or not _han(text[end]):
        return True
    return text[end] in _NOT_GIVEN and text[end] not in _NAME_FRIENDLY


# What comes right after a whole name (and not inside a word that starts with 子, 介, 助 or 郎).
_AFTER_NAME = _both("說表稱指認曾已將也亦則與和及昨今向對")


def _ends_a_name(text: str, at: int) -> bool:
    """True when a name ending at `at` is closed for sure: the text ends, punctuation or a non-Han
    character comes, or a word that follows names (表示, 說, 與, 昨日)."""
    return at >= len(text) or not _han(text[at]) or text[at] in _AFTER_NAME


def _friendly_given(text: str, end: int, given: int) -> bool:
    """True when the name-friendly character at `end` (the `given`-th given-name character) is a name's."""
    if text[end : end + 2] in _FRIENDLY_WORDS:
        return False
    if given == 1:
        return _closed_after(text, end + 1)  # 林建業表示
    nxt = text[end + 1 : end + 2]
    return bool(nxt) and _given_ok(nxt) and _closed_after(text, end + 2)  # 黃以文提醒


def _chinese_name_at(text: str, pos: int, hints: _Hints | None = None, *, titled: bool = False) -> str:
    """A family name and one or two given-name characters starting at `pos` (王大同, 高市早苗), or "".

    `titled` says a title stands right before `pos` (署長王大同): then a three-character name that a
    clear boundary closes is a name even when its first two characters make a word (黎明輝說) or jieba
    reads them as one (許家銘本場).
    """
    surname = _surname_at(text, pos)
    if not surname:
        return ""
    end = pos + len(surname)
    while end < len(text) and end - pos - len(surname) < 2:
        ch = text[end]
        given = end - pos - len(surname)
        # 和 is a given name's character (曾仁和) unless another name follows it (王大同和林志明).
        if ch in "和" and given == 1 and not _surname_at(text, end + 1):
            end += 1
            continue
        if ch in _NAME_FRIENDLY and len(surname) == 1 and _friendly_given(text, end, given):
            end += 1
            continue
        # 發 is a given name's character (王永發) unless it starts a verb (王大同發表).
        if not _given_ok(ch) or (ch in "發发" and text[end + 1 : end + 2] in _VERB_AFTER_FA):
            break
        title = _role_re().match(text, end)
        if title and title.end() - end >= 2 and not _is_honorific(title.group()):
            break  # 林志明總統: the title starts here
        end += 1
    if len(surname) == 2 and end - pos == 4 and text[end : end + 1] in _JAPANESE_GIVEN_ENDS:
        end += 1  # 田中健太郎, 石井由美子: a Japanese given name of three characters
    elif (
        len(surname) == 1
        and end - pos == 3
        and text[end : end + 1] in _JAPANESE_GIVEN_ENDS
        and _ends_a_name(text, end + 1)
    ):
        # 森山花子, 森田健介: a Japanese family name that starts with a Chinese one (森) and a given
        # name ending in 子, 郎, 介 or 助, then punctuation or what follows a name (表示, 說, 昨日):
        # 張家輝介紹, 王大明介入, 陳小明助人, 林志明子時 go on into a word instead.
        end += 1
    name = text[pos:end]
    clear = titled and _clear_three(text, pos, end, hints)
    if len(name) == len(surname) or (name[:2] in _COMMON_WORDS and not clear) or name in _TIME_OR_PLACE_WORDS:
        return ""
    if text[end - 1 : end + 1] in _BODY_WORDS or text[end : end + 2] in _BODY_WORDS:
        return ""  # 梅西大學, 王大同公司: the start of a body's name
    if hints and pos in hints.not_name and pos not in hints.person and not clear:
        return ""
    if name in COUNTRY_NAMES or _role_re().fullmatch(name):
        return ""
    return name


def _clear_three(text: str, pos: int, end: int, hints: _Hints | None) -> bool:
    """True for a family name and two given names closed by a boundary, with no word running over it."""
    if end - pos != 3 or _surname_at(text, pos) != text[pos] or text[end - 1] in _NUMERAL_CHARS:
        return False
    if not _closed_after(text, end):
        return False
    # jieba's word at the family name must end inside the name (許家|銘), and the name end at a word's
    # start or a verb of saying (jieba glues 輝說 together).
    if hints is None or text[end - 1] in "地得":
        return False  # without jieba's words no word is overruled; 高興地說 is an adverb
    ends_well = (
        end in hints.starts or bool(_SAYS.match(text, end)) or text[end : end + 1] in ("說", "说", "稱", "称")
    )
    return (pos + 2 in hints.starts or pos + 1 in hints.starts) and ends_well


def _translit_at(text: str, pos: int, hints: _Hints | None = None, limit: int = 6) -> str:
    """The run of transliteration characters starting at `pos` (梅爾茨, 馬克宏), two to six long."""
    end = pos
    while end < len(text) and end - pos < limit and text[end] in _TRANSLIT:
        if hints and end > pos and end in hints.not_name:
            break  # jieba sees a word such as 本人 or 政府 start here
        end += 1
    name = text[pos:end]
    if len(name) < 2 or name in COUNTRY_NAMES or name[:2] in _COMMON_WORDS or name in _TIME_OR_PLACE_WORDS:
        return ""
    if _role_re().match(name):
        return ""
    return name


def _dotted_name_at(text: str, pos: int) -> str:
    """A foreign name whose parts are joined by an interpunct (約翰·史密斯) starting at `pos`, or ""."""
    end = pos
    parts = 0
    while True:
        part_end = end
        while part_end < len(text) and part_end - end < 8 and text[part_end] in _TRANSLIT:
            part_end += 1
        if part_end == end:
            break
        parts += 1
        end = part_end
        if end + 1 < len(text) and text[end] in _DOTS and text[end + 1] in _TRANSLIT:
            end += 1
            continue
        break
    name = text[pos:end]
    return name if parts >= 2 and name[-1] not in _DOTS else ""


def _dotted_names(text: str) -> list[tuple[int, str]]:
    """Every interpunct-joined foreign name (瑪格麗特·柴契爾), with where it starts."""
    found: list[tuple[int, str]] = []
    for m in re.finditer(rf"(?<=[^\W\d_])[{_DOTS}](?=[^\W\d_])", text):
        if not (_han(text[m.start() - 1]) and _han(text[m.end()])):
            continue
        start = m.start()
        while start > 0 and m.start() - start < 8 and text[start - 1] in _TRANSLIT:
            start -= 1
        # 主席菲德爾·X: the name starts after the title, not at its last character.
        for t in _role_re().finditer(text, max(0, start - 8), m.start()):
            if start < t.end() <= m.start() - 1:
                start = t.end()
        if start == m.start() or (found and found[-1][0] + len(found[-1][1]) > start):
            continue
        name = _dotted_name_at(text, start)
        if name:
            found.append((start, name))
    return found


@cache
def _country_re() -> re.Pattern[str]:
    return re.compile(_trie_pattern(COUNTRY_NAMES))


@cache
def _leading_re() -> re.Pattern[str]:
    return re.compile("(?:" + _trie_pattern(_LEADING_WORDS) + ")+")


def _trim_role(prefix: str, title: str) -> str:
    """The role with its country or body, not the verb before them: 會見美國時任 + 總統 -> 美國時任總統."""
    country = _country_re().search(prefix)
    if country:
        return prefix[country.start() :] + title
    lead = _leading_re().match(prefix)
    if lead:
        prefix = prefix[lead.end() :]
    role = prefix + title
    if len(role) <= 8:
        return role
    # Too long to be one body and title: start after the end of a body's name (長庚醫院|中醫科醫師).
    for i in range(len(role) - 8, len(role) - len(title)):
        if role[i - 1] in _PLACE_END:
            return role[i:]
    return role[-max(6, len(title)) :]


def _role_before(
    text: str,
    title_start: int,
    title_end: int,
    stops: frozenset[int] | set[int] = frozenset(),
    names: Container[str] = (),
) -> str:
    """The role phrase ending with the title at text[title_start:title_end], with its body or country.

    The phrase reaches back no further than one of `names` or a verb ending at one of `stops`
    (法官王大同判處被告林志明 gives 被告, not 大同判處被告).
    """
    start = _run_before(text, title_start, limit=10)
    if text[start - 1 : start + 1] == "已故":
        start -= 1  # 已 stops a run, but 已故導演 ("the late director") is one role
    for k in range(title_start, start, -1):
        # A verb inside a body's name (疾病管制局) leaves one character or a body's ending: not a stop.
        at_stop = k in stops or any(text[k - n : k] in names for n in (2, 3, 4))
        if at_stop and title_start - k != 1 and text[k] not in _PLACE_END:
            start = k
            break
    return _trim_role(text[start:title_start], text[title_start:title_end])


def _is_foreign_role(role: str) -> bool:
    """True when the role names a country whose people are named by transliteration (英國首相, 德國總理)."""
    return any(c in role for c in COUNTRY_NAMES if c not in _CJK_COUNTRIES) and not any(
        h in role for h in _CJK_COUNTRIES
    )


def _strip_leading(name: str) -> str:
    for word in _LEADING_WORDS:
        if name.startswith(word) and len(name) - len(word) >= 2:
            return name[len(word) :]
    return name


def _plausible(name: str, exclude: frozenset[str], *, titled: bool = False) -> bool:
    """False for what only looks like a name: a country, a role word, a body, a common word.

    `titled`: the name came right after a title (a three-character name may start like a word then).
    """
    if not 2 <= len(name) <= 12 or name in exclude or name in COUNTRY_NAMES:
        return False
    # A family name and given names is read as such (王志城); other runs ending like a place are places.
    if (name[-1] in _PLACE_END and _chinese_name_at(name, 0) != name) or glossary_kind(name) != "term":
        return False
    if (name[:2] in _COMMON_WORDS and not (titled and len(name) == 3)) or name in _TIME_OR_PLACE_WORDS:
        return False
    if _role_re().fullmatch(name):
        return False
    # A role word inside the run (選舉候選人, 行政院副院長) makes it a phrase; one at the very start may be a
    # name's own characters (王子文).
    return not any(
        m.start() > 0 and m.end() - m.start() >= 2 and not _is_honorific(m.group())
        for m in _role_re().finditer(name)
    )


PersonFinder = Callable[[str], list[tuple[int, int, str]]]


def person_finder(people: Sequence[Person]) -> PersonFinder:
    """A function listing every (start, end, name) where one of `people` is mentioned in a text.

    Full names and, for four-character (Japanese) names, the family name alone (高市 for 高市早苗);
    the longest form wins where forms overlap. Built once, used for many spans.
    """
    canonical: dict[str, str] = {}
    for p in people:
        canonical[p.name] = p.name
    for p in people:
        alias = family_name(p.name)
        if alias:
            canonical.setdefault(alias, p.name)
    if not canonical:
        return lambda text: []
    pattern = re.compile("|".join(re.escape(f) for f in sorted(canonical, key=len, reverse=True)))
    return lambda text: [(m.start(), m.end(), canonical[m.group()]) for m in pattern.finditer(text)]


def find_person_mentions(text: str, people: Sequence[Person]) -> list[tuple[int, int, str]]:
    """Every (start, end, name) where a person is mentioned, by full name or a Japanese family name."""
    return person_finder(people)(text)


def mention_spans(
    text: str, people: Sequence[Person], other_forms: Mapping[str, tuple[str, ...]] | None = None
) -> list[tuple[int, int, str]]:
    """Every (start, end, name) where one of `people` is mentioned: the full name, the family name
    of a four-character name (高市 for 高市早苗), the family name with a title (李部長) and, for a
    person merged from several listed names, `other_forms` (name -> its other names)."""
    spans = find_person_mentions(text, people)
    spans += _other_form_mentions(text, dict(other_forms or {}), spans)
    spans += _title_aliases(text, people, spans)
    return spans


def count_mentions(text: str, people: Sequence[Person]) -> Counter[str]:
    """How many times `text` mentions each of `people` (the `mentions` of `extract_people`; every
    view that shows a person's mentions counts them with this, or shows that number)."""
    return Counter(name for _s, _e, name in mention_spans(text, people))


def family_name(name: str) -> str:
    """The short form a text uses for a four-character (Japanese) name: 高市早苗 -> 高市."""
    if len(name) == 4 and all(_han(c) for c in name):
        return name[:2]
    return ""


def extract_people(
    text: str,
    sentences: Sequence[Sentence],
    names: Sequence[NameEntry] = (),
    tokens: Sequence[Token] = (),
    *,
    exclude: frozenset[str] = frozenset(),
) -> tuple[Person, ...]:
    """People named in the text, in order of first mention.

    A person is found from a title before the name (國民黨立委王大同, 英國首相X, 台積電董事長X) or
    after it (王大同院長), a byline or photo credit (記者X／台北報導, 攝影：X), an English gloss
    (陳美玲（Meiling Chen）), a caption position (高市早苗（右）), an interpunct (約翰·史密斯), a list
    that shares one title (立委X、Y和Z, X、Y兩位投手) or the bundled name list. Titles come from the
    role lexicon (`resources/wordlists/roles.tsv`). `role` is the title the text gives most often,
    with its country or body (日本首相, 台積電董事長), else the list's. `mentions` counts the full
    name, the family name of a four-character name (高市 for 高市早苗) and a family name with a title
    (李部長, 王前市長) said of the person; one person under several listed names with the same English
    name (川普 / 特朗普) is one entry under the form the text uses first.
    """
    candidates: dict[str, _Candidate] = {}
    listed = {e.word: e for e in names if e.kind == "person"}
    hints = _Hints.of(tokens) if tokens else None
    token_starts = hints.starts if hints else frozenset()
    listed_words = sorted((w for w in listed if len(w) >= 2), key=len, reverse=True)
    listed_re = re.compile("|".join(map(re.escape, listed_words))) if listed_words else None
    roles_re = _role_re()
    stops: set[int] = set(hints.verb_ends) if hints else set()  # where a role phrase must begin
    title_matches = list(roles_re.finditer(text))
    named_after: set[int] = set()  # ends of titles a name follows
    counts_seen: dict[str, int] = {}

    def count(word: str) -> int:
        if word not in counts_seen:
            counts_seen[word] = text.count(word)
        return counts_seen[word]

    def candidate(name: str) -> _Candidate:
        if name not in candidates:
            candidates[name] = _Candidate(name)
        return candidates[name]

    def add(name: str, role: str = "", *, strong: bool = False, titled: bool = False) -> bool:
        if not _plausible(name, exclude, titled=titled):
            return False
        c = candidate(name)
        c.strong = c.strong or strong
        if role:
            c.roles[role] += 1
        return True

    def name_at(pos: int, role: str) -> str:
        """The name right after a title."""
        match = listed_re.match(text, pos) if listed_re else None
        if match:
            return match.group()
        if any(ch in _DOTS for ch in text[pos : pos + 9]):
            dotted = _dotted_name_at(text, pos)
            if dotted:
                return dotted
        foreign = _is_foreign_role(role)
        if foreign:
            translit = _translit_at(text, pos, hints)
            if translit:
                return translit
        chinese = _chinese_name_at(text, pos, hints, titled=True)
        if ("日本" in role or "日相" in role) and len(chinese) < 3:
            # A Japanese minister's name is three or four characters whatever the family name.
            end = pos
            while end < len(text) and end - pos < 4 and _given_ok(text[end]):
                end += 1
            vetoed = hints is not None and pos in hints.not_name  # 日本首相如何…: jieba reads a word
            if end - pos == 4 and text[pos : pos + 2] not in _COMMON_WORDS and not vetoed:
                return text[pos:end]
        if chinese:
            # 麥可史戴普 is one foreign name, not 麥可史: Chinese given names seldom run on like that.
            longer = _translit_at(text, pos, hints, limit=8)
            return longer if len(longer) >= 4 and len(longer) > len(chinese) else chinese
        translit = "" if foreign else _translit_at(text, pos, hints)
        # A transliteration after a title with no country needs a second sign that it is a name: a
        # second mention, jieba's tag, or characters that almost only transliterate (庫克, 梅西).
        if translit and (
            count(translit) >= 2
            or (hints is not None and pos in hints.person)
            or any(ch in _STRONG_TRANSLIT for ch in translit)
        ):
            return translit
        return ""

    # 1. Names followed by brackets: an English gloss or a caption position.
    for m in _BRACKET.finditer(text):
        parts = [p.strip() for p in re.split(r"[,，;；]", m.group(1))]
        latin = parts[0] if parts and _PERSON_LATIN.match(parts[0]) else ""
        position = any(_POSITION.match(p) for p in parts)
        if latin:
            words = latin.replace("·", " ").replace(".", " ").split()
            if len(words) < 2 or any(w in _THING_WORDS for w in words):
                latin = ""
        if not latin and not position:
            continue
        run_start = _run_before(text, m.start())
        run = text[run_start : m.start()]
        if not run or run[-1] in _PLACE_END:
            continue
        role, name = _split_title(run)
        titles = [t for t in roles_re.finditer(run) if t.end() < len(run) and not _is_honorific(t.group())]
        if role and titles:
            # As after any title, the role reaches back no further than a verb (靠外籍球員X: 外籍球員).
            t_start, t_end = run_start + titles[-1].start(), run_start + titles[-1].end()
            role = _role_before(text, t_start, t_end, stops, candidates)
        name = _strip_leading(name)
        if token_starts and len(name) > 4:
            # jieba's word boundaries cut off words stuck to the front of a transliterated name.
            inner = [s for s in range(m.start() - len(name), m.start()) if s in token_starts]
            if inner:
                name = text[inner[-1] : m.start()] if m.start() - inner[-1] >= 2 else name
        if not latin and len(name) >= 4 and _chinese_name_at(name, 0) != name:
            # 寶寶王小明（右）: the name is the family name and given names at the end of the run.
            tail = next((name[-k:] for k in (3, 2) if _chinese_name_at(name[-k:], 0) == name[-k:]), "")
            name = tail or name
        listed_tail = next((name[k:] for k in range(len(name) - 1) if name[k:] in listed), None)
        if listed_tail:
            name = listed_tail
        if not 2 <= len(name) <= 6 or not add(name, role, strong=True):
            continue
        if latin and not candidates[name].english:
            candidates[name].english = latin

    # 2. Bylines and credits: 〔記者王大同／台北報導〕, （中央社記者王大同台北19日電）, 攝影：王大同.
    for m in _REPORTER.finditer(text):
        # The agency stays in the role (中央社記者); a photo credit makes the reporter a photographer.
        reporter = _role_before(text, m.start(), m.end(), stops, candidates)
        for name, role in _byline_names(text, m.end(), reporter):
            add(name, role, strong=True)
    for m in _CREDIT.finditer(text):
        if _REPORTER.match(text, m.end()):
            continue  # 圖／記者王大同攝: the reporter loop has it
        role = (
            "記者"
            if m.group(1) in ("文", "撰文", "文字")
            else "編輯"
            if "編" in m.group(1) or "编" in m.group(1)
            else "攝影"
        )
        for name in _credit_names(text, m.end()):
            add(name, role, strong=True)

    # 3. Foreign names joined by an interpunct: 約翰·史密斯.
    for start, name in _dotted_names(text):
        title = None
        for t in roles_re.finditer(text, max(0, start - 8), start):
            if t.end() == start:
                title = t
        add(
            name,
            _role_before(text, title.start(), title.end(), stops, candidates) if title else "",
            strong=True,
        )

    # 4. Titles before a name (總統王大同, 衛福部長王大同, 英國首相X), and the names listed after it.
    for m in title_matches:
        if _is_honorific(m.group()):
            continue
        role = _role_before(text, m.start(), m.end(), stops, candidates)
        pos = m.end()
        name = name_at(pos, role)
        if not name or not add(name, role, titled=True):
            continue
        named_after.add(pos)
        pos += len(name)
        chinese = _chinese_name_at(name, 0) == name
        while sep := _LIST_SEP.match(text, pos):
            # The names of one list are of one kind: 立委王大同、林志明, not 王大同、東亞.
            following = _chinese_name_at(text, sep.end(), hints) if chinese else name_at(sep.end(), role)
            if not following or not add(following, role):
                break
            pos = sep.end() + len(following)

    # 4b. An age and a word for a person before a name: 23歲男子王大同 (the word is the role given).
    for m in _AGED_PERSON.finditer(text):
        name = _chinese_name_at(text, m.end(), hints, titled=True)
        if name:
            add(name, m.group(1), titled=True)

    # 5. A name before the verb of taking office: 由王大同擔任董事長.
    for m in _TAKES_OFFICE.finditer(text):
        title = roles_re.search(text, m.end(), min(len(text), m.end() + 10))
        if not title or any(ch in _STOP for ch in text[m.end() : title.start()]):
            continue
        name = _name_ending_at(text, m.start(), candidates, listed)
        if name:
            add(name, text[m.end() : title.end()])

    # 6. Titles after a name (王大同院長, 陳美玲教授) and lists before a shared title (X、Y兩位投手).
    for m in title_matches:
        end = m.start()
        for modifier in _ROLE_MODIFIERS:
            if text.startswith(modifier, end - len(modifier)):
                end -= len(modifier)
                break
        # 安哥拉總統王大同: a name after the title makes what stands before it a country or a body.
        name = "" if m.end() in named_after else _name_ending_at(text, end, candidates, listed)
        if name:
            add(name, text[end : m.end()] if end < m.start() else m.group())
        if not _is_honorific(m.group()):
            for listed_name in _list_before(text, m.start()):
                add(listed_name, m.group())

    # 7. A full name before a verb of saying that jieba also reads as a name: 王大同表示.
    for m in _SAYS.finditer(text):
        name = _name_ending_at(text, m.start(), candidates, listed)
        if len(name) < 3 or name in candidates:
            continue
        start = m.start() - len(name)
        if hints is not None and start in hints.person:
            add(name)
    # A full name that starts a line or a clause and stands for office: "2018年：王大同當選".
    for m in _OFFICE_VERBS.finditer(text):
        start = m.start() - 3
        if start < 0 or (start > 0 and _han(text[start - 1])):
            continue  # only after punctuation or at a line's start, where no word runs into the name
        name = text[start : m.start()]
        if _chinese_name_at(text, start, hints) == name:
            add(name)
    # Names listed before 等人 ("王大同、林志明等人"): every item a full name of three characters.
    for m in re.finditer("等人", text):
        if text[m.end() : m.end() + 1] in ("數", "数", "口", "士", "員", "员"):
            continue  # 等人數, 等人士: not a list of people
        head = text[max(0, m.start() - 40) : m.start()]
        items = _LIST_SEP.split(re.split(r"[，,。；;：:！？!?\n「」『』（）()]", head)[-1])
        listed_names = [items[0][-3:], *items[1:]]
        if len(items) >= 2 and all(len(n) == 3 and _chinese_name_at(n, 0) == n for n in listed_names):
            for name in listed_names:
                add(name)

    # 8. The name list.
    for word, entry in listed.items():
        if word in text and word not in exclude and not _only_inside_longer_names(text, word):
            c = candidate(word)
            c.strong = True
            c.english = c.english or entry.english
            c.list_role = entry.role

    # 9. Names listed next to a known person: "菅義偉、岸田文雄、石破茂、高市早苗".
    known = re.compile(_trie_pattern(candidates)) if candidates else None
    for m in known.finditer(text) if known else ():
        if "、" in (text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]):
            for neighbour in _enumeration_neighbours(text, m.start(), m.end()):
                if not any(neighbour in c for c in candidates) and _name_like(neighbour, listed):
                    add(neighbour)

    _settle_lengths(text, candidates)
    other_forms = _merge_same_person(text, candidates, listed)
    people = [
        Person(name=c.name, mentions=0, english=c.english, role=_best_role(c)) for c in candidates.values()
    ]
    spans = mention_spans(text, people, other_forms)
    counts = Counter(name for _s, _e, name in spans)
    first: dict[str, int] = {}
    starts = [s.start for s in sentences]
    sentence_sets: dict[str, set[int]] = {p.name: set() for p in people}
    for start, _end, name in sorted(spans):
        first.setdefault(name, start)
        sentence_sets[name].add(_sentence_at(sentences, starts, start))
    result = [
        Person(p.name, counts[p.name], p.english, p.role, tuple(sorted(sentence_sets[p.name] - {-1})))
        for p in people
        if counts[p.name] > 0
    ]
    result.sort(key=lambda p: first.get(p.name, 0))
    return tuple(result)


def _split_title(run: str) -> tuple[str, str]:
    """("美國總統", "特朗普") from "會見美國時任總統特朗普": the role (trimmed) and the name after it."""
    last = None
    for m in _role_re().finditer(run):
        if m.end() < len(run) and not _is_honorific(m.group()):
            last = m
    if last is None:
        return "", run
    return _trim_role(run[: last.start()], last.group()), run[last.end() :]


def _boundary_before(text: str, pos: int) -> bool:
    """True where a name may begin: after punctuation, a particle, a body's name (台大) or the start."""
    if pos <= 0:
        return True
    ch = text[pos - 1]
    return not _han(ch) or ch in _STOP or ch in _PLACE_END or ch in "大報台"


def _name_ending_at(
    text: str, end: int, candidates: dict[str, _Candidate], listed: dict[str, NameEntry]
) -> str:
    """The name that ends right before a title or a verb at `end` (王大同 in 王大同院長), or ""."""
    for length in (4, 3, 2):
        start = end - length
        if start < 0:
            continue
        name = text[start:end]
        known = name in candidates or name in listed
        if not known and (length == 2 or _chinese_name_at(text, start) != name):
            continue
        if known or _boundary_before(text, start):
            return name
    return ""


def _list_before(text: str, role_start: int) -> list[str]:
    """The names of a list right before a shared title: 王大同、林志明與陳美玲三位投手 -> the three."""
    head = text[max(0, role_start - 40) : role_start]
    count = _COUNT_BEFORE_ROLE.search(head)
    if not count or not count.group():
        return []
    head = head[: count.start()]
    clause = re.split(r"[，,。；;：:！？!?\n「」『』（）()]", head)[-1]
    items = _LIST_SEP.split(clause)
    if len(items) < 2:
        return []
    found: list[str] = []
    first = items[0]
    for length in (4, 3, 2):
        tail = first[-length:]
        if len(tail) == length and _chinese_name_at(tail, 0) == tail:
            found.append(tail)
            break
    else:
        return []
    for item in items[1:]:
        if _chinese_name_at(item, 0) != item:
            return []
        found.append(item)
    return found


def _only_inside_longer_names(text: str, word: str) -> bool:
    """True when a transliterated name occurs only inside a longer transliteration (卡尼 in 托斯卡尼尼)."""
    if not all(ch in _TRANSLIT for ch in word):
        return False
    for m in re.finditer(re.escape(word), text):
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if before not in _TRANSLIT and after not in _TRANSLIT:
            return False
    return True


def _name_like(name: str, listed: dict[str, NameEntry]) -> bool:
    return (
        name in listed
        or _chinese_name_at(name, 0) == name
        or (len(name) >= 2 and all(ch in _TRANSLIT for ch in name))
    )


def _byline_names(text: str, pos: int, reporter: str) -> list[tuple[str, str]]:
    """The reporters of a byline whose 記者 ends at `pos`: 記者王大同、林志明／台北報導 -> both."""
    found: list[str] = []
    while pos < len(text) and text[pos] in " \u3000":
        pos += 1  # 記者 王大同／台北報導
    while True:
        name = _chinese_name_at(text, pos) or _byline_name_at(text, pos)
        if not name:
            break
        found.append(name)
        pos += len(name)
        if pos < len(text) and text[pos] in "、,，" and _chinese_name_at(text, pos + 1):
            pos += 1
            continue
        break
    if not found:
        return []
    rest = text[pos : pos + 12]
    role = reporter
    if rest[:1] in "／/）)〕】" or rest.startswith(("報導", "报道", "綜合報導", "综合报导")):
        return [(n, role) for n in found]
    if rest[:1] in "攝摄":
        return [(n, role if "攝" in role or "摄" in role else "攝影記者") for n in found]
    dateline = _DATELINE_TAIL.match(text, pos)
    if dateline:
        return [(n, role) for n in found]
    last = found[-1]
    # 記者王同台北19日電: the given name is one character, the place two.
    if len(last) == 3 and _DATELINE_TAIL.match(text, pos - 1):
        return [(n, role) for n in [*found[:-1], last[:2]]]
    return []


def _byline_name_at(text: str, pos: int) -> str:
    """A reporter's name where the byline's shape vouches for it though a given-name character is
    one a name elsewhere rarely has (記者張以寧／台北報導, 記者林于心台北3日電): family name and one or
    two Han characters, then the slash, the closing bracket or the place and day of the dateline."""
    surname = _surname_at(text, pos)
    if not surname:
        return ""
    start = pos + len(surname)
    for given in (2, 1):
        end = start + given
        if end > len(text) or not all(_han(ch) for ch in text[start:end]):
            continue
        if text[end : end + 1] in ("／", "/", "）", ")", "〕", "】") and end < len(text):
            return text[pos:end]
        if _DATELINE_TAIL.match(text, end):
            return text[pos:end]
    return ""


def _credit_names(text: str, pos: int) -> list[str]:
    """The names after 攝影：, 圖／ or 文／ (several joined by 、), unless the picture was only provided."""
    found: list[str] = []
    while True:
        name = _chinese_name_at(text, pos)
        if not name:
            return []
        end = pos + len(name)
        if text.startswith(("提供", "翻攝", "翻摄"), end):
            return []
        if end < len(text) and _han(text[end]) and text[end] not in "攝摄、":
            return []
        found.append(name)
        if end < len(text) and text[end] == "、":
            pos = end + 1
            continue
        return found


def _settle_lengths(text: str, candidates: dict[str, _Candidate]) -> None:
    """Settle names whose length a title alone leaves open, and fold a name inside a longer one.

    王大同壓制 after a title reads as 王大同 only when the text never names 王大 alone; where it
    does (王大、林志明), the two-character form is the name.
    """
    threes = [n for n in candidates if len(n) == 3 and len(_surname_at(n, 0)) == 1]
    if threes:
        # One scan for all the short forms and one for the full names, not two per name.
        short_count: Counter[str] = Counter()
        alone: set[str] = set()
        for m in re.finditer(_trie_pattern({n[:2] for n in threes}), text):
            short_count[m.group()] += 1
            # Alone means before punctuation or another item of a list (王大、林志明), not before a verb.
            if m.end() >= len(text) or not _han(text[m.end()]) or text[m.end()] in "、和與与及":
                alone.add(m.group())
        full_count = Counter(m.group() for m in re.finditer(_trie_pattern(threes), text))
        for name in threes:
            short = name[:2]
            if short not in alone or short_count[short] <= full_count[name]:
                continue
            old = candidates.pop(name)
            c = candidates.setdefault(short, _Candidate(short))
            c.roles.update(old.roles)
            c.strong = c.strong or old.strong
            c.english = c.english or old.english
    # A shorter candidate inside a longer one (特朗 inside 特朗普) is the same person.
    for name in sorted(candidates, key=len):
        longer = next((o for o in candidates if o != name and name in o), None)
        if longer:
            candidates[longer].roles.update(candidates[name].roles)
            candidates[longer].strong = candidates[longer].strong or candidates[name].strong
            del candidates[name]


def _merge_same_person(
    text: str, candidates: dict[str, _Candidate], listed: dict[str, NameEntry]
) -> dict[str, tuple[str, ...]]:
    """One person under the names of several places (川普 / 特朗普): the list gives both one English name.

    The form the text uses first stays; returns the other forms of each person kept.
    """
    groups: dict[str, list[str]] = {}
    for name in candidates:
        english = listed[name].english if name in listed else ""
        if english:
            groups.setdefault(english, []).append(name)
    others: dict[str, tuple[str, ...]] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda n: text.find(n) if n in text else len(text))
        keep = candidates[group[0]]
        for name in group[1:]:
            gone = candidates.pop(name)
            keep.roles.update(gone.roles)
            keep.english = keep.english or gone.english
            keep.list_role = keep.list_role or gone.list_role
        others[group[0]] = tuple(group[1:])
    return others


def _covered(spans: Iterable[tuple[int, int, str]]) -> set[int]:
    """Every offset inside one of the spans."""
    return {i for start, end, _n in spans for i in range(start, end)}


def _other_form_mentions(
    text: str, other_forms: dict[str, tuple[str, ...]], spans: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Mentions of a merged person under the names it was merged from (特朗普 counted for 川普)."""
    found: list[tuple[int, int, str]] = []
    if not other_forms:
        return found
    covered = _covered(spans)
    for keep, forms in other_forms.items():
        for form in forms:
            for m in re.finditer(re.escape(form), text):
                if not covered.intersection(range(m.start(), m.end())):
                    found.append((m.start(), m.end(), keep))
                    covered.update(range(m.start(), m.end()))
    return found


def _title_aliases(
    text: str, people: Sequence[Person], spans: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Mentions by family name and title (李部長, 王前市長, 陳總) of people named in full before.

    Where several people share the family name, the one whose role has the title wins, else the one
    named last before the mention. Before the first full mention only a title matching the role counts.
    """
    by_surname: dict[str, list[Person]] = {}
    for p in people:
        surname = _surname_at(p.name, 0)
        if surname and len(p.name) > len(surname) and _chinese_name_at(p.name, 0) == p.name:
            by_surname.setdefault(surname, []).append(p)
    if not by_surname:
        return []
    pattern = re.compile(
        "("
        + _trie_pattern(by_surname)
        + r")(前|副|代|老)?("
        + _trie_pattern(role_words() | {"總", "总", "董"})
        + ")"
    )
    first_seen = {name: start for start, _e, name in sorted(spans, reverse=True)}
    covered = _covered(spans)
    starts_of: dict[str, list[int]] = {}
    for start, _e, name in sorted(spans):
        starts_of.setdefault(name, []).append(start)
    found: list[tuple[int, int, str]] = []
    for m in pattern.finditer(text):
        if covered.intersection(range(m.start(), m.end())):
            continue
        title = m.group(3)
        if m.end() < len(text) and title in ("總", "总", "董") and _given_ok(text[m.end()]):
            continue  # 陳總結: not a title
        people_here = by_surname[m.group(1)]

        def fits(p: Person, title: str = title) -> bool:
            if title in ("總", "总"):
                return any(w in p.role for w in ("總", "总", "執行長", "执行长", "董事長", "董事长"))
            if title == "董":
                return "董" in p.role
            return title in p.role

        matching = [p for p in people_here if fits(p)]
        before = [p for p in people_here if first_seen.get(p.name, len(text)) < m.start()]
        if len(matching) == 1:
            who = matching[0]
        elif before:
            at = m.start()
            who = max(before, key=lambda p: starts_of[p.name][bisect.bisect_left(starts_of[p.name], at) - 1])
        else:
            continue
        if first_seen.get(who.name, len(text)) > m.start() and who not in matching:
            continue
        found.append((m.start(), m.end(), who.name))
    return found


def _enumeration_neighbours(text: str, start: int, end: int) -> list[str]:
    """The other 2–4 character items of a 、-separated list that holds text[start:end]."""
    found: list[str] = []
    pos = start
    while pos > 0 and text[pos - 1] == "、":
        item_start = _run_before(text, pos - 1, limit=4)
        if item_start == pos - 1:
            break
        found.append(text[item_start : pos - 1])
        pos = item_start
    pos = end
    while pos < len(text) and text[pos] == "、":
        item_end = pos + 1
        while (
            item_end < len(text)
            and item_end - pos - 1 < 4
            and _han(text[item_end])
            and text[item_end] not in _STOP
        ):
            item_end += 1
        item = text[pos + 1 : item_end]
        if len(item) < 2:
            break
        found.append(item)
        pos = item_end
    return [f for f in found if 2 <= len(f) <= 4]


def _best_role(c: _Candidate) -> str:
    """The role the text gives most often; a role naming the country wins a tie; else the list's."""
    if not c.roles:
        return c.list_role
    best = max(
        c.roles.items(),
        # Most often said; then not "時任" (at the time), then naming the country, then the fuller one.
        key=lambda kv: (kv[1], "時任" not in kv[0], any(k in kv[0] for k in COUNTRY_NAMES), len(kv[0])),
    )[0]
    if c.list_role.endswith(best) and not any(k in best for k in COUNTRY_NAMES):
        return c.list_role  # the text says only 首相; the list knows it is 日本首相
    return best


def _sentence_at(sentences: Sequence[Sentence], starts: Sequence[int], pos: int) -> int:
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and sentences[i].start <= pos < sentences[i].end:
        return sentences[i].index
    return -1
