"""Header menu, footer links, language switcher and <head> language links."""

from django import template
from django.conf import settings
from wagtail.models import Page, Site

from portal import fragment_cache
from portal.hreflang import alternates_for
from portal.models import StandardPage

register = template.Library()


def _localized_site_root(request):
    """This language's home page; looked up once per request (menu and footer)."""
    if not hasattr(request, "_localized_site_root"):
        site = Site.find_for_request(request)
        request._localized_site_root = site.root_page.localized if site else None
    return request._localized_site_root


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]

    def links():
        root = _localized_site_root(request)
        items = root.get_children().live().in_menu() if root else Page.objects.none()
        return [{"pk": item.pk, "title": item.title, "url": item.get_url(request)} for item in items]

    return {"items": fragment_cache.remember(request, "main-menu", links), "current": context.get("page")}


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    request = context["request"]

    def links():
        root = _localized_site_root(request)
        if root is None:
            return []
        pages = StandardPage.objects.live().descendant_of(root).filter(show_in_footer=True).order_by("path")
        return [{"title": page.get_listing_title(), "url": page.get_url(request)} for page in pages]

    return {"pages": fragment_cache.remember(request, "footer-links", links)}


def _alternates(context):
    """The page's language alternates, worked out once per request: both the
    <head> links and the switcher in the header need them."""
    request = context["request"]
    page = context.get("page")
    if getattr(request, "_alternates_page", object()) is not page:
        if getattr(page, "pk", None):  # a page's translations: the same for every visitor
            request._alternates = fragment_cache.remember(
                request, f"alternates:{page.pk}", lambda: alternates_for(request, page)
            )
        else:  # a Django view's (search): its own address and query
            request._alternates = alternates_for(request, page)
        request._alternates_page = page
    return request._alternates


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"alternates": _alternates(context)}


@register.inclusion_tag("includes/alternate_links.html", takes_context=True)
def alternate_links(context):
    """canonical, hreflang for each live translation, and x-default."""
    request = context["request"]
    page = context.get("page")
    alternates = _alternates(context)
    translations = [alt for alt in alternates if alt.is_translation]
    canonical = next((alt.full_url for alt in translations if alt.is_current), None)
    if canonical is None and page is None:
        canonical = request.build_absolute_uri(request.path)
    elif canonical is None and getattr(page, "alias_of_id", None):
        canonical = page.alias_of.get_full_url(request)  # an alias copy: the original is the real page
    default = next(
        (alt.full_url for alt in translations if alt.language_code == settings.LANGUAGE_CODE), None
    )
    return {"canonical": canonical, "translations": translations, "x_default": default}
