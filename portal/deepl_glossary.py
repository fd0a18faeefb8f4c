"""The practice's own words, which DeepL must translate the same way every
time (portal/deepl.py sends them to DeepL as one glossary per language pair).

The wording follows the approach pages' own titles (approaches/demo.py) and
the site's interface translations (locale/), so a machine draft says what
the rest of the site says. Names stay as they are. Changing an entry is
enough: the next machine translation creates a new glossary at DeepL.

DeepL matches each English term as written, so terms that appear both at the
start of a title and mid-sentence are listed in both spellings.
"""

# Names that are the same in every language.
UNCHANGED = ["CARE Counseling", "EMDR", "IPNB", "IFS"]

ENGLISH_TO_SPANISH = {
    **{name: name for name in UNCHANGED},
    "Interpersonal Neurobiology": "Neurobiología interpersonal",
    "interpersonal neurobiology": "neurobiología interpersonal",
    "Somatic EMDR": "EMDR somático",
    "Internal Family Systems": "Sistemas de la Familia Interna",
    "Polyvagal-informed therapy": "Terapia informada por la teoría polivagal",
    "polyvagal-informed therapy": "terapia informada por la teoría polivagal",
    "Mindfulness-based practices": "Prácticas basadas en la atención plena",
    "mindfulness-based practices": "prácticas basadas en la atención plena",
    "Play therapy": "Terapia de juego",
    "play therapy": "terapia de juego",
    "Parent-child sessions": "Sesiones de padres e hijos",
    "parent-child sessions": "sesiones de padres e hijos",
    "intake team": "equipo de admisión",
    "intake": "admisión",
    "Telehealth": "Telesalud",
    "telehealth": "telesalud",
}

ENGLISH_TO_POLISH = {
    **{name: name for name in UNCHANGED},
    "Interpersonal Neurobiology": "Neurobiologia interpersonalna",
    "interpersonal neurobiology": "neurobiologia interpersonalna",
    "Somatic EMDR": "Somatyczne EMDR",
    "Internal Family Systems": "System Wewnętrznej Rodziny",
    "Polyvagal-informed therapy": "Terapia oparta na teorii poliwagalnej",
    "polyvagal-informed therapy": "terapia oparta na teorii poliwagalnej",
    "Mindfulness-based practices": "Praktyki oparte na uważności",
    "mindfulness-based practices": "praktyki oparte na uważności",
    "Play therapy": "Terapia zabawą",
    "play therapy": "terapia zabawą",
    "Parent-child sessions": "Sesje rodzica z dzieckiem",
    "parent-child sessions": "sesje rodzica z dzieckiem",
    "intake team": "zespół przyjęć",
    "intake": "przyjęcie",
    "Telehealth": "Teleporady",
    "telehealth": "teleporady",
}

# (source, target) language codes, as DeepL's glossary API names them.
GLOSSARIES = {
    ("en", "es"): ENGLISH_TO_SPANISH,
    ("en", "pl"): ENGLISH_TO_POLISH,
}
