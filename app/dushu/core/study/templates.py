"""The wording of questions and card hints, read from one data file per script (resources/study/).

The Traditional and the Simplified files are each written out by a person (never converted character
by character), so a teacher or translator can change a question's wording without touching code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from string import Formatter
from typing import Any

from dushu.core.models import Script
from dushu.errors import DushuError

__all__ = ["Templates", "templates_for"]

_SECTIONS = ("set", "quiz", "explain", "card")


@dataclass(frozen=True, slots=True)
class Templates:
    """The phrases of one script: `quiz(name, ...)`, `explain(name, ...)`, `card(name)`."""

    language: str
    phrases: dict[str, dict[str, str]]

    def _get(self, section: str, name: str) -> str:
        try:
            return self.phrases[section][name]
        except KeyError:
            raise DushuError(f"the {self.language} question wording has no {section}.{name}") from None

    def quiz(self, name: str, **values: str) -> str:
        """A question prompt, with its placeholders filled in."""
        return _fill(self._get("quiz", name), values)

    def explain(self, name: str, **values: str) -> str:
        """The explanation shown after an answer."""
        return _fill(self._get("explain", name), values)

    def card(self, name: str) -> str:
        """A hint on the front of an Anki fact card ("為甚麼？")."""
        return self._get("card", name)

    def title(self, title: str) -> str:
        """The title of a generated quiz set."""
        return _fill(self._get("set", "title"), {"title": title})


def _fill(template: str, values: dict[str, str]) -> str:
    # Only the named fields are replaced, so a brace in a value (text from the document) stays as it is.
    out: list[str] = []
    for literal, field, _spec, _conv in Formatter().parse(template):
        out.append(literal)
        if field is not None:
            out.append(values.get(field, ""))
    return "".join(out)


@cache
def _load(language: str) -> Templates:
    path = resources.files("dushu.resources").joinpath("study", f"{language}.toml")
    data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    phrases = {s: {k: str(v) for k, v in dict(data.get(s, {})).items()} for s in _SECTIONS}
    return Templates(str(data.get("language", language)), phrases)


def templates_for(script: Script) -> Templates:
    """The wording for a text in `script`: the Simplified file for Simplified texts, else Traditional."""
    return _load("zh-Hans" if script == Script.SIMPLIFIED else "zh-Hant")
