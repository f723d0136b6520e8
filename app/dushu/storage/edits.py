"""The user's edits for one document, loaded from the library as `dushu.core.edits.Edits`."""

from __future__ import annotations

from collections.abc import Callable

from dushu.core.edits import NO_EDITS, Edits
from dushu.storage.library import Library, WordStatus

__all__ = ["load_edits", "saved_edits"]


def load_edits(library: Library, doc_id: int | None) -> Edits:
    """Everything the user changed that applies to document `doc_id`: the meanings and known words
    (kept for every text) and that document's fact edits and published date (None: no document)."""
    annotations = library.annotations(doc_id) if doc_id is not None else None
    published = library.published(doc_id) if doc_id is not None else ""
    return Edits(
        meanings=library.meanings(),
        annotations=annotations,
        known=library.words_with_status(WordStatus.KNOWN),
        published=published,
    )


def saved_edits(text: str, report: Callable[[str], None] | None = None) -> Edits:
    """The edits stored in the user's library for a text the command line read (none without a library).

    The document is the one whose text is exactly `text` (its digest): fact edits hold character
    offsets, so they apply only to the very text they were made on. A text the app never opened
    still gets the user's meanings and known words. `report` hears of a damaged library kept aside
    or one that cannot be used (then nothing is applied); a library another Dushu is using raises
    LibraryBusyError.
    """
    from dushu.storage.library import LibraryBusyError, LibraryError, default_library_path, open_library

    tell = report or (lambda message: None)
    if not default_library_path().is_file():
        return NO_EDITS
    try:
        library, notice = open_library()
        if notice:
            tell(notice)
        with library:
            info = library.document_with_text(text)
            return load_edits(library, info.id if info is not None else None)
    except LibraryBusyError:
        raise  # the user must know, not get a deck without their edits
    except LibraryError as exc:
        tell(f"{exc} Your meanings, fact edits and known words are not used.")
        return NO_EDITS
