"""Demo content for the site-wide layer: home page, notices, crisis notice,
site settings, roles and one login per role.

Facts come from PRODUCT.md; every sentence is written for this project.
Anything the seeds do not state (addresses, e-mail addresses, people) is
marked as an example. ``load_demo`` calls ``load()``.
"""

import datetime
import io
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale, Page, Site

from portal import illustrations, roles
from portal.demo_translations import publish_translation
from portal.models import CrisisNotice, HomePage, SiteSettings, StandardPage

ORDER = 0  # the site-wide layer loads before the apps that build on it

MAIN_PHONE = "630-791-0444"
EXAMPLE_NOTE = "Example text for the demo site; the practice replaces it before going live."


def rich(*paragraphs):
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def index_page(model, home, data):
    """The live section index of type ``model`` under ``home`` (title, slug and
    intro from ``data``), created and published if missing. Returns
    ``(page, created)``."""
    index = model.objects.child_of(home).first()
    if index is not None:
        return index, False
    index = model(title=data["title"], slug=data["slug"], intro=data["intro"], show_in_menus=True,
                  locale=home.locale)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index, True


HOME = {
    "title": "CARE Counseling",
    "slug": "home",
    "heading": "Counseling for children, teens, adults and families west of Chicago",
    "intro": (
        "Our therapists meet clients in Naperville, Plainfield, Aurora, Oswego and Bolingbrook, "
        "and online. Call 630-791-0444 to talk with our intake team."
    ),
    "search_description": "Therapy for all ages in the western suburbs of Chicago, in person and online.",
    "body": [
        ("offices", {
            "heading": "Our offices",
            "intro": "Five offices in the western suburbs. Each card says whether that office is open right now.",
            "link_text": "Find the office nearest you",
        }),
        ("approaches", {
            "heading": "How our therapists work",
            "intro": "Each approach has its own page in plain words: what it is, who it suits and what a session "
                     "looks like.",
            "link_text": "See every approach",
            "count": 6,
        }),
        ("articles", {
            "heading": "Reading for parents",
            "intro": "Short pieces by our therapists about feelings, behaviour and family life.",
            "link_text": "All articles for parents",
            "count": 3,
        }),
        ("highlights", {
            "heading": "In your language, in person or by video",
            "items": [
                {"title": "English and Spanish", "page": None,
                 "text": "Our offices list the languages their therapists speak. Ask our intake team for a "
                         "therapist who speaks yours."},
                {"title": "Telehealth", "page": None,
                 "text": "Many sessions can take place by video, so a busy week or a long drive need not "
                         "mean a missed appointment."},
                {"title": "Children, teens, adults and families", "page": None,
                 "text": "We see people of every age, on their own, as couples and as whole families."},
            ],
        }),
    ],
}

NOTICES = [
    {
        "title": "About us",
        "slug": "about",
        "show_in_menus": True,
        "show_in_footer": False,
        "intro": "CARE Counseling is a group practice with offices across the western suburbs of Chicago.",
        "body": [
            ("paragraph", rich(
                "We see children, teenagers, adults, couples and families, in our offices and "
                "by video.",
                "Therapy here puts the relationship between client and therapist first, and "
                "treats the body and the nervous system as part of the work.",
            )),
        ],
    },
    {
        "title": "Privacy notice",
        "slug": "privacy",
        "show_in_menus": False,
        "show_in_footer": True,
        "intro": "How this website treats what you tell it.",
        "body": [
            ("paragraph", rich(
                "The site uses no advertising trackers, no outside fonts and no outside scripts.",
                "When you ask for an appointment, only the intake staff of the office you chose "
                "can read your request, and it is deleted after a fixed retention period.",
                EXAMPLE_NOTE,
            )),
        ],
    },
    {
        "title": "Accessibility statement",
        "slug": "accessibility",
        "show_in_menus": False,
        "show_in_footer": True,
        "intro": "We want everyone to be able to use this website.",
        "body": [
            ("paragraph", rich(
                "The site aims to meet WCAG 2.2 at level AA and is checked with automated tools "
                "in English, Spanish and Polish.",
                "If something is hard to use, call 630-791-0444 and we will help you another way.",
                EXAMPLE_NOTE,
            )),
        ],
    },
    {
        "title": "Nondiscrimination notice",
        "slug": "nondiscrimination",
        "show_in_menus": False,
        "show_in_footer": True,
        "intro": "Everyone is welcome at CARE Counseling.",
        "body": [
            ("paragraph", rich(
                "We do not discriminate on the basis of race, color, national origin, age, "
                "disability, sex, sexual orientation, gender identity or religion.",
                "Free language help is available: call 630-791-0444.",
                EXAMPLE_NOTE,
            )),
        ],
    },
]

