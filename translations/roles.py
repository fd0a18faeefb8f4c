"""Translators translate pages and snippets into their own language.

Their page permissions come from portal.roles (their language's tree);
here they get "Translate" and the translatable snippets, which the before-
edit hook in wagtail_hooks.py keeps to their own language. Apps with
translatable snippets of their own (blog topics) grant them in their roles.
"""

from portal.roles import LANGUAGE_NAMES, TRANSLATOR_GROUPS, ensure_group

ORDER = 45

TRANSLATOR_PERMISSIONS = [
    ("wagtail_localize", "submit_translation"),
    ("portal", "change_crisisnotice"),
    ("portal", "change_imagedescription"),  # alt text in their language
]


def ensure(progress):
    for code, name in TRANSLATOR_GROUPS.items():
        ensure_group(name, TRANSLATOR_PERMISSIONS)
        progress(f"{name}: translate into {LANGUAGE_NAMES[code]}, its crisis notice and image descriptions")
