"""The article body: the long-form parts every page has, plus the three that
articles for parents need ("try this at home" steps, "when to ask for help",
questions and answers)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.blocks import ArticleBodyBlock


class TryAtHomeBlock(blocks.StructBlock):
    """Steps a parent can follow at home, numbered in order."""

    heading = blocks.CharBlock(max_length=120, required=False,
                               help_text="Leave empty for 'Try this at home'.")
    introduction = blocks.TextBlock(max_length=400, required=False)
    steps = blocks.ListBlock(blocks.CharBlock(max_length=300, label="Step"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = "Try this at home"
        template = "blog/blocks/try_at_home_block.html"


class AskForHelpBlock(blocks.StructBlock):
    """When home strategies are not enough: signs to look for, then the
    practice's phone number and the appointment form (added by the template)."""

    heading = blocks.CharBlock(max_length=120, required=False,
                               help_text="Leave empty for 'When to ask for help'.")
    signs = blocks.ListBlock(blocks.CharBlock(max_length=300, label="Sign"), min_num=1)

    class Meta:
        icon = "help"
        label = "When to ask for help"
        template = "blog/blocks/ask_for_help_block.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "blog/blocks/question_block.html"


class ArticleBlock(ArticleBodyBlock):
    """Every long-form block, then the three made for articles."""

    try_at_home = TryAtHomeBlock()
    ask_for_help = AskForHelpBlock()
    question = QuestionBlock()
