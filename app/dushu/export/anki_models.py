"""Dushu's Anki note types: fixed ids for models, fields and templates; templates and CSS from resources.

The ids below are part of Dushu's contract with every deck it has exported: Anki recognises a note type
on import by its id and by the names of its fields and templates. Never change an id or rename a field
or template. A changed field list is a new schema: Anki 26's package importer then makes a copy of
the note type ("Dushu Vocabulary+") unless the learner ticks "Merge note types", so the field lists
stay as they are; fields marked `user_owned` are the learner's (see dushu.export.ankiconnect).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import genanki

VOCAB_MODEL_ID = 1205997468
FACT_MODEL_ID = 1708604040
CLOZE_MODEL_ID = 1662341639

VOCAB_MODEL_NAME = "Dushu Vocabulary"
FACT_MODEL_NAME = "Dushu Fact"
CLOZE_MODEL_NAME = "Dushu Cloze"


@dataclass(frozen=True, slots=True)
class FieldDef:
    """A field of a note type: its name, fixed id and the help text Anki's editor shows."""

    name: str
    id: int
    description: str = ""
    plain_text: bool = False
    # The learner's field: Dushu writes it empty on a new note and never again (a push through
    # AnkiConnect leaves it alone; a package import replaces it, as Anki replaces every field).
    user_owned: bool = False


@dataclass(frozen=True, slots=True)
class TemplateDef:
    """A card template: its name, fixed id and the resource file stem of its front and back."""

    name: str
    id: int
    resource: str


VOCAB_FIELD_DEFS = (
    FieldDef("Word", 3083319382379096, "The word as written in the text", plain_text=True),
    FieldDef("Traditional", 4162457493622933, "Traditional characters"),
    FieldDef("Simplified", 767962855560054, "Simplified characters"),
    FieldDef("Pinyin", 1408581706430656, "Tone-marked pinyin, each syllable in a toneN span"),
    FieldDef("Zhuyin", 719491719604525, "Zhuyin (bopomofo), each syllable in a toneN span"),
    FieldDef("Meaning", 764030418255346, "Meanings for the reading used in the text"),
    FieldDef("Example", 4313259424147463, "The sentence from the text; the word is marked class hl"),
    FieldDef("Example Pinyin", 653478718302829, "Pinyin of the example sentence"),
    FieldDef("HSK", 2013882581961977, "HSK 3.0 level"),
    FieldDef("Source", 1767515569998243, "The text the word came from"),
    FieldDef(
        "Audio",
        3723787913124999,
        "Yours: [sound:…] from a recording or a text-to-speech add-on; `dushu deck --to-anki` keeps it",
        user_owned=True,
    ),
)
VOCAB_TEMPLATE_DEFS = (
    TemplateDef("Recognition", 3390737055567610, "vocab_recognition"),
    TemplateDef("Recall", 1290505684031010, "vocab_recall"),
    TemplateDef("Sentence", 2447285546920789, "vocab_sentence"),
)

FACT_FIELD_DEFS = (
    FieldDef("Question", 935682290780461, "What the card asks"),
    FieldDef("Answer", 2211073812361637, "The answer"),
    FieldDef("Reading", 3554520414119200, "Pinyin of the key terms"),
    FieldDef("Date", 3930856601721055, "Events only: the date as the text gives it"),
    FieldDef("Source sentence", 2022921094299075, "The sentence stating the fact; the date is marked"),
    FieldDef("Source title", 4241908385104695, "The text the fact came from"),
)
FACT_TEMPLATE_DEFS = (
    TemplateDef("Question → Answer", 2696054369984108, "fact_question"),
    TemplateDef("Date → Event", 1314395194509525, "fact_date_event"),
    TemplateDef("Event → Date", 2842532837409407, "fact_event_date"),
)

CLOZE_FIELD_DEFS = (
    FieldDef("Text", 3269845126961873, "The sentence with {{c1::…}} blanks"),
    FieldDef("Extra", 309741300333404, "Shown after the answer"),
    FieldDef("Reading", 3848610097404032, "Pinyin of the blanked terms"),
    FieldDef("Source", 1350528274862629, "The text the sentence came from"),
)
CLOZE_TEMPLATE_DEFS = (TemplateDef("Cloze", 1865973538440361, "cloze"),)


@cache
def resource_text(name: str) -> str:
    """A card template or stylesheet bundled under resources/anki/."""
    return resources.files("dushu.resources").joinpath("anki", name).read_text(encoding="utf-8")


def card_css() -> str:
    """The stylesheet shared by all Dushu note types."""
    return resource_text("cards.css")


FIELD_DEFS = {"vocab": VOCAB_FIELD_DEFS, "fact": FACT_FIELD_DEFS, "cloze": CLOZE_FIELD_DEFS}
MODEL_NAMES = {"vocab": VOCAB_MODEL_NAME, "fact": FACT_MODEL_NAME, "cloze": CLOZE_MODEL_NAME}


def _fields(defs: tuple[FieldDef, ...]) -> list[dict[str, Any]]:
    return [
        {
            "name": f.name,
            "id": f.id,
            "description": f.description,
            "plainText": f.plain_text,
            "font": "Arial",
            "size": 20,
        }
        for f in defs
    ]


def _templates(defs: tuple[TemplateDef, ...]) -> list[dict[str, Any]]:
    return [
        {
            "name": t.name,
            "id": t.id,
            "qfmt": resource_text(f"{t.resource}.front.html"),
            "afmt": resource_text(f"{t.resource}.back.html"),
        }
        for t in defs
    ]


def vocabulary_model() -> genanki.Model:
    """The *Dushu Vocabulary* note type (a new object each call: genanki fills in its dicts)."""
    return genanki.Model(
        VOCAB_MODEL_ID,
        VOCAB_MODEL_NAME,
        fields=_fields(VOCAB_FIELD_DEFS),
        templates=_templates(VOCAB_TEMPLATE_DEFS),
        css=card_css(),
        sort_field_index=0,
    )


def fact_model() -> genanki.Model:
    """The *Dushu Fact* note type."""
    return genanki.Model(
        FACT_MODEL_ID,
        FACT_MODEL_NAME,
        fields=_fields(FACT_FIELD_DEFS),
        templates=_templates(FACT_TEMPLATE_DEFS),
        css=card_css(),
        sort_field_index=0,
    )


def cloze_model() -> genanki.Model:
    """The *Dushu Cloze* note type (Anki's cloze kind)."""
    return genanki.Model(
        CLOZE_MODEL_ID,
        CLOZE_MODEL_NAME,
        fields=_fields(CLOZE_FIELD_DEFS),
        templates=_templates(CLOZE_TEMPLATE_DEFS),
        css=card_css(),
        model_type=genanki.Model.CLOZE,
        sort_field_index=0,
    )
