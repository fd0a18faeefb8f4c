"""Show related pages in the visitor's language.

Links between approaches, clinicians and offices are facts, synchronised
across translations, so a Spanish page's links may point at English pages.
``in_locale`` swaps each for its live translation in one query per model.
"""

from collections import defaultdict


def in_locale(pages, locale):
    """``pages`` (any languages) as live pages in ``locale``, same order.
    A page with no live translation there is left out."""
    by_model = defaultdict(set)
    for page in pages:
        by_model[type(page)].add(page.translation_key)
    found = {}
    for model, keys in by_model.items():
        for translated in model.objects.live().public().filter(locale=locale, translation_key__in=keys):
            found[translated.translation_key] = translated
    result, seen = [], set()
    for page in pages:
        translated = found.get(page.translation_key)
        if translated is not None and translated.pk not in seen:
            seen.add(translated.pk)
            result.append(translated)
    return result