CRISIS = {
    "heading": "In crisis?",
    "message": "Help is free and confidential.",
}

# English source string -> translation. Used for pages and the crisis notice.
PHRASEBOOKS = {
    "es": {
        "CARE Counseling": "CARE Counseling",
        "home": "inicio",
        "Counseling for children, teens, adults and families west of Chicago":
            "Terapia para niños, adolescentes, adultos y familias al oeste de Chicago",
        "Our therapists meet clients in Naperville, Plainfield, Aurora, Oswego and Bolingbrook, "
        "and online. Call 630-791-0444 to talk with our intake team.":
            "Nuestros terapeutas atienden en Naperville, Plainfield, Aurora, Oswego y Bolingbrook, "
            "y también en línea. Llame al 630-791-0444 para hablar con nuestro equipo de admisión.",
        "Therapy for all ages in the western suburbs of Chicago, in person and online.":
            "Terapia para todas las edades en los suburbios del oeste de Chicago, en persona y en línea.",
        "How our therapists work": "Cómo trabajan nuestros terapeutas",
        "Our offices": "Nuestras oficinas",
        "Five offices in the western suburbs. Each card says whether that office is open right now.":
            "Cinco oficinas en los suburbios del oeste. Cada tarjeta indica si esa oficina está abierta ahora.",
        "Find the office nearest you": "Encuentre la oficina más cercana",
        "Each approach has its own page in plain words: what it is, who it suits and what a session "
        "looks like.":
            "Cada enfoque tiene su propia página en palabras sencillas: qué es, para quién es y cómo es "
            "una sesión.",
        "See every approach": "Ver todos los enfoques",
        "Reading for parents": "Lecturas para padres",
        "Short pieces by our therapists about feelings, behaviour and family life.":
            "Textos breves de nuestros terapeutas sobre emociones, conducta y vida familiar.",
        "All articles for parents": "Todos los artículos para padres",
        "In your language, in person or by video": "En su idioma, en persona o por video",
        "English and Spanish": "Inglés y español",
        "Our offices list the languages their therapists speak. Ask our intake team for a "
        "therapist who speaks yours.":
            "Cada oficina indica los idiomas que hablan sus terapeutas. Pida a nuestro equipo de admisión "
            "un terapeuta que hable el suyo.",
        "Telehealth": "Telesalud",
        "Many sessions can take place by video, so a busy week or a long drive need not "
        "mean a missed appointment.":
            "Muchas sesiones pueden hacerse por video, así una semana ocupada o un trayecto largo no "
            "significan perder una cita.",
        "Children, teens, adults and families": "Niños, adolescentes, adultos y familias",
        "We see people of every age, on their own, as couples and as whole families.":
            "Atendemos a personas de todas las edades, solas, en pareja y en familia.",
        "Sessions draw on Interpersonal Neurobiology (IPNB), Internal Family Systems, EMDR, "
        "Somatic EMDR, mindfulness-based practices and therapy informed by Polyvagal theory.":
            "Las sesiones se apoyan en la Neurobiología Interpersonal, EMDR y EMDR somático, "
            "Sistemas de Familia Interna, la terapia informada por la teoría polivagal y prácticas "
            "de atención plena.",
        "Work with children leans on play, parent-child sessions, storytelling and simple skills "
        "for calming the body, and parents stay closely involved.":
            "Con los niños usamos el juego, sesiones de padres e hijos, relatos y habilidades "
            "sencillas para calmar el cuerpo, y los padres participan de cerca.",
        "Asking for an appointment": "Cómo pedir una cita",
        "Phone our intake team and they will help you find a time, an office and a therapist "
        "who suits your family.":
            "Llame a nuestro equipo de admisión y le ayudará a encontrar un horario, una oficina "
            "y un terapeuta adecuado para su familia.",
        "About us": "Quiénes somos",
        "about": "quienes-somos",
        "CARE Counseling is a group practice with offices across the western suburbs of Chicago.":
            "CARE Counseling es una consulta de terapeutas con oficinas en los suburbios del oeste "
            "de Chicago.",
        "We see children, teenagers, adults, couples and families, in our offices and by video.":
            "Atendemos a niños, adolescentes, adultos, parejas y familias, en nuestras oficinas y "
            "por video.",
        "Therapy here puts the relationship between client and therapist first, and treats the "
        "body and the nervous system as part of the work.":
            "Aquí la terapia da prioridad a la relación entre cliente y terapeuta, y considera el "
            "cuerpo y el sistema nervioso como parte del trabajo.",
        "Privacy notice": "Aviso de privacidad",
        "privacy": "privacidad",
        "How this website treats what you tell it.": "Cómo trata este sitio lo que usted nos cuenta.",
        "The site uses no advertising trackers, no outside fonts and no outside scripts.":
            "El sitio no usa rastreadores publicitarios, ni fuentes ni scripts de terceros.",
        "When you ask for an appointment, only the intake staff of the office you chose can read "
        "your request, and it is deleted after a fixed retention period.":
            "Cuando pide una cita, solo el personal de admisión de la oficina elegida puede leer su "
            "solicitud, y esta se borra después de un plazo fijo de conservación.",
        EXAMPLE_NOTE: "Texto de ejemplo del sitio de demostración; la consulta lo sustituirá antes "
        "de publicarlo.",
        "Accessibility statement": "Declaración de accesibilidad",
        "accessibility": "accesibilidad",
        "We want everyone to be able to use this website.":
            "Queremos que todas las personas puedan usar este sitio web.",
        "The site aims to meet WCAG 2.2 at level AA and is checked with automated tools in "
        "English, Spanish and Polish.":
            "El sitio busca cumplir WCAG 2.2 en el nivel AA y se revisa con herramientas "
            "automáticas en inglés, español y polaco.",
        "If something is hard to use, call 630-791-0444 and we will help you another way.":
            "Si algo le resulta difícil de usar, llame al 630-791-0444 y le ayudaremos de otra manera.",
        "Nondiscrimination notice": "Aviso de no discriminación",
        "nondiscrimination": "no-discriminacion",
        "Everyone is welcome at CARE Counseling.": "En CARE Counseling todas las personas son bienvenidas.",
        "We do not discriminate on the basis of race, color, national origin, age, disability, "
        "sex, sexual orientation, gender identity or religion.":
            "No discriminamos por raza, color, origen nacional, edad, discapacidad, sexo, "
            "orientación sexual, identidad de género ni religión.",
        "Free language help is available: call 630-791-0444.":
            "Ofrecemos ayuda gratuita con el idioma: llame al 630-791-0444.",
        "In crisis?": "¿Está en crisis?",
        "Help is free and confidential.": "La ayuda es gratuita y confidencial.",
    },
    "pl": {
        "CARE Counseling": "CARE Counseling",
        "home": "strona-glowna",
        "Counseling for children, teens, adults and families west of Chicago":
            "Terapia dla dzieci, nastolatków, dorosłych i rodzin na zachód od Chicago",
        "Our therapists meet clients in Naperville, Plainfield, Aurora, Oswego and Bolingbrook, "
        "and online. Call 630-791-0444 to talk with our intake team.":
            "Nasi terapeuci przyjmują w Naperville, Plainfield, Aurorze, Oswego i Bolingbrook, "
            "a także online. Zadzwoń pod 630-791-0444, aby porozmawiać z naszym zespołem przyjęć.",
        "Therapy for all ages in the western suburbs of Chicago, in person and online.":
            "Terapia dla osób w każdym wieku na zachodnich przedmieściach Chicago, stacjonarnie i online.",
        "How our therapists work": "Jak pracują nasi terapeuci",
        "Our offices": "Nasze gabinety",
        "Five offices in the western suburbs. Each card says whether that office is open right now.":
            "Pięć gabinetów na zachodnich przedmieściach. Każda karta mówi, czy gabinet jest teraz otwarty.",
        "Find the office nearest you": "Znajdź najbliższy gabinet",
        "Each approach has its own page in plain words: what it is, who it suits and what a session "
        "looks like.":
            "Każde podejście ma własną stronę napisaną prostym językiem: czym jest, komu służy i jak "
            "wygląda sesja.",
        "See every approach": "Zobacz wszystkie podejścia",
        "Reading for parents": "Lektura dla rodziców",
        "Short pieces by our therapists about feelings, behaviour and family life.":
            "Krótkie teksty naszych terapeutów o emocjach, zachowaniu i życiu rodzinnym.",
        "All articles for parents": "Wszystkie artykuły dla rodziców",
        "In your language, in person or by video": "W Twoim języku, osobiście lub przez wideo",
        "English and Spanish": "Angielski i hiszpański",
        "Our offices list the languages their therapists speak. Ask our intake team for a "
        "therapist who speaks yours.":
            "Każdy gabinet podaje języki, którymi mówią jego terapeuci. Poproś nasz zespół przyjęć "
            "o terapeutę mówiącego w Twoim języku.",
        "Telehealth": "Teleporady",
        "Many sessions can take place by video, so a busy week or a long drive need not "
        "mean a missed appointment.":
            "Wiele sesji może odbywać się przez wideo, więc pracowity tydzień czy długi dojazd nie "
            "muszą oznaczać straconej wizyty.",
        "Children, teens, adults and families": "Dzieci, nastolatki, dorośli i rodziny",
        "We see people of every age, on their own, as couples and as whole families.":
            "Przyjmujemy osoby w każdym wieku, indywidualnie, jako pary i całe rodziny.",
        "Sessions draw on Interpersonal Neurobiology (IPNB), Internal Family Systems, EMDR, "
        "Somatic EMDR, mindfulness-based practices and therapy informed by Polyvagal theory.":
            "Sesje opierają się na neurobiologii interpersonalnej, EMDR i somatycznym EMDR, "
            "systemie wewnętrznej rodziny (IFS), terapii opartej na teorii poliwagalnej oraz "
            "praktykach uważności.",
        "Work with children leans on play, parent-child sessions, storytelling and simple skills "
        "for calming the body, and parents stay closely involved.":
            "W pracy z dziećmi korzystamy z zabawy, sesji z rodzicem, opowieści i prostych "
            "sposobów na uspokojenie ciała, a rodzice są blisko zaangażowani.",
        "Asking for an appointment": "Jak umówić wizytę",
        "Phone our intake team and they will help you find a time, an office and a therapist "
        "who suits your family.":
            "Zadzwoń do naszego zespołu przyjęć, który pomoże znaleźć termin, gabinet i terapeutę "
            "odpowiedniego dla Twojej rodziny.",
        "About us": "O nas",
        "about": "o-nas",
        "CARE Counseling is a group practice with offices across the western suburbs of Chicago.":
            "CARE Counseling to praktyka terapeutyczna z gabinetami na zachodnich przedmieściach "
            "Chicago.",
        "We see children, teenagers, adults, couples and families, in our offices and by video.":
            "Przyjmujemy dzieci, nastolatków, dorosłych, pary i rodziny, w gabinetach i przez wideo.",
        "Therapy here puts the relationship between client and therapist first, and treats the "
        "body and the nervous system as part of the work.":
            "U nas terapia stawia na pierwszym miejscu relację klienta z terapeutą, a ciało i układ "
            "nerwowy traktuje jako część pracy.",
        "Privacy notice": "Informacja o prywatności",
        "privacy": "prywatnosc",
        "How this website treats what you tell it.": "Jak ta strona traktuje to, co nam przekazujesz.",
        "The site uses no advertising trackers, no outside fonts and no outside scripts.":
            "Strona nie używa reklamowych narzędzi śledzących ani zewnętrznych czcionek i skryptów.",
        "When you ask for an appointment, only the intake staff of the office you chose can read "
        "your request, and it is deleted after a fixed retention period.":
            "Gdy prosisz o wizytę, Twoje zgłoszenie może przeczytać tylko zespół przyjęć wybranego "
            "gabinetu, a po ustalonym okresie przechowywania jest ono usuwane.",
        EXAMPLE_NOTE: "Przykładowy tekst strony demonstracyjnej; praktyka zastąpi go przed "
        "publikacją.",
        "Accessibility statement": "Deklaracja dostępności",
        "accessibility": "dostepnosc",
        "We want everyone to be able to use this website.":
            "Chcemy, aby każdy mógł korzystać z tej strony.",
        "The site aims to meet WCAG 2.2 at level AA and is checked with automated tools in "
        "English, Spanish and Polish.":
            "Strona ma spełniać WCAG 2.2 na poziomie AA i jest sprawdzana automatycznymi "
            "narzędziami po angielsku, hiszpańsku i polsku.",
        "If something is hard to use, call 630-791-0444 and we will help you another way.":
            "Jeśli coś jest trudne w użyciu, zadzwoń pod 630-791-0444, a pomożemy w inny sposób.",
        "Nondiscrimination notice": "Informacja o niedyskryminacji",
        "nondiscrimination": "niedyskryminacja",
        "Everyone is welcome at CARE Counseling.": "W CARE Counseling każdy jest mile widziany.",
        "We do not discriminate on the basis of race, color, national origin, age, disability, "
        "sex, sexual orientation, gender identity or religion.":
            "Nie dyskryminujemy ze względu na rasę, kolor skóry, pochodzenie narodowe, wiek, "
            "niepełnosprawność, płeć, orientację seksualną, tożsamość płciową ani religię.",
        "Free language help is available: call 630-791-0444.":
            "Oferujemy bezpłatną pomoc językową: zadzwoń pod 630-791-0444.",
        "In crisis?": "Jesteś w kryzysie?",
        "Help is free and confidential.": "Pomoc jest bezpłatna i poufna.",
    },
}

