"""Dushu's analysis core (pure Python, no Qt): text -> Analysis."""

from dushu.core.analysis import analyze
from dushu.core.models import (
    Analysis,
    Definition,
    DictEntry,
    Fact,
    GlossaryEntry,
    Person,
    Script,
    Sentence,
    Token,
    VocabItem,
)
from dushu.core.toolkit import Toolkit, build_toolkit
from dushu.errors import Cancelled

__all__ = [
    "Analysis",
    "Cancelled",
    "Definition",
    "DictEntry",
    "Fact",
    "GlossaryEntry",
    "Person",
    "Script",
    "Sentence",
    "Token",
    "Toolkit",
    "VocabItem",
    "analyze",
    "build_toolkit",
]
