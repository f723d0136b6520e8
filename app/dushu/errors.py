"""The errors a user can cause: each carries a message a person understands."""


class DushuError(Exception):
    """Something the user can fix (a bad file, a broken quiz set); the message says what."""


class InputFileError(DushuError):
    """A file that cannot be read as a Chinese text."""


class QuizSetError(DushuError):
    """A quiz-set file that is not valid."""


class ExportError(DushuError):
    """An export that cannot be written."""


class Cancelled(Exception):
    """The user cancelled a long job (not an error: nothing is reported)."""


def one_line(exc: BaseException) -> str:
    """An error's message on one line, for a dialog or a status bar. A sentence gets its capital;
    a message that starts with a file's name (`bad/set.toml: ...`, `notes.txt is empty`) keeps the
    name exactly as written."""
    line = " ".join(str(exc).split()) or type(exc).__name__
    first = line.split(" ", 1)[0].rstrip(":,;")
    if first[:1].islower() and first.isalpha() and first.isascii():
        return line[:1].upper() + line[1:]
    return line
