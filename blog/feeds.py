"""RSS 2.0 feed of one language's articles: /blog/feed/, /es/blog/feed/..."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

from blog import listing
from portal.models import SiteSettings

FEED_LENGTH = 20


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, index):
        self.request = request
        self.language = index.locale.language_code
        return index

    def title(self, index):
        return f"{index.title} | {SiteSettings.for_request(self.request).organisation_name}"

    def link(self, index):
        return index.url

    def description(self, index):
        return index.intro or index.title

    def items(self, index):
        # Topics in the feed's language (a translation's links are the English rows).
        return listing.cards(listing.for_cards(index.articles())[:FEED_LENGTH], index.locale)

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_link(self, article):
        return article.url

    def item_pubdate(self, article):
        return article.first_published_at

    def item_updateddate(self, article):
        return article.last_published_at

    def item_author_name(self, article):
        names = [clinician.title for clinician in article.card_authors]
        return ", ".join(names) or SiteSettings.for_request(self.request).organisation_name

    def item_categories(self, article):
        return [topic.name for topic in article.card_topics]
