"""Every string a visitor sees is in the Spanish and Polish catalogues.

Three checks, all in Python (no gettext tools needed):
- public templates have no visible text outside {% translate %} and
  {% blocktranslate %}: words between tags, and in alt, title, aria-label,
  placeholder and content attributes;
- every string the public templates and the public Python modules mark for
  translation is in locale/<lang>/LC_MESSAGES/django.po;
- every entry there is translated and none is fuzzy.
"""

import ast
import io
import re
import tokenize
from pathlib import Path

import polib
import pytest
from django.template.base import Lexer, TokenType
from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["es", "pl"]

# Staff-only templates: the admin, two-factor sign-in and e-mails to staff.
STAFF_ONLY = ("admin/", "two_factor/", "email/staff_notice", "email/reviews_due", "email/availability_reminder",
              "email/english_changed")
# Pages rendered without the translation machinery, written in all three
# languages at once: the server error page, and the one for a broken request.
ALL_LANGUAGES_AT_ONCE = ("500.html", "plain_error.html")
# Words that are the same in every language: the practice's name, units.
SAME_IN_EVERY_LANGUAGE = {"CARE Counseling", "CARE", "Counseling", "RSS"}
# Modules whose marked strings visitors see.
PUBLIC_PYTHON = [
    "inquiries/forms.py", "inquiries/views.py", "inquiries/submission.py", "inquiries/emails.py",
    "locations/finder.py", "locations/hours.py", "locations/models.py", "blog/listing.py",
    "blog/readers.py", "blog/feeds.py", "approaches/audiences.py", "portal/hreflang.py",
    "sitesearch/views.py", "sitesearch/query.py",
]
TAG_OR_COMMENT = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
ENTITY = re.compile(r"&[#\w]+;")


def public_templates():
    for path in sorted((ROOT / "templates").rglob("*")):
        relative = path.relative_to(ROOT / "templates").as_posix()
        if path.suffix in {".html", ".txt"} and not any(part in relative for part in STAFF_ONLY) \
                and relative not in ALL_LANGUAGES_AT_ONCE:
            yield relative, path.read_text()


TRANSLATED, VALUE = "\x01", "\x02"  # stand-ins for translated text and {{ values }}
VISIBLE_ATTRIBUTE = re.compile(r'\b(?:alt|title|aria-label|placeholder)="([^"]*)"')


def flatten(source):
    """The template as plain HTML: translated text and values replaced by
    stand-ins, other template tags and comments removed."""
    parts = []
    depth = 0  # inside {% blocktranslate %} or {% comment %}
    for token in Lexer(source).tokenize():
        name = token.contents.split()[0] if token.token_type == TokenType.BLOCK and token.contents else ""
        if name in ("blocktranslate", "blocktrans", "comment") or token.contents == "block body_class":
            depth += 1
            parts.append(TRANSLATED)
        elif name in ("endblocktranslate", "endblocktrans", "endcomment") or (depth and name == "endblock"):
            depth -= 1
        elif depth:
            continue
        elif name in ("translate", "trans"):
            parts.append(TRANSLATED)
        elif token.token_type == TokenType.VAR:
            parts.append(VALUE)
        elif token.token_type == TokenType.TEXT:
            parts.append(token.contents)
    return "".join(parts)


def has_words(text):
    text = ENTITY.sub(" ", text.replace(TRANSLATED, " ").replace(VALUE, " "))
    return [word for word in re.findall(r"[^\W\d_][\w'’-]+", text) if word not in SAME_IN_EVERY_LANGUAGE]


def untranslated_text(source):
    """Visible words outside translation tags."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", flatten(source), flags=re.S)
    found = [value for value in VISIBLE_ATTRIBUTE.findall(html) if has_words(value)]
    found += has_words(TAG_OR_COMMENT.sub(" ", html))
    return found


def test_the_check_finds_untranslated_words_and_attributes():
    template = (
        '{% load i18n %}<p class="lead">{% translate "Hello" %} {{ name }}</p>'
        '<p>Call us</p><img src="{{ url }}" alt="A quiet room"><span aria-label="{% translate \'Menu\' %}"></span>'
    )
    assert untranslated_text(template) == ["A quiet room", "Call", "us"]


@pytest.mark.parametrize("name", [name for name, _source in public_templates()])
def test_public_templates_translate_every_visible_word(name):
    source = (ROOT / "templates" / name).read_text()
    assert untranslated_text(source) == [], f"{name}: wrap these in {{% translate %}}"


def template_messages():
    """(msgctxt or None, msgid) of every marked string in the public templates.
    ``templatize`` turns a template into gettext calls amid filler that is
    not Python, so the calls are read token by token."""
    found = set()
    for _name, source in public_templates():
        code = "\n".join(line.strip() for line in templatize(source).splitlines())
        tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
        for index, token in enumerate(tokens[:-1]):
            if token.type == tokenize.NAME and token.string in GETTEXT_CALLS and tokens[index + 1].string == "(":
                strings = []
                for argument in tokens[index + 2:]:
                    if argument.string == ")":
                        break
                    if argument.type == tokenize.STRING:
                        strings.append(ast.literal_eval(argument.string))
                context_index, message_index = GETTEXT_CALLS[token.string]
                context = strings[context_index] if context_index is not None else None
                found.add((context, strings[message_index]))
    return found


GETTEXT_CALLS = {"gettext": (None, 0), "gettext_lazy": (None, 0), "_": (None, 0), "ngettext": (None, 0),
                 "ngettext_lazy": (None, 0), "pgettext": (0, 1), "pgettext_lazy": (0, 1),
                 "npgettext": (0, 1), "npgettext_lazy": (0, 1)}


def marked_strings(node):
    if not isinstance(node, ast.Call):
        return set()
    name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
    if name not in GETTEXT_CALLS:
        return set()
    context_index, message_index = GETTEXT_CALLS[name]
    args = node.args
    if len(args) <= message_index or not isinstance(args[message_index], ast.Constant):
        return set()
    context = args[context_index].value if context_index is not None else None
    return {(context, args[message_index].value)}


def python_messages():
    found = set()
    for relative in PUBLIC_PYTHON:
        path = ROOT / relative
        if path.exists():
            for node in ast.walk(ast.parse(path.read_text())):
                found |= marked_strings(node)
    return found


def catalogue(language):
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_entry_is_translated(language):
    po = catalogue(language)
    untranslated = [entry.msgid for entry in po if not entry.obsolete and not entry.translated()]
    fuzzy = [entry.msgid for entry in po if "fuzzy" in entry.flags]
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_marked_public_string_is_in_the_catalogue(language):
    known = {(entry.msgctxt, entry.msgid) for entry in catalogue(language) if not entry.obsolete}
    missing = sorted((template_messages() | python_messages()) - known, key=str)
    assert missing == [], "run makemessages and translate these"
