"""StreamField blocks for the site-wide pages. Other apps reuse BodyBlock."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Subheading")],
        default="h2",
        help_text="Page titles are the only h1; sections start at h2.",
        search_index=False,  # not words a reader reads (search, reading time)
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


class ListBlock(blocks.StructBlock):
    """A bulleted or numbered list; each item is its own line for translators."""

    items = blocks.ListBlock(blocks.CharBlock(max_length=300, label="Item"))
    numbered = blocks.BooleanBlock(required=False, help_text="Number the items (steps in order).")

    class Meta:
        icon = "list-ul"
        template = "components/list_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(max_length=600)
    attribution = blocks.CharBlock(max_length=120, required=False)

    class Meta:
        icon = "openquote"
        template = "components/quote_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its alt text (or marked decorative) and an optional caption."""

    image = ImageBlock()
    caption = blocks.CharBlock(max_length=255, required=False)

    class Meta:
        icon = "image"
        template = "components/captioned_image_block.html"


class CalloutBlock(blocks.StructBlock):
    """A short boxed note the reader should not miss."""

    heading = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=["bold", "italic", "link"])

    class Meta:
        icon = "warning"
        template = "components/callout_block.html"


class ArticleBodyBlock(blocks.StreamBlock):
    """Long-form pages (approaches, articles): BodyBlock's parts plus lists,
    quotes, captioned images and call-outs."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="components/paragraph_block.html",
    )
    list = ListBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    callout = CalloutBlock()
    call_to_action = CallToActionBlock()


# -- Home page sections -----------------------------------------------------------
# Each section is a heading and a line of introduction; what it lists (offices,
# approaches, articles) is read live when the page is shown, so the home page
# never goes stale when those pages change. Their templates use the listing
# tags of the apps that own the content.


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    intro = blocks.TextBlock(max_length=400, required=False)
    link_text = blocks.CharBlock(
        max_length=80, required=False, help_text="The link to the full list, e.g. 'All our offices'."
    )


class OfficesSectionBlock(SectionBlock):
    class Meta:
        icon = "site"
        label = "Offices, with today's hours"
        template = "portal/blocks/offices_section.html"


class ApproachesSectionBlock(SectionBlock):
    count = blocks.IntegerBlock(default=6, min_value=1, max_value=12, help_text="How many approaches to show.")

    class Meta:
        icon = "list-ul"
        label = "Approaches"
        template = "portal/blocks/approaches_section.html"


class ArticlesSectionBlock(SectionBlock):
    count = blocks.IntegerBlock(default=3, min_value=1, max_value=6, help_text="How many of the latest articles.")

    class Meta:
        icon = "doc-full"
        label = "Latest articles"
        template = "portal/blocks/articles_section.html"


class HighlightBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=80)
    text = blocks.TextBlock(max_length=400)
    page = blocks.PageChooserBlock(required=False, help_text="Optional page the title links to.")


class HighlightsBlock(blocks.StructBlock):
    """Short points side by side, e.g. the languages spoken and telehealth."""

    heading = blocks.CharBlock(max_length=120)
    items = blocks.ListBlock(HighlightBlock(), min_num=1, max_num=4)

    class Meta:
        icon = "pick"
        label = "Highlights"
        template = "portal/blocks/highlights.html"


class HomeBodyBlock(BodyBlock):
    offices = OfficesSectionBlock()
    approaches = ApproachesSectionBlock()
    articles = ArticlesSectionBlock()
    highlights = HighlightsBlock()
