"""schema.org JSON-LD for approach pages (MedicalWebPage) and clinicians
(Person; not Physician, which is for physicians)."""

from wagtail.models import Site

from portal.models import SiteSettings
from portal.renditions import IMAGE_SIZES

# The largest JPEG portrait the pages already use, so no extra rendition is made.
PORTRAIT_SPEC = IMAGE_SIZES["portrait"].filter_specs()[-1]


def organisation(request):
    site = Site.find_for_request(request)
    site_settings = SiteSettings.for_request(request)
    return {
        "@type": "MedicalOrganization",
        "name": site_settings.organisation_name,
        "telephone": site_settings.main_phone,
        "url": site.root_page.localized.get_full_url(request) if site else None,
    }


def medical_web_page(page, request, review):
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": page.title,
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "description": page.summary,
        "about": {"@type": "MedicalTherapy", "name": page.title},
        "publisher": organisation(request),
    }
    if review is not None:
        reviewer = {"@type": "Person", "name": review.reviewer_name}
        if review.reviewer_url:
            reviewer["url"] = request.build_absolute_uri(review.reviewer_url)
        data["reviewedBy"] = reviewer
        data["lastReviewed"] = review.date.isoformat()
    return data


def person(page, request, offices):
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": page.title,
        "url": page.get_full_url(request),
        "description": page.short_bio,
        "knowsLanguage": [link.language for link in page.language_links.all()],
        "worksFor": [
            {
                "@type": "MedicalClinic",
                "name": office.title,
                "url": office.get_full_url(request),
                "telephone": office.phone,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": office.street_address,
                    "addressLocality": office.city,
                    "addressRegion": office.state,
                    "postalCode": office.zip_code,
                    "addressCountry": "US",
                },
            }
            for office in offices
        ],
    }
    if page.credentials:
        data["honorificSuffix"] = page.credentials
    if page.licence_number:
        data["hasCredential"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "license",
            "name": page.get_licence_type_display(),
            "identifier": page.licence_number,
            "recognizedBy": {
                "@type": "GovernmentOrganization",
                "name": "Illinois Department of Financial and Professional Regulation",
            },
        }
    if page.photo_id:
        data["image"] = request.build_absolute_uri(page.photo.get_rendition(PORTRAIT_SPEC).url)
    return data
