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
