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
    split_words: Iterable[str] = (),
) -> Toolkit:
    """The segmenter, readings and lexicon, caching under the platformdirs cache (or $DUSHU_HOME).

    `user_words` are kept whole (merges the user made); `split_words` are never one word (splits).
    """
    cache = cache_dir()
    lexicon = open_lexicon(cache, progress, cancel)
    toolkit = build_toolkit(str(cache), lexicon, bundled_names(), user_words)
    for word in split_words:
        toolkit.segmenter.remove_user_word(word)
    return toolkit


def saved_user_words() -> tuple[list[str], list[str]]:
    """The merges and splits stored in the user's library (none when there is no library yet)."""
    merged, split, _ = _from_library()
    return merged, split


def saved_known_words() -> frozenset[str]:
    """The words the user marked "I know this" in the app (none when there is no library yet)."""
    return _from_library()[2]


def _from_library() -> tuple[list[str], list[str], frozenset[str]]:
    from dushu.storage.library import LibraryError, WordStatus, default_library_path, open_library

    if not default_library_path().is_file():
        return [], [], frozenset()
    try:
        library, _ = open_library()
    except LibraryError:
        return [], [], frozenset()
    try:
        return library.merged_words(), library.split_words(), library.words_with_status(WordStatus.KNOWN)
    finally:
        library.close()
