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
    for word, kind, english, pinyin, role in _tsv_rows(content, "word", 5):
        if kind not in NAME_KINDS:
            continue
        entries.append(NameEntry(word, kind, english, pinyin, role))
    return entries


def _tsv_rows(content: str, header: str, width: int) -> list[list[str]]:
    """The rows of a bundled TSV list as `width` stripped cells each (missing ones ""), without
    blank lines, `#` comments and the header line (the one whose first cell is `header`)."""
    rows: list[list[str]] = []
    for row in csv.reader(io.StringIO(content), delimiter="\t", quoting=csv.QUOTE_NONE):
        if not row or not row[0].strip() or row[0].startswith("#") or row[0] == header:
            continue
        rows.append(([c.strip() for c in row] + [""] * width)[:width])
    return rows


def _bundled_list(name: str) -> str | None:
    """The text of `resources/wordlists/NAME`, or None when this installation lacks it."""
    path = resources.files("dushu.resources").joinpath(f"wordlists/{name}")
    return path.read_text(encoding="utf-8") if path.is_file() else None


def bundled_table(name: str, header: str, width: int) -> list[list[str]]:
    """The rows of the bundled TSV list `resources/wordlists/NAME` (see `_tsv_rows`); a list this
    installation lacks is an error, as the code that reads it cannot work without it."""
    content = _bundled_list(name)
    if content is None:
        raise FileNotFoundError(f"the bundled word list {name} is missing")
    return _tsv_rows(content, header, width)


@cache
def bundled_names() -> tuple[NameEntry, ...]:
    """The names and terms list shipped with Dushu."""
    content = _bundled_list("names.tsv")
    return tuple(parse_name_list(content)) if content is not None else ()


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
    return [RoleEntry(*cells) for cells in _tsv_rows(content, "role", 3) if cells[1] in ROLE_DOMAINS]


@cache
def bundled_roles() -> tuple[RoleEntry, ...]:
    """The role and title lexicon shipped with Dushu (ministers, legislators, judges, athletes …)."""
    content = _bundled_list("roles.tsv")
    return tuple(parse_role_list(content)) if content is not None else ()
