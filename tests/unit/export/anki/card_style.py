"""What a card shows, from its HTML and the deck's CSS: the colour and background of every text run.

A small cascade written for the card tests (no browser needed): class, id and type selectors,
descendant and child combinators, specificity and source order; `color` inherits, backgrounds are
seen through transparent elements. Rules with other selectors (pseudo-classes and -elements,
sibling combinators, attributes) and @media blocks are left out: none of them sets a text colour of
a card's own text. Templates are filled the way Anki fills ours ({{Field}}, {{#Field}}…{{/Field}},
{{FrontSide}}, {{cloze:Text}}).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser

RGBA = tuple[float, float, float, float]

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_COMPOUND = re.compile(r"^([a-zA-Z][a-zA-Z0-9]*|\*)?((?:[.#][\w-]+)*)$")
_HEX = re.compile(r"#([0-9a-fA-F]{3,8})\b")
_VOID = frozenset(("br", "hr", "img", "wbr", "meta", "input", "link", "source"))


@dataclass(frozen=True)
class Compound:
    """One compound selector: a tag (or None), an id (or None) and classes."""

    tag: str | None
    ident: str | None
    classes: frozenset[str]

    def matches(self, node: Node) -> bool:
        """True when `node` has this tag, id and every class."""
        return (
            (self.tag is None or self.tag == node.tag)
            and (self.ident is None or self.ident == node.ident)
            and self.classes <= node.classes
        )


@dataclass(frozen=True)
class Rule:
    """One selector of a rule with its declarations, specificity and place in the sheet."""

    parts: tuple[tuple[str, Compound], ...]  # (combinator before it: " " or ">", compound)
    declarations: Mapping[str, str]
    specificity: tuple[int, int, int]
    order: int


@dataclass(eq=False)
class Node:
    """An element of the rendered card."""

    tag: str
    classes: frozenset[str]
    ident: str | None
    parent: Node | None
    children: list[Node | str] = field(default_factory=list)

    def ancestors(self) -> Iterator[Node]:
        """The parent, its parent, … up to the root."""
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


@dataclass(frozen=True)
class TextRun:
    """A piece of text as the learner sees it."""

    text: str
    color: RGBA
    background: RGBA
    path: tuple[str, ...]  # the classes of the element and its ancestors, innermost first

    @property
    def hidden(self) -> bool:
        """True when the text is drawn in a fully transparent colour."""
        return self.color[3] == 0

    @property
    def contrast(self) -> float:
        """WCAG contrast ratio of the text against its background."""
        return contrast_ratio(self.color, self.background)


def parse_color(value: str) -> RGBA | None:
    """A CSS colour from a declaration value (hex forms and `transparent`), None when absent."""
    value = value.strip().lower()
    if "transparent" in value.split():
        return (0.0, 0.0, 0.0, 0.0)
    match = _HEX.search(value)
    if match is None:
        return None
    digits = match.group(1)
    if len(digits) in (3, 4):
        digits = "".join(ch * 2 for ch in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in range(0, len(digits), 2)]
    alpha = channels[3] if len(channels) == 4 else 1.0
    return (channels[0], channels[1], channels[2], alpha)


def contrast_ratio(a: RGBA, b: RGBA) -> float:
    """The WCAG 2 contrast ratio of two opaque colours."""

    def luminance(c: RGBA) -> float:
        lin = [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in c[:3]]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _strip_blocks(css: str) -> str:
    """The sheet without @media (and other @) blocks."""
    out: list[str] = []
    i = 0
    while i < len(css):
        at = css.find("@", i)
        if at < 0:
            out.append(css[i:])
            break
        out.append(css[i:at])
        depth, j = 0, css.index("{", at)
        while j < len(css):
            depth += {"{": 1, "}": -1}.get(css[j], 0)
            j += 1
            if depth == 0:
                break
        i = j
    return "".join(out)


def _compound(text: str) -> Compound | None:
    match = _COMPOUND.match(text)
    if match is None or not text:
        return None
    tag = match.group(1) if match.group(1) not in (None, "*") else None
    names = re.findall(r"([.#])([\w-]+)", match.group(2))
    idents = [n for kind, n in names if kind == "#"]
    return Compound(tag, idents[0] if idents else None, frozenset(n for kind, n in names if kind == "."))


def parse_css(css: str) -> list[Rule]:
    """The rules of the sheet, one per selector, in source order."""
    rules: list[Rule] = []
    for order, match in enumerate(re.finditer(r"([^{}]+)\{([^{}]*)\}", _strip_blocks(_COMMENT.sub("", css)))):
        declarations: dict[str, str] = {}
        for decl in match.group(2).split(";"):
            if ":" in decl:
                name, value = decl.split(":", 1)
                declarations[name.strip().lower()] = value.strip()
        for selector in match.group(1).split(","):
            tokens = selector.replace(">", " > ").split()
            parts: list[tuple[str, Compound]] = []
            combinator = " "
            ok = bool(tokens)
            for token in tokens:
                if token == ">":
                    combinator = ">"
                    continue
                compound = _compound(token)
                if compound is None:
                    ok = False
                    break
                parts.append((combinator, compound))
                combinator = " "
            if not ok:
                continue
            specificity = (
                sum(1 for _, c in parts if c.ident),
                sum(len(c.classes) for _, c in parts),
                sum(1 for _, c in parts if c.tag),
            )
            rules.append(Rule(tuple(parts), declarations, specificity, order))
    return rules


def _matches(rule: Rule, node: Node) -> bool:
    parts = rule.parts
    if not parts[-1][1].matches(node):
        return False
    current: Node | None = node
    for index in range(len(parts) - 1, 0, -1):
        combinator = parts[index][0]
        wanted = parts[index - 1][1]
        assert current is not None
        if combinator == ">":
            current = current.parent
            if current is None or not wanted.matches(current):
                return False
        else:
            current = next((a for a in current.ancestors() if wanted.matches(a)), None)
            if current is None:
                return False
    return True


class _TreeBuilder(HTMLParser):
    def __init__(self, root: Node) -> None:
        super().__init__(convert_charrefs=True)
        self.stack = [root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        node = Node(tag, frozenset((values.get("class") or "").split()), values.get("id"), self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def card_tree(body_html: str, *, night: bool) -> Node:
    """The card as Anki's reviewer holds it: <body class="card card1 [nightMode night_mode]"><div id="qa">."""
    classes = {"card", "card1"} | ({"nightMode", "night_mode"} if night else set())
    html = Node("html", frozenset(), None, None)
    body = Node("body", frozenset(classes), None, html)
    html.children.append(body)
    qa = Node("div", frozenset(), "qa", body)
    body.children.append(qa)
    builder = _TreeBuilder(qa)
    builder.feed(body_html)
    builder.close()
    return html


