"""schema.org MedicalClinic JSON-LD for an office page."""

from wagtail.models import Site

from portal.models import SiteSettings

SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def medical_clinic(page, request):
    site = Site.find_for_request(request)
    site_settings = SiteSettings.for_request(request)
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalClinic",
        "name": page.title,
        "url": page.get_full_url(request),
        "telephone": page.phone,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": page.street_address,
            "addressLocality": page.city,
            "addressRegion": page.state,
            "postalCode": page.zip_code,
            "addressCountry": "US",
        },
        "openingHoursSpecification": [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[row.weekday]}",
                "opens": row.opens.strftime("%H:%M"),
                "closes": row.closes.strftime("%H:%M"),
            }
            for row in page.opening_hours.all()
            if not row.by_appointment
        ],
        "isAcceptingNewPatients": page.accepting_new_patients,
        "parentOrganization": {
            "@type": "MedicalOrganization",
            "name": site_settings.organisation_name,
            "telephone": site_settings.main_phone,
            "url": site.root_page.localized.get_full_url(request) if site else None,
        },
    }
    if page.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        }
    if page.public_email:
        data["email"] = page.public_email
    if page.description:
        data["description"] = page.description
    return data
