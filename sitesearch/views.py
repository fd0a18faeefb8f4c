"""/search/?q= (/es/buscar/, /pl/szukaj/): the site search page.

Searches are never stored: no Wagtail query statistics, no log line with
the query, and the page asks every cache and search engine to keep nothing.
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Site

from sitesearch import query as site_query


@require_safe
def search(request):
    cleaned = site_query.clean_query(request.GET.get("q", ""))
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site for this host")
    # This language's home page (the original where it is not translated).
    site_root = site.root_page.localized

    results = site_query.search_pages(cleaned.text, site_root) if cleaned.text else []
    results_page = site_query.paginate(results, request.GET.get("page", "1"))
    if results_page is None:
        raise Http404("No such page of results")

    context = {
        "query": cleaned.text,
        "query_was_shortened": cleaned.was_shortened,
        "max_query_length": site_query.MAX_QUERY_LENGTH,
        "results_page": results_page,
        "results": site_query.results_for(results_page.object_list, cleaned.text, request),
        "page_range": results_page.paginator.get_elided_page_range(results_page.number, on_each_side=1),
    }
    if not context["results"]:
        context["office_finder"] = site_query.office_finder(site_root.locale)
        context["menu_pages"] = site_query.menu_pages(site_root)
    response = TemplateResponse(request, "sitesearch/search.html", context)
    # What someone searched for (a symptom, a diagnosis) stays on their device
    # only: no shared cache keeps it, no search engine lists the page.
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response
