"""The study layer: one neutral form (`StudyItem`) of everything a quiz or a card can ask about a text."""

from dushu.core.study.items import FACT_KINDS, StudyItem, fact_note_items, study_items
from dushu.core.study.templates import Templates, templates_for

__all__ = ["FACT_KINDS", "StudyItem", "Templates", "fact_note_items", "study_items", "templates_for"]