DEMO_PASSWORD = "portal-demo"
DEMO_USERS = [
    # username, group (None: superuser), what they can try
    ("admin", None, "superuser: everything"),
    ("marketing", roles.MARKETING, "edit and publish any page, settings, crisis notice"),
    ("clinician", roles.CLINICIANS, "Alex Example's bio, play therapy and parent-child pages: edit, submit for review"),
    ("reviewer", roles.CLINICAL_REVIEWERS, "approves or requests changes in 'Clinical review'; bio: Jordan Sample"),
    ("translator-es", roles.TRANSLATOR_GROUPS["es"],
     "translate and publish Spanish pages, crisis notice, topics and alt text only; their queue is on the dashboard"),
    ("translator-pl", roles.TRANSLATOR_GROUPS["pl"],
     "translate and publish Polish pages, crisis notice, topics and alt text only; their queue is on the dashboard"),
]


def _locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "es", "pl")}


def _set_page_fields(page, data):
    for field in ("title", "slug", "heading", "intro", "search_description", "show_in_menus",
                  "show_in_footer"):
        if field in data and hasattr(page, field):
            setattr(page, field, data[field])
    page.body = data["body"]


def _home_page(locale):
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home is not None:
        return home, False
    # Wagtail's migrations create the tree's root; an emptied database has none.
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    # Wagtail's placeholder "Welcome" page holds the slug "home"; replace it.
    for placeholder in root.get_children().filter(content_type__model="page", slug="home"):
        placeholder.delete()
    home = HomePage(locale=locale)
    _set_page_fields(home, HOME)
    home.hero_image, _new = illustrations.illustration("Home page illustration", "care-home", motif="hills")
    root.add_child(instance=home)
    home.save_revision().publish()
    # Canonical and hreflang links use the site's address: the demo's own.
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname = address.hostname
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.root_page = home
    site.site_name = "CARE Counseling"
    site.save()
    return home, True


