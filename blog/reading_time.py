"""How long an article takes to read, from its body's words in its language.

Average silent reading speeds for non-fiction, in words per minute, differ by
language (Trauzettel-Klosinski and Dietz, 2012, IReST: English 228, Spanish
218, Polish 166): a Polish article with the same content is longer to read.
"""

import math
import re

from django.utils.html import strip_tags

WORDS_PER_MINUTE = {"en": 228, "es": 218, "pl": 166}
DEFAULT_WORDS_PER_MINUTE = 200
WORD = re.compile(r"\w+(?:['’-]\w+)*")


def count_words(stream_value):
    """Words a reader reads in a StreamField value: its blocks' searchable
    text (headings, paragraphs, lists, quotes, captions, steps, answers)."""
    texts = stream_value.stream_block.get_searchable_content(stream_value)
    return sum(len(WORD.findall(strip_tags(text))) for text in texts)


def reading_minutes(stream_value, language_code):
    words = count_words(stream_value)
    if not words:
        return 0
    speed = WORDS_PER_MINUTE.get(language_code, DEFAULT_WORDS_PER_MINUTE)
    return max(1, math.ceil(words / speed))
