"""Dushu (讀書): read Chinese texts with readings, a dictionary, facts, flashcards and quizzes."""

__version__ = "0.1.0"

__all__ = ["__version__"]
