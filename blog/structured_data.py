"""schema.org BlogPosting JSON-LD for articles."""

from approaches.structured_data import organisation
from portal.renditions import SOCIAL_IMAGE_SPEC


def blog_posting(page, request, authors, topics):
    """``authors``: the clinician pages credited, in order; with none the
    practice itself is the author."""
    publisher = organisation(request)
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": page.title[:110],
        "description": page.summary,
        "url": page.get_full_url(request),
        "mainEntityOfPage": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "publisher": publisher,
        "author": [
            {"@type": "Person", "name": author.title, "url": author.get_full_url(request)}
            for author in authors
        ] or [{"@type": publisher["@type"], "name": publisher["name"], "url": publisher["url"]}],
    }
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    image = page.get_social_image()
    if image is not None:
        data["image"] = [request.build_absolute_uri(image.get_rendition(SOCIAL_IMAGE_SPEC).url)]
    keywords = [topic.name for topic in topics]
    if keywords:
        data["keywords"] = keywords
    return data
