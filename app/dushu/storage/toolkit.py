"""Open the toolkit with its caches in the user's folders (the index is built on first use)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from dushu.core.toolkit import Toolkit, build_toolkit
from dushu.core.wordlists import bundled_names
from dushu.storage.lexicon import open_lexicon
from dushu.storage.paths import cache_dir


def open_toolkit(
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    user_words: Iterable[str] = (),
) -> Toolkit:
    """The segmenter, readings and lexicon, caching under the platformdirs cache (or $DUSHU_HOME)."""
    cache = cache_dir()
    lexicon = open_lexicon(cache, progress, cancel)
    return build_toolkit(str(cache), lexicon, bundled_names(), user_words)
