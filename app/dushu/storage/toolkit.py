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


def saved_user_words(report: Callable[[str], None] | None = None) -> tuple[list[str], list[str]]:
    """The merges and splits stored in the user's library (none when there is no library yet).

    `report` is told, in one sentence, of a damaged library kept aside or a library that cannot be
    used (then no words are returned); a library another Dushu is using raises LibraryBusyError.
    """
    merged, split, _ = _from_library(report)
    return merged, split


def saved_known_words(report: Callable[[str], None] | None = None) -> frozenset[str]:
    """The words the user marked "I know this" in the app (none when there is no library yet);
    `report` as for `saved_user_words`."""
    return _from_library(report)[2]


def _from_library(
    report: Callable[[str], None] | None,
) -> tuple[list[str], list[str], frozenset[str]]:
    from dushu.storage.library import (
        LibraryBusyError,
        LibraryError,
        WordStatus,
        default_library_path,
        open_library,
    )

    tell = report or (lambda message: None)
    if not default_library_path().is_file():
        return [], [], frozenset()
    try:
        library, notice = open_library()
        if notice:
            tell(notice)
        with library:
            return library.merged_words(), library.split_words(), library.words_with_status(WordStatus.KNOWN)
    except LibraryBusyError:
        raise  # waiting did not help: the user must know, not get a result without their words
    except LibraryError as exc:
        tell(f"{exc} Your merged, split and known words are not used.")
        return [], [], frozenset()
