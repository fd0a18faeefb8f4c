"""StreamField blocks for the site-wide pages. Other apps reuse BodyBlock."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Subheading")],
        default="h2",
        help_text="Page titles are the only h1; sections start at h2.",
    )

    class Meta:
        icon = "title"
        template = "components/heading_block.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, help_text="Say where the link goes, e.g. 'Find an office'.")
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text="Used when no page is chosen.")

    class Meta:
        icon = "link"
        template = "components/call_to_action_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="components/paragraph_block.html",
    )
    image = ImageBlock(template="components/image_block.html")
    call_to_action = CallToActionBlock()
