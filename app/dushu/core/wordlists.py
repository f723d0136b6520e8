"""The bundled word lists (names and current-affairs terms) and the user's own words."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

NAME_KINDS = frozenset({"person", "place", "organisation", "term"})


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One line of `resources/wordlists/names.tsv` (the word in its Traditional form)."""

    word: str
    kind: str  # person / place / organisation / term
    english: str = ""
    pinyin: str = ""  # tone numbers, one syllable per character, or "" when the plain reading is right
    role: str = ""


def parse_name_list(content: str) -> list[NameEntry]:
    """Parse a names TSV (header `word kind english pinyin role`, `#` comments)."""
    entries: list[NameEntry] = []
    rows = csv.reader(io.StringIO(content), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in rows:
        if not row or not row[0].strip() or row[0].startswith("#") or row[0] == "word":
            continue
        cells = [c.strip() for c in row] + [""] * 5
        word, kind, english, pinyin, role = cells[:5]
        if kind not in NAME_KINDS:
            continue
        entries.append(NameEntry(word, kind, english, pinyin, role))
    return entries


@cache
def bundled_names() -> tuple[NameEntry, ...]:
    """The names and terms list shipped with Dushu."""
    path = resources.files("dushu.resources").joinpath("wordlists/names.tsv")
    if not path.is_file():
        return ()
    return tuple(parse_name_list(path.read_text(encoding="utf-8")))


ROLE_DOMAINS = frozenset(
    {
        "government",
        "legislature",
        "judiciary",
        "business",
        "sport",
        "arts",
        "science",
        "media",
        "military",
        "religion",
        "honorific",
    }
)


@dataclass(frozen=True, slots=True)
class RoleEntry:
    """One line of `resources/wordlists/roles.tsv`: a title or role word people are named with."""

    word: str  # Traditional form
    domain: str  # government / legislature / judiciary / business / sport / arts / science / media / ...
    simplified: str = ""  # the Simplified form, or "" when it is written the same

    @property
    def forms(self) -> tuple[str, ...]:
        """The word as Traditional and, where it differs, Simplified text writes it."""
        return (
            (self.word, self.simplified) if self.simplified and self.simplified != self.word else (self.word,)
        )


def parse_role_list(content: str) -> list[RoleEntry]:
    """Parse a roles TSV (header `role domain simplified`, `#` comments); unknown domains are skipped."""
    entries: list[RoleEntry] = []
    rows = csv.reader(io.StringIO(content), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in rows:
        if not row or not row[0].strip() or row[0].startswith("#") or row[0] == "role":
            continue
        cells = [c.strip() for c in row] + [""] * 3
        word, domain, simplified = cells[:3]
        if domain in ROLE_DOMAINS:
            entries.append(RoleEntry(word, domain, simplified))
    return entries


@cache
def bundled_roles() -> tuple[RoleEntry, ...]:
    """The role and title lexicon shipped with Dushu (ministers, legislators, judges, athletes …)."""
    path = resources.files("dushu.resources").joinpath("wordlists/roles.tsv")
    if not path.is_file():
        return ()
    return tuple(parse_role_list(path.read_text(encoding="utf-8")))
