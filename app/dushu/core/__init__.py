"""Dushu's analysis core (pure Python, no Qt): text -> Analysis.

The names below load on first use (PEP 562), so `import dushu.core.models` does not pay for jieba,
pypinyin and OpenCC: the GUI shows its window before they load.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dushu.core.analysis import analyze as analyze
    from dushu.core.models import (
        Analysis as Analysis,
    )
    from dushu.core.models import (
        Definition as Definition,
    )
    from dushu.core.models import (
        DictEntry as DictEntry,
    )
    from dushu.core.models import (
        Fact as Fact,
    )
    from dushu.core.models import (
        GlossaryEntry as GlossaryEntry,
    )
    from dushu.core.models import (
        Person as Person,
    )
    from dushu.core.models import (
        Script as Script,
    )
    from dushu.core.models import (
        Sentence as Sentence,
    )
    from dushu.core.models import (
        Token as Token,
    )
    from dushu.core.models import (
        VocabItem as VocabItem,
    )
    from dushu.core.toolkit import Toolkit as Toolkit
    from dushu.core.toolkit import build_toolkit as build_toolkit
    from dushu.errors import Cancelled as Cancelled

_HOMES = {
    "analyze": "dushu.core.analysis",
    "Toolkit": "dushu.core.toolkit",
    "build_toolkit": "dushu.core.toolkit",
    "Cancelled": "dushu.errors",
    **dict.fromkeys(
        (
            "Analysis",
            "Definition",
            "DictEntry",
            "Fact",
            "GlossaryEntry",
            "Person",
            "Script",
            "Sentence",
            "Token",
            "VocabItem",
        ),
        "dushu.core.models",
    ),
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'dushu.core' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