def _standard_page(home, data):
    page = StandardPage.objects.child_of(home).filter(slug=data["slug"]).first()
    if page is not None:
        return page, False
    page = StandardPage(locale=home.locale)
    _set_page_fields(page, data)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def _crisis_notice(locale):
    notice = CrisisNotice.objects.filter(locale=locale).first()
    if notice is not None:
        return notice, False
    notice = CrisisNotice.objects.create(
        locale=locale,
        heading=CRISIS["heading"],
        message=CRISIS["message"],
        crisis_line="988",
        emergency_number="911",
        last_verified=datetime.date(2026, 11, 1),
    )
    return notice, True


def _users():
    groups = {group.name: group for group in Group.objects.all()}
    User = get_user_model()
    logins = []
    for username, group_name, what in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                email=f"{username}@example.org",
                first_name=username.split("-")[0].capitalize(),
                last_name="(demo)",
                is_staff=group_name is None,
                is_superuser=group_name is None,
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
        if group_name:
            user.groups.add(groups[group_name])
        logins.append((username, what))
    return logins


def load(progress):
    """Build the site-wide demo content. ``progress(message)`` reports each step."""
    created = 0
    with transaction.atomic():
        locales = _locales()
        progress("languages: English, Spanish, Polish")

        home, new = _home_page(locales["en"])
        created += new
        pages = [home]
        for data in NOTICES:
            page, new = _standard_page(home, data)
            created += new
            pages.append(page)
        progress(f"English pages: {len(pages)}")

        notice, new = _crisis_notice(locales["en"])
        created += new

        for code in ("es", "pl"):
            for page in pages:
                created += publish_translation(page, code, PHRASEBOOKS[code]) is not None
            created += publish_translation(notice, code, PHRASEBOOKS[code]) is not None
            progress(f"{code} translations of {len(pages)} pages and the crisis notice")

        SiteSettings.for_site(Site.objects.get(root_page=home))  # the practice's name and phone
        progress("site settings")

        # Every app's roles, as a deployment creates them (manage.py setup_roles).
        output = io.StringIO()
        call_command("setup_roles", stdout=output)
        for line in output.getvalue().splitlines():
            progress(line.strip())
        logins = _users()
        progress(f"{len(logins)} demo logins")
    return created, logins