def _declared(rules: list[Rule], node: Node, names: tuple[str, ...]) -> RGBA | None:
    best: tuple[tuple[int, int, int], int] | None = None
    value: RGBA | None = None
    for rule in rules:
        declared = next((rule.declarations[n] for n in names if n in rule.declarations), None)
        if declared is None:
            continue
        color = parse_color(declared)
        if color is None or not _matches(rule, node):
            continue
        rank = (rule.specificity, rule.order)
        if best is None or rank >= best:
            best, value = rank, color
    return value


def text_runs(body_html: str, css: str, *, night: bool) -> list[TextRun]:
    """Every non-blank text of the card with the colour it is drawn in and the background behind it."""
    rules = parse_css(css)
    root = card_tree(body_html, night=night)
    runs: list[TextRun] = []
    white: RGBA = (1.0, 1.0, 1.0, 1.0)  # a web view's canvas, under the card's own background
    black: RGBA = (0.0, 0.0, 0.0, 1.0)

    def walk(node: Node, color: RGBA, background: RGBA) -> None:
        own_color = _declared(rules, node, ("color",))
        own_background = _declared(rules, node, ("background-color", "background"))
        if own_color is not None:
            color = own_color
        if own_background is not None and own_background[3] > 0:
            background = own_background
        for child in node.children:
            if isinstance(child, Node):
                walk(child, color, background)
            elif child.strip():
                path = tuple(" ".join(sorted(n.classes)) for n in (node, *node.ancestors()))
                runs.append(TextRun(child.strip(), color, background, path))

    walk(root, black, white)
    return runs


def visible_text(runs: list[TextRun]) -> str:
    """The text a learner can read on the card."""
    return "".join(r.text for r in runs if not r.hidden)


_SECTION = re.compile(r"\{\{([#^])([^}]+)\}\}(.*?)\{\{/\2\}\}", re.S)
_FIELD = re.compile(r"\{\{([^#^/}][^}]*)\}\}")
_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)


def _cloze(text: str, ordinal: int, *, answer: bool) -> str:
    def one(match: re.Match[str]) -> str:
        if int(match.group(1)) != ordinal:
            return f'<span class="cloze-inactive" data-ordinal="{match.group(1)}">{match.group(2)}</span>'
        if answer:
            return f'<span class="cloze" data-ordinal="{ordinal}">{match.group(2)}</span>'
        hint = match.group(3) or "..."
        return f'<span class="cloze" data-ordinal="{ordinal}">[{hint}]</span>'

    return _CLOZE.sub(one, text)


def fill(template: str, fields: Mapping[str, str], *, front_side: str = "", answer: bool = False) -> str:
    """A card side from its template and the note's fields (cloze ordinal 1)."""

    def section(match: re.Match[str]) -> str:
        present = bool(fields.get(match.group(2).strip(), "").strip())
        shown = present if match.group(1) == "#" else not present
        return match.group(3) if shown else ""

    previous = None
    while previous != template:  # sections may nest
        previous, template = template, _SECTION.sub(section, template)

    def value(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        if name == "FrontSide":
            return front_side
        if name.startswith("cloze:"):
            return _cloze(fields.get(name[len("cloze:") :], ""), 1, answer=answer)
        return fields.get(name, "")

    return _FIELD.sub(value, template)
