"""Demo approaches and example clinicians, in English, Spanish and Polish.

The approaches are the ones PRODUCT.md lists; every sentence is written for
this project. The clinicians are invented and say so: example names, example
licence numbers, generated portraits (approaches/portraits.py). Each approach
page goes live through the real "Clinical review, then marketing approval"
workflow, so its "Reviewed by" line comes from an approval, not from typing.
``load_demo`` calls ``load()`` after the offices exist.
"""

import hashlib
import io

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.models import Collection

from approaches import portraits, roles
from approaches.audiences import AUDIENCE_CODES
from approaches.models import (
    ApproachIndexPage,
    ApproachPage,
    Availability,
    ClinicianApproach,
    ClinicianIndexPage,
    ClinicianLanguage,
    ClinicianOffice,
    ClinicianPage,
    RelatedApproach,
)
from locations.models import LocationPage
from portal import illustrations
from portal.demo import index_page, rich
from portal.demo_translations import publish_translation
from portal.models import CustomImage, HomePage, ImageDescription

ORDER = 30  # after the offices (locations, 10) the clinicians work at

# English source string -> translation, as in the other demo modules; filled
# by tr() so that each translation stands next to its English text.
PHRASEBOOKS = {"es": {}, "pl": {}}


def tr(english, spanish, polish):
    """An English demo string, registering its Spanish and Polish translations."""
    PHRASEBOOKS["es"][english] = spanish
    PHRASEBOOKS["pl"][english] = polish
    return english


def same(text):
    """A string that stays as it is in every language (names, slugs)."""
    return tr(text, text, text)


APPROACH_INDEX = {
    "title": tr("Our approaches", "Nuestros enfoques", "Nasze podejścia"),
    "slug": same("approaches"),
    "intro": tr(
        "Each page below explains one way our therapists work, in plain words: what it is, what it can "
        "help with and what a session looks like. Not sure where to start? Call 630-791-0444 and our "
        "intake team will talk it through with you.",
        "Cada página explica con palabras sencillas una forma de trabajar de nuestros terapeutas: en qué "
        "consiste, con qué puede ayudar y cómo es una sesión. ¿No sabe por dónde empezar? Llame al "
        "630-791-0444 y nuestro equipo de admisión lo hablará con usted.",
        "Każda z poniższych stron prostymi słowami opisuje jeden ze sposobów pracy naszych terapeutów: "
        "czym jest, w czym może pomóc i jak wygląda sesja. Nie wiesz, od czego zacząć? Zadzwoń pod "
        "630-791-0444, a nasz zespół przyjęć pomoże Ci to przemyśleć.",
    ),
}
CLINICIAN_INDEX = {
    "title": tr("Our clinicians", "Nuestros terapeutas", "Nasi terapeuci"),
    "slug": same("clinicians"),
    "intro": tr(
        "Example clinicians for the demo: the names, licences and portraits on these pages are invented, "
        "and the practice replaces them with its own team before going live. Filter by approach, office, "
        "age group or language to find someone who fits.",
        "Terapeutas de ejemplo para la demostración: los nombres, las licencias y los retratos de estas "
        "páginas son inventados, y la consulta los sustituirá por su propio equipo antes de publicar el "
        "sitio. Filtre por enfoque, oficina, edad o idioma para encontrar a alguien adecuado.",
        "Przykładowi terapeuci na potrzeby demonstracji: imiona i nazwiska, licencje oraz portrety na tych "
        "stronach są wymyślone, a praktyka zastąpi je własnym zespołem przed uruchomieniem strony. "
        "Filtruj według podejścia, gabinetu, grupy wiekowej lub języka, aby znaleźć odpowiednią osobę.",
    ),
}


def heading(text):
    return ("heading", {"text": text, "level": "h2"})


def bullets(*items):
    return ("list", {"items": list(items), "numbered": False})


def quote(text, attribution):
    return ("quote", {"text": text, "attribution": attribution})


def callout(title, text):
    return ("callout", {"heading": title, "text": rich(text)})


APPROACHES = [
    {
        "title": tr("Interpersonal Neurobiology (IPNB)", "Neurobiología interpersonal (IPNB)",
                    "Neurobiologia interpersonalna (IPNB)"),
        "slug": same("interpersonal-neurobiology"),
        "summary": tr(
            "A way of understanding people that joins what is known about the brain and body with what we "
            "know about close relationships. It shapes how all of our therapists work, with children and "
            "adults alike.",
            "Una forma de entender a las personas que une lo que se sabe del cerebro y del cuerpo con lo que "
            "sabemos de las relaciones cercanas. Orienta el trabajo de todos nuestros terapeutas, tanto con "
            "niños como con adultos.",
            "Sposób rozumienia człowieka, który łączy wiedzę o mózgu i ciele z wiedzą o bliskich relacjach. "
            "Kształtuje pracę wszystkich naszych terapeutów, zarówno z dziećmi, jak i z dorosłymi.",
        ),
        "what_it_is": tr(
            "Interpersonal Neurobiology is less a technique than a lens. It starts from the idea that the "
            "mind grows out of the brain, the body and our relationships together, so how a child or adult "
            "feels and behaves makes more sense once we look at all three. A therapist who works this way "
            "pays close attention to the relationship in the room, because feeling safe with another person "
            "is often where change begins.",
            "La Neurobiología interpersonal no es tanto una técnica como una manera de mirar. Parte de la "
            "idea de que la mente surge del cerebro, del cuerpo y de nuestras relaciones a la vez, de modo "
            "que lo que siente y hace un niño o un adulto se entiende mejor cuando se tienen en cuenta los "
            "tres. Quien trabaja así cuida mucho la relación dentro de la sesión, porque sentirse a salvo "
            "con otra persona suele ser el punto de partida del cambio.",
            "Neurobiologia interpersonalna to nie tyle technika, ile sposób patrzenia. Wychodzi z założenia, "
            "że umysł kształtuje się jednocześnie w mózgu, w ciele i w relacjach z innymi, dlatego uczucia "
            "i zachowanie dziecka czy dorosłego łatwiej zrozumieć, gdy bierze się pod uwagę wszystkie trzy. "
            "Terapeuta pracujący w ten sposób szczególnie dba o relację podczas sesji, bo poczucie "
            "bezpieczeństwa przy drugiej osobie często jest początkiem zmiany.",
        ),
        "helps_with": [
            tr("Big feelings that are hard to settle, at any age",
               "Emociones intensas que cuesta calmar, a cualquier edad",
               "Silne emocje, które trudno uspokoić, w każdym wieku"),
            tr("Patterns in close relationships that keep repeating",
               "Patrones que se repiten una y otra vez en las relaciones cercanas",
               "Powtarzające się schematy w bliskich relacjach"),
            tr("Feeling cut off from yourself or from the people around you",
               "Sentirse desconectado de uno mismo o de las personas cercanas",
               "Poczucie odcięcia od siebie lub od bliskich"),
            tr("Recovering after frightening or painful experiences",
               "La recuperación tras experiencias que asustaron o dolieron",
               "Powrót do równowagi po przerażających lub bolesnych doświadczeniach"),
            tr("Strain between parents and children",
               "Tensiones entre padres e hijos",
               "Napięcia między rodzicami a dziećmi"),
        ],
        "session": tr(
            "There is no fixed script. Your therapist gets to know you, or your child, at a pace that feels "
            "manageable, notices with you what happens in the body when feelings rise, and helps connect "
            "what you feel with what you understand. With children, play, drawing and stories are part of "
            "the work, and parents are invited in regularly.",
            "No hay un guion fijo. Su terapeuta le conoce a usted, o a su hijo, a un ritmo llevadero, "
            "observa con usted lo que ocurre en el cuerpo cuando suben las emociones y ayuda a unir lo que "
            "se siente con lo que se entiende. Con los niños, el juego, el dibujo y los cuentos forman parte "
            "del trabajo, y se invita a los padres con regularidad.",
            "Nie ma stałego scenariusza. Terapeuta poznaje Ciebie lub Twoje dziecko w tempie, które da się "
            "udźwignąć, razem z Tobą zauważa, co dzieje się w ciele, gdy narastają emocje, i pomaga połączyć "
            "to, co czujesz, z tym, co rozumiesz. W pracy z dziećmi ważną rolę odgrywają zabawa, rysunek "
            "i opowieści, a rodzice są regularnie zapraszani do udziału.",
        ),
        "who_it_suits": tr(
            "Children, teens, adults, couples and families. Because it is a way of thinking rather than a "
            "single method, it sits underneath the other approaches on this site and can be combined with "
            "any of them.",
            "Niños, adolescentes, adultos, parejas y familias. Como es una forma de pensar y no un método "
            "concreto, está en la base de los demás enfoques de este sitio y puede combinarse con cualquiera "
            "de ellos.",
            "Dzieci, nastolatki, dorośli, pary i rodziny. Ponieważ jest to sposób myślenia, a nie jedna "
            "metoda, stanowi podstawę pozostałych podejść opisanych na tej stronie i można ją łączyć "
            "z każdym z nich.",
        ),
        "audiences": ("children", "teens", "adults", "couples", "families"),
        "body": [
            heading(tr("Why the relationship matters", "Por qué importa la relación",
                       "Dlaczego relacja ma znaczenie")),
            ("paragraph", rich(tr(
                "Children learn to settle by being settled by someone else, again and again, and adults still "
                "carry those early lessons. In therapy, a steady, attentive relationship offers a fresh "
                "chance to practise, and what is practised there can carry over into home, school and work.",
                "Los niños aprenden a calmarse porque otra persona los calma, una y otra vez, y los adultos "
                "seguimos llevando esas primeras lecciones. En terapia, una relación estable y atenta ofrece "
                "una nueva oportunidad de practicar, y lo que se practica allí puede trasladarse a la casa, "
                "la escuela y el trabajo.",
                "Dzieci uczą się uspokajać dzięki temu, że ktoś inny wielokrotnie je uspokaja, a dorośli "
                "wciąż noszą w sobie te wczesne lekcje. W terapii stabilna, uważna relacja daje nową okazję "
                "do ćwiczenia, a to, co ćwiczy się na sesjach, może przenieść się do domu, szkoły i pracy.",
            ))),
            bullets(
                tr("How safe and settled you or your child feel in the room",
                   "Lo seguro y tranquilo que se siente usted o su hijo en la sesión",
                   "Na ile Ty lub Twoje dziecko czujecie się bezpiecznie i spokojnie podczas sesji"),
                tr("What the body is doing when feelings get strong",
                   "Lo que hace el cuerpo cuando las emociones se intensifican",
                   "Co dzieje się w ciele, gdy emocje przybierają na sile"),
                tr("The story you tell about what happened, and how it changes",
                   "La historia que usted cuenta sobre lo ocurrido, y cómo va cambiando",
                   "Opowieść o tym, co się wydarzyło, i to, jak się ona zmienia"),
                tr("Repairing misunderstandings, including ones with the therapist",
                   "Cómo se reparan los malentendidos, también los que surgen con el terapeuta",
                   "Naprawianie nieporozumień, także tych z terapeutą"),
            ),
            callout(
                tr("Not a quick fix", "No es una solución rápida", "To nie jest szybkie rozwiązanie"),
                tr("Change that grows out of a relationship takes time. Your therapist will talk with you "
                   "regularly about how things are going and whether to adjust the plan.",
                   "El cambio que nace de una relación lleva tiempo. Su terapeuta hablará con usted a menudo "
                   "sobre cómo van las cosas y si conviene ajustar el plan.",
                   "Zmiana, która wyrasta z relacji, wymaga czasu. Terapeuta będzie regularnie rozmawiać "
                   "z Tobą o tym, jak idzie praca i czy warto zmienić plan."),
            ),
        ],
        "related": ("parent-child-sessions", "polyvagal-informed-therapy", "internal-family-systems"),
        "maintainers": ("Sam Placeholder", "Riley Demo"),
    },
    {
        "title": same("EMDR"),
        "slug": same("emdr"),
        "summary": tr(
            "EMDR helps the mind work through memories that still feel raw, using short rounds of eye "
            "movements, taps or tones while a memory is briefly held in mind. It is used with children, "
            "teens and adults.",
            "El EMDR ayuda a la mente a procesar recuerdos que todavía duelen como el primer día, mediante "
            "breves series de movimientos oculares, toques o sonidos mientras se evoca un recuerdo por unos "
            "momentos. Se usa con niños, adolescentes y adultos.",
            "EMDR pomaga umysłowi przepracować wspomnienia, które wciąż są żywe i bolesne, za pomocą "
            "krótkich serii ruchów oczu, stuknięć lub dźwięków, podczas gdy przez chwilę przywołuje się "
            "dane wspomnienie. Stosuje się je u dzieci, nastolatków i dorosłych.",
        ),
        "what_it_is": tr(
            "EMDR stands for Eye Movement Desensitization and Reprocessing. It is a structured therapy for "
            "memories that keep intruding or that still bring a rush of fear, shame or anger. While you "
            "bring part of a memory to mind, the therapist guides your attention from side to side, with "
            "the eyes, with gentle taps or with sounds. Many people find that afterwards the memory feels "
            "more distant and less charged, although everyone's experience is different.",
            "EMDR son las siglas en inglés de Desensibilización y Reprocesamiento por Movimientos Oculares. "
            "Es una terapia estructurada para recuerdos que irrumpen una y otra vez o que todavía despiertan "
            "miedo, vergüenza o rabia. Mientras usted trae a la mente una parte del recuerdo, el terapeuta "
            "guía su atención de un lado a otro, con los ojos, con toques suaves o con sonidos. Muchas "
            "personas notan después que el recuerdo se siente más lejano y menos intenso, aunque la "
            "experiencia de cada uno es distinta.",
            "EMDR to skrót od angielskiej nazwy Eye Movement Desensitization and Reprocessing, czyli "
            "odwrażliwianie i ponowne przetwarzanie za pomocą ruchów gałek ocznych. To uporządkowana terapia "
            "wspomnień, które wciąż powracają albo nadal wywołują falę strachu, wstydu lub złości. Gdy "
            "przywołujesz fragment wspomnienia, terapeuta prowadzi Twoją uwagę na boki: wzrokiem, "
            "delikatnymi stuknięciami lub dźwiękami. Wiele osób zauważa potem, że wspomnienie wydaje się "
            "bardziej odległe i mniej naładowane emocjami, choć każdy przeżywa to inaczej.",
        ),
        "helps_with": [
            tr("Memories of an accident, a loss or another frightening event",
               "Recuerdos de un accidente, una pérdida u otro suceso que asustó",
               "Wspomnienia wypadku, straty lub innego przerażającego zdarzenia"),
            tr("Nightmares or sudden flashes of something that happened",
               "Pesadillas o imágenes repentinas de algo que ocurrió",
               "Koszmary senne lub nagłe przebłyski tego, co się wydarzyło"),
            tr("Fears that grew after a specific experience",
               "Miedos que crecieron después de una experiencia concreta",
               "Lęki, które nasiliły się po konkretnym doświadczeniu"),
            tr("Painful beliefs such as 'it was my fault'",
               "Creencias dolorosas como «fue culpa mía»",
               "Bolesne przekonania, na przykład „to moja wina”"),
        ],
        "session": tr(
            "EMDR does not start with the hardest memory. The first sessions are for getting to know you, "
            "planning together and practising ways to feel calmer, so you have them ready. Only then does "
            "the memory work begin, a little at a time, and you can pause whenever you need to. With "
            "children, the therapist adapts the steps with drawings, stories and play.",
            "El EMDR no empieza por el recuerdo más difícil. Las primeras sesiones sirven para conocerle, "
            "planificar juntos y practicar formas de calmarse, para tenerlas a mano. Solo después comienza "
            "el trabajo con el recuerdo, poco a poco, y usted puede hacer una pausa siempre que lo necesite. "
            "Con los niños, el terapeuta adapta los pasos con dibujos, cuentos y juegos.",
            "EMDR nie zaczyna się od najtrudniejszego wspomnienia. Pierwsze sesje służą poznaniu się, "
            "wspólnemu planowaniu i ćwiczeniu sposobów na uspokojenie, tak aby były pod ręką. Dopiero potem "
            "zaczyna się praca ze wspomnieniem, krok po kroku, a przerwę można zrobić w każdej chwili. "
            "W pracy z dziećmi terapeuta dostosowuje kolejne etapy, korzystając z rysunków, opowieści "
            "i zabawy.",
        ),
        "who_it_suits": tr(
            "Children, teens and adults who are troubled by particular memories. It may not be the right "
            "first step for everyone; your therapist will talk with you about whether and when it fits.",
            "Niños, adolescentes y adultos a quienes les afectan recuerdos concretos. Puede que no sea el "
            "primer paso adecuado para todos; su terapeuta hablará con usted sobre si conviene y cuándo.",
            "Dzieci, nastolatki i dorośli, których dręczą konkretne wspomnienia. Nie dla każdego będzie to "
            "właściwy pierwszy krok; terapeuta porozmawia z Tobą o tym, czy i kiedy warto po nie sięgnąć.",
        ),
        "audiences": ("children", "teens", "adults"),
        "body": [
            heading(tr("Questions people often ask", "Preguntas frecuentes",
                       "Pytania, które często słyszymy")),
            quote(
                tr("Will I have to relive the worst moment?", "¿Tendré que revivir el peor momento?",
                   "Czy trzeba będzie jeszcze raz przeżyć najgorszą chwilę?"),
                tr("A question we often hear before EMDR begins",
                   "Una pregunta que oímos a menudo antes de empezar con el EMDR",
                   "Pytanie, które często słyszymy przed rozpoczęciem EMDR"),
            ),
            ("paragraph", rich(tr(
                "No. You stay aware and in charge throughout; EMDR is not hypnosis. You do not need to "
                "describe every detail out loud, you decide what to share, and you can stop a round at any "
                "time.",
                "No. Usted está consciente y al mando en todo momento; el EMDR no es hipnosis. No necesita "
                "describir cada detalle en voz alta, usted decide qué compartir y puede detener una serie "
                "cuando quiera.",
                "Nie. Przez cały czas zachowujesz świadomość i kontrolę; EMDR nie jest hipnozą. Nie trzeba "
                "opisywać na głos każdego szczegółu, to Ty decydujesz, czym się dzielisz, i w każdej chwili "
                "możesz przerwać serię.",
            ))),
            callout(
                tr("Feeling tired afterwards is common", "Es habitual sentir cansancio después",
                   "Zmęczenie po sesji jest czymś częstym"),
                tr("Memories can keep stirring for a day or two after a session. Your therapist will show "
                   "you ways to settle at home and tell you how to reach the practice if you need to.",
                   "Los recuerdos pueden seguir removiéndose uno o dos días después de una sesión. Su "
                   "terapeuta le enseñará formas de calmarse en casa y le explicará cómo contactar con la "
                   "consulta si lo necesita.",
                   "Przez dzień lub dwa po sesji wspomnienia mogą nadal się odzywać. Terapeuta pokaże Ci, "
                   "jak uspokoić się w domu, i wyjaśni, jak w razie potrzeby skontaktować się z gabinetem."),
            ),
        ],
        "related": ("somatic-emdr", "internal-family-systems"),
        "maintainers": ("Morgan Mockup",),
    },
    {
        "title": tr("Somatic EMDR", "EMDR somático", "Somatyczne EMDR"),
        "slug": same("somatic-emdr"),
        "summary": tr(
            "Somatic EMDR follows the same steps as EMDR but gives more room to the body: tension, breath "
            "and movement are noticed and used along the way. Sessions tend to move more slowly, which some "
            "people find easier.",
            "El EMDR somático sigue los mismos pasos que el EMDR, pero da más espacio al cuerpo: la tensión, "
            "la respiración y el movimiento se observan y se aprovechan durante el proceso. Las sesiones "
            "suelen avanzar más despacio, algo que a algunas personas les resulta más llevadero.",
            "Somatyczne EMDR przebiega według tych samych etapów co EMDR, ale daje więcej miejsca ciału: "
            "napięcie, oddech i ruch są zauważane i wykorzystywane w trakcie pracy. Sesje zwykle toczą się "
            "wolniej, co niektórym osobom odpowiada bardziej.",
        ),
        "what_it_is": tr(
            "Difficult experiences are remembered by the body as well as the mind: a tight chest, a clenched "
            "jaw, a wish to run. Somatic EMDR brings these sensations into the work. Before and during the "
            "memory work, your therapist helps you notice what your body is doing and find what helps it "
            "settle, so that the process stays within what you can manage.",
            "Las experiencias difíciles no solo las recuerda la mente, también el cuerpo: un pecho apretado, "
            "la mandíbula tensa, ganas de huir. El EMDR somático incorpora esas sensaciones al trabajo. Antes "
            "y durante el trabajo con los recuerdos, su terapeuta le ayuda a notar lo que hace su cuerpo y a "
            "encontrar lo que lo calma, para que el proceso no supere lo que usted puede sostener.",
            "Trudne doświadczenia pamięta nie tylko umysł, ale i ciało: ściśnięta klatka piersiowa, "
            "zaciśnięta szczęka, chęć ucieczki. Somatyczne EMDR włącza te odczucia do pracy. Przed pracą ze "
            "wspomnieniami i w jej trakcie terapeuta pomaga Ci zauważać, co robi Twoje ciało, i znaleźć to, "
            "co je uspokaja, tak aby proces nie przekraczał tego, z czym możesz sobie poradzić.",
        ),
        "helps_with": [
            tr("Tension or restlessness in the body that seems tied to what happened",
               "Tensión o inquietud en el cuerpo que parece ligada a lo que ocurrió",
               "Napięcie lub niepokój w ciele, które wydają się związane z tym, co się wydarzyło"),
            tr("Feeling frozen, numb or far away when something brings the past back",
               "Quedarse paralizado, entumecido o ausente cuando algo trae el pasado de vuelta",
               "Zastygnięcie, odrętwienie lub poczucie oddalenia, gdy coś przywołuje przeszłość"),
            tr("Memories that are hard to put into words",
               "Recuerdos difíciles de poner en palabras",
               "Wspomnienia, które trudno ująć w słowa"),
            tr("People who found talking therapy too fast or too overwhelming",
               "Personas a quienes la terapia hablada les resultó demasiado rápida o abrumadora",
               "Osoby, dla których terapia oparta na rozmowie okazała się zbyt szybka lub przytłaczająca"),
        ],
        "session": tr(
            "Sessions often begin with a few minutes of noticing breath, posture and the feeling of the chair "
            "or floor. When you work with a memory, the therapist checks in with your body often and may "
            "suggest a small movement, a pause or a change of focus. You set the pace, and there is always "
            "time to settle before you leave.",
            "Las sesiones suelen empezar con unos minutos para notar la respiración, la postura y el contacto "
            "con la silla o el suelo. Cuando trabaja con un recuerdo, el terapeuta pregunta a menudo por lo "
            "que siente su cuerpo y puede proponerle un pequeño movimiento, una pausa o un cambio de foco. "
            "Usted marca el ritmo, y siempre queda tiempo para calmarse antes de irse.",
            "Sesje często zaczynają się od kilku minut zwracania uwagi na oddech, postawę i dotyk krzesła "
            "lub podłogi. Podczas pracy ze wspomnieniem terapeuta często pyta, co czuje Twoje ciało, i może "
            "zaproponować niewielki ruch, przerwę lub zmianę punktu uwagi. To Ty nadajesz tempo, a przed "
            "wyjściem zawsze jest czas, żeby się uspokoić.",
        ),
        "who_it_suits": tr(
            "Teens and adults, especially those who feel their experiences more in the body than in words. "
            "Your therapist will adapt it, or suggest another approach, if it does not suit you.",
            "Adolescentes y adultos, sobre todo quienes viven sus experiencias más en el cuerpo que en las "
            "palabras. Si no le conviene, su terapeuta lo adaptará o le propondrá otro enfoque.",
            "Nastolatki i dorośli, zwłaszcza ci, którzy przeżywają swoje doświadczenia bardziej ciałem niż "
            "słowami. Jeśli to podejście Ci nie odpowiada, terapeuta dostosuje je lub zaproponuje inne.",
        ),
        "audiences": ("teens", "adults"),
        "body": [
            heading(tr("Listening to the body", "Escuchar al cuerpo", "Wsłuchiwanie się w ciało")),
            ("paragraph", rich(tr(
                "The body often reacts before we have words for what is happening. Slowing down enough to "
                "notice those reactions, without judging them, gives you more choice about what to do next.",
                "A menudo el cuerpo reacciona antes de que tengamos palabras para lo que está pasando. Ir lo "
                "bastante despacio como para notar esas reacciones, sin juzgarlas, le da más margen para "
                "decidir qué hacer después.",
                "Ciało często reaguje, zanim znajdziemy słowa na to, co się dzieje. Gdy zwolnimy na tyle, by "
                "zauważyć te reakcje bez oceniania, zyskujemy większy wybór, co zrobić dalej.",
            ))),
            bullets(
                tr("Noticing where in the body a feeling sits",
                   "Notar en qué parte del cuerpo se siente una emoción",
                   "Zauważanie, w którym miejscu ciała odczuwasz daną emocję"),
                tr("Finding a posture or movement that feels steadier",
                   "Encontrar una postura o un movimiento que dé más estabilidad",
                   "Szukanie postawy lub ruchu, które dają więcej stabilności"),
                tr("Pausing when the body says it is enough for today",
                   "Hacer una pausa cuando el cuerpo indica que por hoy es suficiente",
                   "Zatrzymanie się, gdy ciało daje znać, że na dziś wystarczy"),
            ),
            callout(
                tr("You can always say stop", "Siempre puede decir basta", "Zawsze możesz powiedzieć „stop”"),
                tr("Nothing happens in a session without your agreement. Stopping or slowing down is always "
                   "allowed, and your therapist will never see it as failing.",
                   "En una sesión no ocurre nada sin su consentimiento. Siempre se puede parar o ir más "
                   "despacio, y su terapeuta nunca lo verá como un fracaso.",
                   "Podczas sesji nic nie dzieje się bez Twojej zgody. Zawsze można się zatrzymać lub "
                   "zwolnić, a terapeuta nigdy nie uzna tego za porażkę."),
            ),
        ],
        "related": ("emdr", "polyvagal-informed-therapy"),
        "maintainers": ("Casey Specimen",),
    },
    {
        "title": tr("Internal Family Systems (IFS)", "Sistemas de la Familia Interna (IFS)",
                    "System Wewnętrznej Rodziny (IFS)"),
        "slug": same("internal-family-systems"),
        "summary": tr(
            "Internal Family Systems sees the mind as made of different parts, such as a worried part, an "
            "angry part or a part that wants to hide. Therapy helps you get to know these parts with "
            "curiosity instead of fighting them.",
            "Los Sistemas de la Familia Interna ven la mente como formada por distintas partes, por ejemplo "
            "una parte preocupada, una parte enfadada o una parte que quiere esconderse. La terapia le ayuda "
            "a conocer esas partes con curiosidad en lugar de luchar contra ellas.",
            "System Wewnętrznej Rodziny traktuje umysł jako złożony z różnych części, na przykład części "
            "zmartwionej, rozgniewanej albo takiej, która chce się schować. Terapia pomaga poznawać te "
            "części z ciekawością, zamiast z nimi walczyć.",
        ),
        "what_it_is": tr(
            "Most of us know the feeling of being of two minds. IFS takes that seriously. It suggests that "
            "every part, even one that causes trouble, is trying to help in its own way, often by protecting "
            "something more tender underneath. With your therapist, you learn to listen to these parts from "
            "a calmer, kinder place in yourself, so they no longer have to work so hard.",
            "Casi todos sabemos lo que es sentirse dividido por dentro. IFS se lo toma en serio. Propone que "
            "cada parte, incluso la que causa problemas, intenta ayudar a su manera, a menudo protegiendo "
            "algo más frágil que hay debajo. Con su terapeuta, usted aprende a escuchar a esas partes desde "
            "un lugar más sereno y amable de sí mismo, para que no tengan que esforzarse tanto.",
            "Większość z nas zna uczucie wewnętrznego rozdarcia. IFS traktuje je poważnie. Zakłada, że każda "
            "część, nawet ta, która sprawia kłopoty, próbuje na swój sposób pomóc, często chroniąc coś "
            "delikatniejszego, co kryje się pod spodem. Razem z terapeutą uczysz się słuchać tych części ze "
            "spokojniejszego i życzliwszego miejsca w sobie, tak aby nie musiały już tak ciężko pracować.",
        ),
        "helps_with": [
            tr("A harsh inner critic", "Una voz interior muy crítica", "Surowy wewnętrzny krytyk"),
            tr("Feeling pulled in two directions at once",
               "Sentir que algo tira de uno en dos direcciones a la vez",
               "Poczucie, że coś ciągnie w dwie strony naraz"),
            tr("Habits you want to change but keep returning to",
               "Hábitos que quiere cambiar pero a los que siempre vuelve",
               "Nawyki, które chcesz zmienić, a do których wciąż wracasz"),
            tr("Old hurts that still shape how you react today",
               "Heridas antiguas que siguen marcando cómo reacciona hoy",
               "Dawne zranienia, które wciąż wpływają na Twoje dzisiejsze reakcje"),
            tr("Arguments between partners that follow the same script",
               "Discusiones de pareja que siguen siempre el mismo guion",
               "Kłótnie w związku, które przebiegają według tego samego scenariusza"),
        ],
        "session": tr(
            "A session is mostly conversation, sometimes with eyes closed if you are comfortable. Your "
            "therapist may ask you to notice a part, where you feel it and what it wants you to know. Nothing "
            "is forced: if a part does not want to go somewhere, that is respected and becomes part of the "
            "conversation.",
            "Una sesión es sobre todo conversación, a veces con los ojos cerrados si le resulta cómodo. Su "
            "terapeuta puede pedirle que se fije en una parte, en dónde la siente y en qué quiere que usted "
            "sepa. Nada se fuerza: si una parte no quiere ir a algún sitio, se respeta y eso también pasa a "
            "formar parte de la conversación.",
            "Sesja to głównie rozmowa, czasem z zamkniętymi oczami, jeśli to dla Ciebie wygodne. Terapeuta "
            "może zaproponować, by zwrócić uwagę na jakąś część: gdzie ją czujesz i co chce Ci przekazać. "
            "Nic nie dzieje się na siłę: jeśli któraś część nie chce dokądś iść, jest to szanowane i samo "
            "staje się tematem rozmowy.",
        ),
        "who_it_suits": tr(
            "Teens, adults and couples. It can be gentle enough for people who feel ashamed of some of their "
            "reactions, because no part is treated as bad.",
            "Adolescentes, adultos y parejas. Puede resultar lo bastante suave para quienes sienten vergüenza "
            "de algunas de sus reacciones, porque ninguna parte se considera mala.",
            "Nastolatki, dorośli i pary. Może być na tyle łagodna, że odpowiada osobom, które wstydzą się "
            "niektórych swoich reakcji, bo żadna część nie jest uznawana za złą.",
        ),
        "audiences": ("teens", "adults", "couples"),
        "body": [
            heading(tr("Parts, not problems", "Partes, no problemas", "Części, a nie problemy")),
            ("paragraph", rich(tr(
                "Calling something a part is a way of making room for it. Instead of saying 'I feel anxious', "
                "you might say 'a part of me feels anxious', which leaves space for the rest of you to notice "
                "it, ask what it needs and respond.",
                "Llamar parte a algo es una manera de hacerle sitio. En lugar de «tengo ansiedad», puede decir "
                "«una parte de mí tiene ansiedad», y así queda espacio para que el resto de usted la note, le "
                "pregunte qué necesita y responda.",
                "Nazwanie czegoś częścią to sposób, by zrobić na to miejsce. Zamiast mówić „czuję lęk”, "
                "możesz powiedzieć „jakaś część mnie czuje lęk”; wtedy reszta Ciebie może to zauważyć, "
                "zapytać, czego ta część potrzebuje, i odpowiedzieć.",
            ))),
            quote(
                tr("Part of me wants to try, and part of me wants to stay in bed.",
                   "Una parte de mí quiere intentarlo y otra parte quiere quedarse en la cama.",
                   "Część mnie chce spróbować, a część chce zostać w łóżku."),
                tr("An example of how people describe their parts",
                   "Un ejemplo de cómo las personas describen sus partes",
                   "Przykład tego, jak ludzie opisują swoje części"),
            ),
            callout(
                tr("Where the name comes from", "De dónde viene el nombre", "Skąd ta nazwa"),
                tr("The 'family' in the name is the family of parts inside each person. IFS is not only "
                   "family therapy, though it can be used with couples and families too.",
                   "La palabra «familia» del nombre se refiere a la familia de partes que hay dentro de cada "
                   "persona. IFS no es solo terapia familiar, aunque también puede usarse con parejas y "
                   "familias.",
                   "Słowo „rodzina” w nazwie odnosi się do rodziny części, które nosi w sobie każdy człowiek. "
                   "IFS nie jest wyłącznie terapią rodzinną, choć można ją stosować także z parami "
                   "i rodzinami."),
            ),
        ],
        "related": ("interpersonal-neurobiology", "emdr"),
        "maintainers": ("Sam Placeholder", "Riley Demo"),
    },
    {
        "title": tr("Polyvagal-informed therapy", "Terapia informada por la teoría polivagal",
                    "Terapia oparta na teorii poliwagalnej"),
        "slug": same("polyvagal-informed-therapy"),
        "summary": tr(
            "Therapy that pays attention to the nervous system's shifts between feeling safe, feeling on "
            "alert and shutting down, and helps children and adults notice these shifts and find their way "
            "back to calm.",
            "Una terapia que presta atención a cómo el sistema nervioso pasa de sentirse seguro a ponerse en "
            "alerta o a apagarse, y que ayuda a niños y adultos a notar esos cambios y a encontrar el camino "
            "de vuelta a la calma.",
            "Terapia, która zwraca uwagę na to, jak układ nerwowy przechodzi od poczucia bezpieczeństwa do "
            "czujności albo wyłączenia, i pomaga dzieciom oraz dorosłym zauważać te zmiany i wracać do "
            "spokoju.",
        ),
        "what_it_is": tr(
            "Polyvagal theory offers a simple map of the nervous system: a state of feeling safe and "
            "connected, a state of gearing up to fight or flee, and a state of shutting down. Our therapists "
            "use this map to make sense of reactions that can look puzzling, like a child who falls apart at "
            "school pickup or an adult who goes blank in an argument. The theory is still debated among "
            "researchers, so we use it as a practical guide for the work, not as a diagnosis.",
            "La teoría polivagal ofrece un mapa sencillo del sistema nervioso: un estado en el que nos "
            "sentimos seguros y conectados, otro en el que nos preparamos para luchar o huir, y otro en el "
            "que nos apagamos. Nuestros terapeutas usan este mapa para entender reacciones que pueden parecer "
            "desconcertantes, como la de un niño que se derrumba cuando lo recogen del colegio o la de un "
            "adulto que se queda en blanco en una discusión. La teoría aún se debate entre los "
            "investigadores, por eso la usamos como guía práctica para el trabajo y no como un diagnóstico.",
            "Teoria poliwagalna proponuje prostą mapę układu nerwowego: stan poczucia bezpieczeństwa i więzi, "
            "stan mobilizacji do walki lub ucieczki oraz stan wyłączenia. Nasi terapeuci korzystają z tej "
            "mapy, aby zrozumieć reakcje, które mogą wydawać się zagadkowe, na przykład dziecko, które "
            "rozkleja się, gdy rodzic odbiera je ze szkoły, albo dorosłego, który podczas kłótni ma pustkę "
            "w głowie. Teoria ta wciąż budzi dyskusje wśród badaczy, dlatego traktujemy ją jako praktyczny "
            "drogowskaz w pracy, a nie jako diagnozę.",
        ),
        "helps_with": [
            tr("Meltdowns, shutting down or freezing under stress",
               "Crisis de llanto o rabia, desconectarse o quedarse paralizado ante el estrés",
               "Wybuchy, wycofanie lub zastyganie w stresie"),
            tr("Feeling on edge much of the time",
               "Estar en tensión gran parte del tiempo",
               "Ciągłe poczucie napięcia i czujności"),
            tr("Trouble feeling safe with other people",
               "Dificultad para sentirse a salvo con otras personas",
               "Trudność z poczuciem bezpieczeństwa przy innych ludziach"),
            tr("Parents who want to help a child calm down",
               "Padres que quieren ayudar a su hijo a calmarse",
               "Rodzice, którzy chcą pomóc dziecku się uspokoić"),
        ],
        "session": tr(
            "Your therapist will help you or your child recognise the signs of each state, such as a racing "
            "heart, a flat voice or a wish to hide, and try out small things that help the body feel safer: "
            "a change of breath, movement, sound or simply sitting closer to a trusted person. With families, "
            "parents learn to read these signs in their children and in themselves.",
            "Su terapeuta le ayudará a usted o a su hijo a reconocer las señales de cada estado, como el "
            "corazón acelerado, una voz apagada o las ganas de esconderse, y a probar pequeñas cosas que "
            "ayudan al cuerpo a sentirse más a salvo: cambiar la respiración, moverse, usar sonidos o "
            "simplemente sentarse cerca de una persona de confianza. Con las familias, los padres aprenden a "
            "leer esas señales en sus hijos y en sí mismos.",
            "Terapeuta pomoże Tobie lub Twojemu dziecku rozpoznawać oznaki każdego ze stanów, takie jak "
            "kołatanie serca, płaski głos czy chęć schowania się, oraz wypróbować drobne rzeczy, które "
            "pomagają ciału poczuć się bezpieczniej: zmianę oddechu, ruch, dźwięk albo zwyczajne siedzenie "
            "bliżej zaufanej osoby. W pracy z rodzinami rodzice uczą się odczytywać te sygnały u dzieci "
            "i u siebie.",
        ),
        "who_it_suits": tr(
            "Children, teens, adults and families. It often works alongside other approaches here, such as "
            "EMDR, play therapy and mindfulness-based practices.",
            "Niños, adolescentes, adultos y familias. A menudo se combina con otros enfoques que usamos, como "
            "el EMDR, la terapia de juego y las prácticas de atención plena.",
            "Dzieci, nastolatki, dorośli i rodziny. Często łączy się ją z innymi stosowanymi u nas "
            "podejściami, takimi jak EMDR, terapia zabawą i praktyki uważności.",
        ),
        "audiences": ("children", "teens", "adults", "families"),
        "body": [
            heading(tr("Three states, in everyday words", "Tres estados, con palabras cotidianas",
                       "Trzy stany w codziennych słowach")),
            bullets(
                tr("Safe and connected: able to play, listen, learn and laugh",
                   "Seguro y conectado: puede jugar, escuchar, aprender y reír",
                   "Bezpieczeństwo i więź: można się bawić, słuchać, uczyć i śmiać"),
                tr("On alert: restless, irritable, ready to argue or run",
                   "En alerta: inquieto, irritable, listo para discutir o salir corriendo",
                   "Czujność: niepokój, rozdrażnienie, gotowość do kłótni lub ucieczki"),
                tr("Shut down: flat, far away, hard to reach",
                   "Apagado: sin energía, ausente, difícil de alcanzar",
                   "Wyłączenie: brak energii, nieobecność, trudny kontakt"),
            ),
            ("paragraph", rich(tr(
                "Everyone moves between these states during a day. The aim is not to stay calm all the time, "
                "but to notice the shifts sooner and to find the way back more easily.",
                "Todos pasamos de un estado a otro a lo largo del día. El objetivo no es estar tranquilos "
                "siempre, sino notar antes los cambios y encontrar con más facilidad el camino de vuelta.",
                "Każdy w ciągu dnia przechodzi z jednego stanu do drugiego. Celem nie jest stały spokój, lecz "
                "szybsze zauważanie tych zmian i łatwiejszy powrót do równowagi.",
            ))),
            callout(
                tr("A map, not a label", "Un mapa, no una etiqueta", "Mapa, nie etykieta"),
                tr("Describing a reaction as a nervous system state is meant to take away blame, not to "
                   "explain away real difficulties. If you have questions about the theory, ask your "
                   "therapist; they are glad to talk it through.",
                   "Describir una reacción como un estado del sistema nervioso sirve para quitar culpas, no "
                   "para restar importancia a dificultades reales. Si tiene preguntas sobre la teoría, "
                   "consulte a su terapeuta; lo hablará con usted con gusto.",
                   "Opisanie reakcji jako stanu układu nerwowego ma zdejmować poczucie winy, a nie "
                   "pomniejszać prawdziwych trudności. Jeśli masz pytania dotyczące tej teorii, zapytaj "
                   "terapeutę; chętnie o tym porozmawia."),
            ),
        ],
        "related": ("mindfulness-based-practices", "somatic-emdr"),
        "maintainers": ("Casey Specimen",),
    },
    {
        "title": tr("Mindfulness-based practices", "Prácticas basadas en la atención plena",
                    "Praktyki oparte na uważności"),
        "slug": same("mindfulness-based-practices"),
        "summary": tr(
            "Short, practical exercises for noticing what is happening right now, in the body and the mind, "
            "without judging it. We teach them to children, teens, adults and families as skills for "
            "everyday life.",
            "Ejercicios breves y prácticos para notar lo que ocurre en este momento, en el cuerpo y en la "
            "mente, sin juzgarlo. Los enseñamos a niños, adolescentes, adultos y familias como herramientas "
            "para el día a día.",
            "Krótkie, praktyczne ćwiczenia, które pomagają zauważać, co dzieje się teraz w ciele i w umyśle, "
            "bez oceniania. Uczymy ich dzieci, nastolatki, dorosłych i rodziny jako umiejętności przydatnych "
            "na co dzień.",
        ),
        "what_it_is": tr(
            "Mindfulness means paying attention to the present moment on purpose, with curiosity rather than "
            "criticism. In therapy it is less about long meditation and more about small, repeatable moments: "
            "a few slow breaths before a hard conversation, noticing your feet on the floor when worry builds, "
            "naming a feeling instead of being swept along by it.",
            "La atención plena consiste en prestar atención al momento presente de forma intencionada, con "
            "curiosidad y sin críticas. En terapia no se trata tanto de largas meditaciones como de momentos "
            "pequeños que se pueden repetir: unas cuantas respiraciones lentas antes de una conversación "
            "difícil, notar los pies en el suelo cuando crece la preocupación, ponerle nombre a una emoción en "
            "lugar de dejarse arrastrar por ella.",
            "Uważność to celowe kierowanie uwagi na chwilę obecną, z ciekawością zamiast krytyki. W terapii "
            "nie chodzi tu o długie medytacje, lecz o drobne chwile, które można powtarzać: kilka spokojnych "
            "oddechów przed trudną rozmową, poczucie stóp na podłodze, gdy narasta zmartwienie, nazwanie "
            "emocji zamiast dawania się jej porwać.",
        ),
        "helps_with": [
            tr("Worry that runs ahead to what might go wrong",
               "La preocupación que se adelanta a todo lo que podría salir mal",
               "Zamartwianie się na zapas tym, co może pójść źle"),
            tr("Trouble settling at bedtime",
               "Dificultad para calmarse a la hora de dormir",
               "Trudność z wyciszeniem się przed snem"),
            tr("Reacting in the heat of the moment and regretting it later",
               "Reaccionar en caliente y arrepentirse después",
               "Reagowanie pod wpływem chwili i późniejsze żałowanie"),
            tr("Stress at school or at work",
               "El estrés en la escuela o en el trabajo",
               "Stres w szkole lub w pracy"),
        ],
        "session": tr(
            "Practices are short and fitted to the person. A young child might practise slow breathing by "
            "blowing bubbles or pretending to be a sleepy animal; a teenager or adult might try a brief body "
            "scan or a grounding exercise. Your therapist will suggest one or two to try at home and ask how "
            "they went.",
            "Las prácticas son breves y se adaptan a cada persona. Un niño pequeño puede practicar la "
            "respiración lenta haciendo pompas de jabón o imitando a un animal con sueño; un adolescente o un "
            "adulto puede probar un breve recorrido por el cuerpo o un ejercicio para anclarse en el presente. "
            "Su terapeuta le propondrá una o dos para practicar en casa y le preguntará cómo le fue.",
            "Ćwiczenia są krótkie i dopasowane do osoby. Małe dziecko może ćwiczyć powolny oddech, puszczając "
            "bańki mydlane albo udając śpiące zwierzątko; nastolatek lub dorosły może spróbować krótkiego "
            "skanowania ciała albo ćwiczenia ugruntowującego. Terapeuta zaproponuje jedno lub dwa ćwiczenia "
            "do wypróbowania w domu i zapyta, jak poszło.",
        ),
        "who_it_suits": tr(
            "Children, teens, adults and families. Exercises can be done sitting, standing or moving, and "
            "your therapist will adapt them if sitting still or closing your eyes feels uncomfortable.",
            "Niños, adolescentes, adultos y familias. Los ejercicios pueden hacerse sentados, de pie o en "
            "movimiento, y su terapeuta los adaptará si quedarse quieto o cerrar los ojos le resulta "
            "incómodo.",
            "Dzieci, nastolatki, dorośli i rodziny. Ćwiczenia można wykonywać na siedząco, na stojąco lub "
            "w ruchu, a terapeuta je dostosuje, jeśli siedzenie w bezruchu lub zamykanie oczu jest dla "
            "Ciebie nieprzyjemne.",
        ),
        "audiences": ("children", "teens", "adults", "families"),
        "body": [
            heading(tr("Small practices to try at home", "Pequeñas prácticas para hacer en casa",
                       "Małe ćwiczenia do wypróbowania w domu")),
            bullets(
                tr("Name five things you can see, four you can hear and three you can touch",
                   "Nombrar cinco cosas que ve, cuatro que oye y tres que puede tocar",
                   "Wymień pięć rzeczy, które widzisz, cztery, które słyszysz, i trzy, których możesz dotknąć"),
                tr("Breathe out slowly, as if cooling a spoonful of soup",
                   "Soltar el aire despacio, como si enfriara una cucharada de sopa",
                   "Powoli wypuść powietrze, jak przy studzeniu łyżki zupy"),
                tr("Listen for the quietest sound in the room for one minute",
                   "Escuchar durante un minuto el sonido más suave de la habitación",
                   "Przez minutę wsłuchuj się w najcichszy dźwięk w pokoju"),
                tr("Notice the weight of your body on the chair, then your feet on the floor",
                   "Notar el peso del cuerpo sobre la silla y después los pies en el suelo",
                   "Poczuj ciężar ciała na krześle, a potem stopy na podłodze"),
            ),
            ("paragraph", rich(tr(
                "Practising together as a family, even for a minute a day, can make these skills easier to "
                "reach for when things get hard.",
                "Practicar juntos en familia, aunque sea un minuto al día, puede hacer que sea más fácil "
                "recurrir a estas habilidades cuando las cosas se ponen difíciles.",
                "Wspólne ćwiczenie całą rodziną, nawet przez minutę dziennie, może sprawić, że łatwiej będzie "
                "sięgnąć po te umiejętności w trudnych chwilach.",
            ))),
            callout(
                tr("When mindfulness feels hard", "Cuando la atención plena cuesta",
                   "Gdy uważność przychodzi z trudem"),
                tr("For some people, turning attention inward brings up difficult feelings. That is useful "
                   "to know, not a failure. Tell your therapist, who can suggest eyes-open or movement-based "
                   "practices instead.",
                   "A algunas personas, dirigir la atención hacia dentro les despierta emociones difíciles. "
                   "Es útil saberlo y no es un fracaso. Cuénteselo a su terapeuta, que puede proponerle "
                   "prácticas con los ojos abiertos o en movimiento.",
                   "U niektórych osób skierowanie uwagi do wewnątrz wywołuje trudne uczucia. Warto o tym "
                   "wiedzieć i nie jest to porażka. Powiedz o tym terapeucie, który może zaproponować "
                   "ćwiczenia z otwartymi oczami lub w ruchu."),
            ),
        ],
        "related": ("polyvagal-informed-therapy", "play-therapy"),
        "maintainers": ("Sam Placeholder", "Casey Specimen"),
    },
    {
        "title": tr("Play therapy", "Terapia de juego", "Terapia zabawą"),
        "slug": same("play-therapy"),
        "summary": tr(
            "Children often show what they feel through play before they can say it. In play therapy, toys, "
            "art, sand and stories become the language of the session, with a therapist who helps the child "
            "make sense of what comes up.",
            "Los niños suelen mostrar lo que sienten jugando antes de poder decirlo. En la terapia de juego, "
            "los juguetes, el arte, la arena y los cuentos son el lenguaje de la sesión, y el terapeuta ayuda "
            "al niño a dar sentido a lo que surge.",
            "Dzieci często pokazują w zabawie to, co czują, zanim potrafią to powiedzieć. W terapii zabawą "
            "zabawki, plastyka, piasek i opowieści stają się językiem sesji, a terapeuta pomaga dziecku "
            "zrozumieć to, co się pojawia.",
        ),
        "what_it_is": tr(
            "Play is how young children work things out. In a play therapy room, a child can act out a worry "
            "with puppets, build a scene in a sand tray or draw something that is hard to talk about. The "
            "therapist joins in, notices themes and feelings, and gently puts words to them, so the child "
            "feels understood and can try new ways of coping.",
            "Jugar es la manera en que los niños pequeños resuelven las cosas. En una sala de terapia de "
            "juego, un niño puede representar una preocupación con títeres, montar una escena en una caja de "
            "arena o dibujar algo de lo que le cuesta hablar. El terapeuta participa, se fija en los temas y "
            "las emociones y, con delicadeza, les pone palabras, para que el niño se sienta comprendido y "
            "pueda probar nuevas formas de afrontar lo que le pasa.",
            "Zabawa to sposób, w jaki małe dzieci radzą sobie ze światem. W pokoju terapii zabawą dziecko "
            "może odegrać swoje zmartwienie za pomocą pacynek, zbudować scenę w piaskownicy terapeutycznej "
            "albo narysować coś, o czym trudno mu mówić. Terapeuta włącza się do zabawy, zauważa powracające "
            "tematy i uczucia i delikatnie nazywa je słowami, dzięki czemu dziecko czuje się zrozumiane "
            "i może próbować nowych sposobów radzenia sobie.",
        ),
        "helps_with": [
            tr("Worries, fears and trouble separating from a parent",
               "Preocupaciones, miedos y dificultad para separarse del padre o de la madre",
               "Zmartwienia, lęki i trudności z rozstaniem z rodzicem"),
            tr("Anger, tantrums or aggression that are hard to manage",
               "Enfados, rabietas o agresividad difíciles de manejar",
               "Gniew, napady złości lub agresja, nad którymi trudno zapanować"),
            tr("Big changes such as a move, a new sibling or a separation",
               "Cambios grandes como una mudanza, la llegada de un hermano o una separación",
               "Duże zmiany, takie jak przeprowadzka, narodziny rodzeństwa czy rozstanie rodziców"),
            tr("Grief after a loss", "El duelo tras una pérdida", "Żałoba po stracie"),
            tr("Frightening experiences a child cannot yet talk about",
               "Experiencias que asustaron y de las que el niño aún no puede hablar",
               "Przerażające doświadczenia, o których dziecko nie potrafi jeszcze mówić"),
        ],
        "session": tr(
            "Sessions take place in a room set up for play, with toys, art supplies and a sand tray. Your "
            "child leads much of the play while the therapist follows, reflects and sometimes guides. You "
            "will meet the therapist on your own from time to time to talk about what they are seeing and how "
            "you can support your child at home.",
            "Las sesiones se hacen en una sala preparada para jugar, con juguetes, material de arte y una caja "
            "de arena. Su hijo dirige buena parte del juego, mientras el terapeuta le sigue, refleja lo que ve "
            "y a veces le orienta. De vez en cuando usted se reunirá a solas con el terapeuta para hablar de "
            "lo que observa y de cómo puede apoyar a su hijo en casa.",
            "Sesje odbywają się w pokoju przygotowanym do zabawy, z zabawkami, materiałami plastycznymi "
            "i piaskownicą. Twoje dziecko w dużej mierze prowadzi zabawę, a terapeuta podąża za nim, nazywa "
            "to, co widzi, i czasem je ukierunkowuje. Od czasu do czasu spotkasz się z terapeutą sam na sam, "
            "aby porozmawiać o jego obserwacjach i o tym, jak wspierać dziecko w domu.",
        ),
        "who_it_suits": tr(
            "Mainly younger children, from preschool to around eleven years old, and their parents. Older "
            "children who find talking hard may enjoy parts of it too; your therapist will suggest what fits "
            "your child's age and temperament.",
            "Sobre todo niños pequeños, desde la edad preescolar hasta los once años aproximadamente, y sus "
            "padres. A los niños mayores a quienes les cuesta hablar también pueden gustarles algunas partes; "
            "su terapeuta le propondrá lo que mejor se ajuste a la edad y al carácter de su hijo.",
            "Przede wszystkim młodsze dzieci, od wieku przedszkolnego do mniej więcej jedenastego roku życia, "
            "oraz ich rodzice. Starsze dzieci, którym trudno mówić, też mogą polubić niektóre jej elementy; "
            "terapeuta zaproponuje to, co pasuje do wieku i temperamentu Twojego dziecka.",
        ),
        "audiences": ("children", "families"),
        "body": [
            heading(tr("What parents often wonder", "Lo que los padres suelen preguntarse",
                       "Nad czym często zastanawiają się rodzice")),
            quote(
                tr("Isn't my child just playing?", "¿Mi hijo no está simplemente jugando?",
                   "Czy moje dziecko po prostu się nie bawi?"),
                tr("A question parents often ask", "Una pregunta que hacen muchos padres",
                   "Pytanie, które często zadają rodzice"),
            ),
            ("paragraph", rich(tr(
                "In a way, yes, and that is the point. Play lets a child approach something difficult from a "
                "safe distance, repeat it, change the ending and feel more in charge. The therapist is "
                "watching closely and shaping the play with care, even when it looks simple from the outside.",
                "En cierto modo sí, y de eso se trata. El juego permite al niño acercarse a algo difícil desde "
                "una distancia segura, repetirlo, cambiar el final y sentir que tiene más control. El "
                "terapeuta observa con atención y guía el juego con cuidado, aunque desde fuera parezca "
                "sencillo.",
                "W pewnym sensie tak, i właśnie o to chodzi. Zabawa pozwala dziecku zbliżyć się do czegoś "
                "trudnego z bezpiecznej odległości, powtórzyć to, zmienić zakończenie i poczuć, że ma większy "
                "wpływ. Terapeuta uważnie obserwuje i z wyczuciem kształtuje zabawę, nawet jeśli z zewnątrz "
                "wygląda to prosto.",
            ))),
            callout(
                tr("Your part matters", "Su papel es importante", "Twoja rola ma znaczenie"),
                tr("Parents are partners in play therapy. Regular check-ins with the therapist, and sometimes "
                   "joint sessions, help what happens in the playroom carry over to home.",
                   "Los padres colaboran en la terapia de juego. Las reuniones periódicas con el terapeuta, y "
                   "a veces las sesiones conjuntas, ayudan a que lo que ocurre en la sala de juego llegue "
                   "también a casa.",
                   "Rodzice są partnerami w terapii zabawą. Regularne rozmowy z terapeutą, a czasem wspólne "
                   "sesje, pomagają przenieść to, co dzieje się w pokoju zabaw, do domu."),
            ),
        ],
        "related": ("parent-child-sessions", "mindfulness-based-practices"),
        "maintainers": ("Alex Example", "Morgan Mockup"),
    },
    {
        "title": tr("Parent-child sessions", "Sesiones de padres e hijos", "Sesje rodzica z dzieckiem"),
        "slug": same("parent-child-sessions"),
        "summary": tr(
            "Sessions where a parent and child work together with a therapist, to understand each other "
            "better, ease conflict and build a closer, calmer relationship at home.",
            "Sesiones en las que un padre o una madre y su hijo trabajan juntos con un terapeuta para "
            "entenderse mejor, reducir los conflictos y construir en casa una relación más cercana y "
            "tranquila.",
            "Sesje, podczas których rodzic i dziecko pracują razem z terapeutą, aby lepiej się rozumieć, "
            "łagodzić konflikty i budować w domu bliższą, spokojniejszą relację.",
        ),
        "what_it_is": tr(
            "A child's difficulties rarely exist on their own; they show up in the everyday moments between "
            "child and parent. In parent-child sessions, you and your child are in the room together. The "
            "therapist watches how you play, talk and handle hard moments, then coaches you as things "
            "happen, for example on following your child's lead, naming feelings or setting a limit calmly. "
            "Some sessions are for parents alone.",
            "Las dificultades de un niño rara vez existen por sí solas; aparecen en los momentos cotidianos "
            "entre el niño y sus padres. En las sesiones de padres e hijos, usted y su hijo están juntos en "
            "la sala. El terapeuta observa cómo juegan, hablan y manejan los momentos difíciles, y le orienta "
            "en ese mismo momento, por ejemplo para seguir la iniciativa de su hijo, poner nombre a las "
            "emociones o marcar un límite con calma. Algunas sesiones son solo para los padres.",
            "Trudności dziecka rzadko istnieją same w sobie; widać je w codziennych chwilach między dzieckiem "
            "a rodzicem. Podczas sesji rodzica z dzieckiem jesteście w pokoju razem. Terapeuta obserwuje, jak "
            "się bawicie, rozmawiacie i radzicie sobie z trudnymi chwilami, i na bieżąco Ci podpowiada, na "
            "przykład jak podążać za dzieckiem, nazywać uczucia czy spokojnie stawiać granice. Niektóre sesje "
            "są przeznaczone tylko dla rodziców.",
        ),
        "helps_with": [
            tr("Frequent battles over everyday routines",
               "Peleas frecuentes por las rutinas de cada día",
               "Częste spory o codzienne sprawy"),
            tr("A child who is clingy, anxious or withdrawn",
               "Un niño muy pegado a sus padres, ansioso o retraído",
               "Dziecko, które nie odstępuje rodzica na krok, jest lękliwe lub wycofane"),
            tr("Reconnecting after a hard time, such as an illness, a divorce or a move",
               "Volver a conectar después de una época difícil, como una enfermedad, un divorcio o una "
               "mudanza",
               "Odbudowanie bliskości po trudnym okresie, takim jak choroba, rozwód czy przeprowadzka"),
            tr("Parents who feel worn out or unsure how to respond",
               "Padres agotados o que no saben bien cómo responder",
               "Rodzice, którzy czują się wyczerpani lub niepewni, jak reagować"),
        ],
        "session": tr(
            "Most sessions include a stretch of play or conversation together, followed by time to talk about "
            "what you noticed. Your therapist may suggest one small thing to practise at home during the week, "
            "and will ask how it went next time. Brothers and sisters or a second parent can join when it "
            "helps.",
            "La mayoría de las sesiones incluyen un rato de juego o de conversación en común, seguido de un "
            "tiempo para comentar lo que usted observó. Su terapeuta puede proponerle una cosa pequeña para "
            "practicar en casa durante la semana y le preguntará cómo fue en la siguiente sesión. Los "
            "hermanos o el otro progenitor pueden unirse cuando sea útil.",
            "Większość sesji obejmuje czas wspólnej zabawy lub rozmowy, a potem omówienie tego, co "
            "zauważyliście. Terapeuta może zaproponować jedną drobną rzecz do przećwiczenia w domu w ciągu "
            "tygodnia i na kolejnej sesji zapyta, jak poszło. Gdy to pomocne, może dołączyć rodzeństwo lub "
            "drugi rodzic.",
        ),
        "who_it_suits": tr(
            "Parents or other caregivers together with their child. Activities are adjusted to the child's "
            "age. Foster and adoptive families, and relatives raising a child, are very welcome.",
            "Padres u otros cuidadores junto con su hijo. Las actividades se adaptan a la edad del niño. Las "
            "familias de acogida, las adoptivas y los familiares que crían a un niño son muy bienvenidos.",
            "Rodzice lub inni opiekunowie razem z dzieckiem. Zajęcia dostosowuje się do wieku dziecka. "
            "Serdecznie zapraszamy rodziny zastępcze i adopcyjne oraz krewnych, którzy wychowują dziecko.",
        ),
        "audiences": ("children", "families"),
        "body": [
            heading(tr("What you might practise together", "Lo que podrían practicar juntos",
                       "Co możecie ćwiczyć razem")),
            bullets(
                tr("A few minutes a day of play where your child leads",
                   "Unos minutos al día de juego en el que su hijo lleva la iniciativa",
                   "Kilka minut dziennie zabawy, którą prowadzi dziecko"),
                tr("Describing what your child is doing and feeling, without correcting",
                   "Describir lo que su hijo hace y siente, sin corregirle",
                   "Opisywanie tego, co dziecko robi i czuje, bez poprawiania"),
                tr("Calm, clear limits that stay the same from day to day",
                   "Límites claros y tranquilos que se mantienen de un día para otro",
                   "Spokojne, jasne granice, które są takie same każdego dnia"),
                tr("Making up after an argument", "Hacer las paces después de una discusión",
                   "Godzenie się po kłótni"),
            ),
            ("paragraph", rich(tr(
                "None of this asks you to be a perfect parent. It asks for a little time, some curiosity and "
                "the willingness to try again the next day.",
                "Nada de esto exige ser un padre o una madre perfectos. Solo pide un poco de tiempo, algo de "
                "curiosidad y ganas de volver a intentarlo al día siguiente.",
                "Nic z tego nie wymaga bycia idealnym rodzicem. Potrzeba tylko trochę czasu, odrobiny "
                "ciekawości i gotowości, by następnego dnia spróbować znowu.",
            ))),
            callout(
                tr("If home does not feel safe", "Si su hogar no es un lugar seguro",
                   "Jeśli w domu nie jest bezpiecznie"),
                tr("If anyone in your family is in danger right now, call 911. For a mental health crisis, "
                   "call or text 988. Tell our intake team about any safety concerns so we can plan the "
                   "right kind of help.",
                   "Si alguien de su familia corre peligro ahora mismo, llame al 911. Ante una crisis de "
                   "salud mental, llame o envíe un mensaje de texto al 988. Cuéntele a nuestro equipo de "
                   "admisión cualquier preocupación sobre la seguridad para que podamos planificar la ayuda "
                   "adecuada.",
                   "Jeśli ktoś z Twojej rodziny jest teraz w niebezpieczeństwie, zadzwoń pod 911. "
                   "W kryzysie psychicznym zadzwoń lub wyślij SMS pod numer 988. Powiedz naszemu zespołowi "
                   "przyjęć o wszelkich obawach dotyczących bezpieczeństwa, abyśmy mogli zaplanować "
                   "odpowiednią pomoc."),
            ),
        ],
        "related": ("play-therapy", "interpersonal-neurobiology"),
        "maintainers": ("Alex Example", "Riley Demo"),
    },
]

PRONOUNS = {
    "she/her": tr("she/her", "ella", "ona/jej"),
    "he/him": tr("he/him", "él", "on/jego"),
    "they/them": tr("they/them", "elle", "oni/ich"),
}
EXAMPLE_BIO = tr(
    "This is an example bio for the demo site: the person is invented, and the practice replaces this page "
    "with a real one before going live.",
    "Esta es una biografía de ejemplo para el sitio de demostración: la persona es inventada, y la consulta "
    "sustituirá esta página por una real antes de publicar el sitio.",
    "To przykładowy biogram na potrzeby strony demonstracyjnej: ta osoba jest wymyślona, a praktyka zastąpi "
    "tę stronę prawdziwą przed uruchomieniem serwisu.",
)

# Invented people: example names, example licence numbers, generated portraits.
CLINICIANS = [
    {
        "name": same("Alex Example"),
        "user": "clinician",  # the demo clinician login edits this page and two approaches
        "pronouns": "she/her",
        "credentials": "MA, LCPC",
        "licence_type": "LCPC",
        "licence_number": "EXAMPLE-180.000001",
        "offices": ("naperville", "plainfield"),
        "languages": ("en", "es"),
        "audiences": ("children", "teens", "families"),
        "approaches": ("play-therapy", "parent-child-sessions", "mindfulness-based-practices",
                       "interpersonal-neurobiology"),
        "telehealth": True,
        "availability": Availability.ACCEPTING,
        "short_bio": tr(
            "Example clinician for the demo. Alex helps children and their parents through play, parent-child "
            "sessions and simple calming skills, in English or Spanish.",
            "Terapeuta de ejemplo para la demostración. Alex ayuda a niños y a sus padres mediante el juego, "
            "sesiones de padres e hijos y técnicas sencillas para calmarse, en inglés o en español.",
            "Przykładowy profil na potrzeby demonstracji. Alex pomaga dzieciom i ich rodzicom poprzez zabawę, "
            "sesje rodzica z dzieckiem i proste sposoby na uspokojenie, po angielsku lub po hiszpańsku.",
        ),
        "bio": tr(
            "Alex works mostly with children from preschool age to the early teens, and with their parents. "
            "Sessions often begin on the playroom floor and end with a few minutes for the parent to talk "
            "things through. Alex is glad to hold sessions in Spanish.",
            "Alex trabaja sobre todo con niños desde la edad preescolar hasta los primeros años de la "
            "adolescencia, y con sus padres. Las sesiones suelen empezar en el suelo de la sala de juego y "
            "terminar con unos minutos para que el padre o la madre comente cómo van las cosas. Alex atiende "
            "con gusto sesiones en español.",
            "Alex pracuje głównie z dziećmi od wieku przedszkolnego do wczesnych lat nastoletnich oraz z ich "
            "rodzicami. Sesje często zaczynają się na podłodze pokoju zabaw, a kończą kilkoma minutami "
            "rozmowy z rodzicem. Alex chętnie prowadzi też sesje po hiszpańsku.",
        ),
    },
    {
        "name": same("Jordan Sample"),
        "user": "reviewer",  # the demo reviewer login: reviewers are clinicians too
        "pronouns": "he/him",
        "credentials": "PsyD",
        "licence_type": "PSY",
        "licence_number": "EXAMPLE-071.000002",
        "offices": ("aurora",),
        "languages": ("en",),
        "audiences": ("teens", "adults"),
        "approaches": ("emdr", "somatic-emdr", "interpersonal-neurobiology"),
        "telehealth": True,
        "availability": Availability.WAITLIST,
        "short_bio": tr(
            "Example clinician for the demo. Jordan works with teens and adults after frightening or painful "
            "experiences, mainly with EMDR, and reviews the clinical pages of this site.",
            "Terapeuta de ejemplo para la demostración. Jordan trabaja con adolescentes y adultos después de "
            "experiencias que asustaron o dolieron, sobre todo con EMDR, y revisa las páginas clínicas de "
            "este sitio.",
            "Przykładowy profil na potrzeby demonstracji. Jordan pracuje z nastolatkami i dorosłymi po "
            "przerażających lub bolesnych doświadczeniach, głównie metodą EMDR, i sprawdza kliniczne treści "
            "tej strony.",
        ),
        "bio": tr(
            "Jordan is a clinical psychologist who sees teens and adults at the Aurora office and by video. "
            "Before any memory work, Jordan makes sure clients have ways to steady themselves, and explains "
            "each step in advance.",
            "Jordan es psicólogo clínico y atiende a adolescentes y adultos en la oficina de Aurora y por "
            "video. Antes de trabajar con cualquier recuerdo, Jordan se asegura de que sus clientes tengan "
            "formas de serenarse y explica cada paso con antelación.",
            "Jordan jest psychologiem klinicznym i przyjmuje nastolatków oraz dorosłych w gabinecie w Aurorze "
            "i przez wideo. Zanim zacznie pracę ze wspomnieniami, dba o to, by klienci mieli sposoby na "
            "odzyskanie równowagi, i z wyprzedzeniem wyjaśnia każdy krok.",
        ),
    },
    {
        "name": same("Sam Placeholder"),
        "pronouns": "they/them",
        "credentials": "MSW, LCSW",
        "licence_type": "LCSW",
        "licence_number": "EXAMPLE-149.000003",
        "offices": ("aurora", "oswego"),
        "languages": ("en", "es"),
        "audiences": ("teens", "adults", "couples"),
        "approaches": ("internal-family-systems", "mindfulness-based-practices", "interpersonal-neurobiology"),
        "telehealth": True,
        "availability": Availability.ACCEPTING,
        "short_bio": tr(
            "Example clinician for the demo. Sam sees teens, adults and couples in English and Spanish, "
            "drawing on Internal Family Systems and mindfulness.",
            "Terapeuta de ejemplo para la demostración. Sam atiende a adolescentes, adultos y parejas en "
            "inglés y en español, y se apoya en los Sistemas de la Familia Interna y en la atención plena.",
            "Przykładowy profil na potrzeby demonstracji. Sam przyjmuje nastolatków, dorosłych i pary po "
            "angielsku i po hiszpańsku, korzystając z Systemu Wewnętrznej Rodziny i uważności.",
        ),
        "bio": tr(
            "Sam divides the week between the Aurora and Oswego offices. Many of the people Sam sees are young "
            "adults finding their footing, and couples who want to argue less and listen more.",
            "Sam reparte la semana entre las oficinas de Aurora y Oswego. Muchas de las personas que atiende "
            "son adultos jóvenes que están encontrando su camino y parejas que quieren discutir menos y "
            "escucharse más.",
            "Sam dzieli tydzień między gabinety w Aurorze i Oswego. Wśród osób, z którymi pracuje Sam, jest "
            "wielu młodych dorosłych szukających swojej drogi oraz pary, które chcą mniej się kłócić, a więcej "
            "słuchać.",
        ),
    },
    {
        "name": same("Riley Demo"),
        "pronouns": "she/her",
        "credentials": "MA, LMFT",
        "licence_type": "LMFT",
        "licence_number": "EXAMPLE-168.000004",
        "offices": ("bolingbrook",),
        "languages": ("en", "es"),
        "audiences": ("children", "adults", "couples", "families"),
        "approaches": ("internal-family-systems", "parent-child-sessions", "interpersonal-neurobiology"),
        "telehealth": True,
        "availability": Availability.NOT_ACCEPTING,
        "short_bio": tr(
            "Example clinician for the demo. Riley is a marriage and family therapist who works with couples, "
            "families and parents, in English and Spanish.",
            "Terapeuta de ejemplo para la demostración. Riley es terapeuta matrimonial y familiar y trabaja con "
            "parejas, familias y padres, en inglés y en español.",
            "Przykładowy profil na potrzeby demonstracji. Riley jest terapeutką par i rodzin i pracuje "
            "z parami, rodzinami i rodzicami, po angielsku i po hiszpańsku.",
        ),
        "bio": tr(
            "Riley sees families at the Bolingbrook office and often has several family members in the room "
            "at once, so that everyone's view of a problem can be heard.",
            "Riley atiende a familias en la oficina de Bolingbrook y a menudo trabaja con varios miembros de "
            "la familia a la vez, para que se escuche cómo ve cada uno el problema.",
            "Riley przyjmuje rodziny w gabinecie w Bolingbrook i często pracuje z kilkoma członkami rodziny "
            "jednocześnie, aby każdy mógł opowiedzieć, jak widzi dany problem.",
        ),
    },
    {
        "name": same("Casey Specimen"),
        "pronouns": "he/him",
        "credentials": "MA, LPC",
        "licence_type": "LPC",
        "licence_number": "EXAMPLE-178.000005",
        "offices": ("plainfield", "bolingbrook"),
        "languages": ("en", "pl"),
        "audiences": ("children", "teens", "adults"),
        "approaches": ("polyvagal-informed-therapy", "somatic-emdr", "mindfulness-based-practices"),
        "telehealth": False,
        "availability": Availability.WAITLIST,
        "short_bio": tr(
            "Example clinician for the demo. Casey helps children, teens and adults whose stress shows up in "
            "the body, and holds sessions in English and Polish.",
            "Terapeuta de ejemplo para la demostración. Casey ayuda a niños, adolescentes y adultos cuyo "
            "estrés se manifiesta en el cuerpo, y ofrece sesiones en inglés y en polaco.",
            "Przykładowy profil na potrzeby demonstracji. Casey pomaga dzieciom, nastolatkom i dorosłym, "
            "u których stres odzywa się w ciele, i prowadzi sesje po angielsku i po polsku.",
        ),
        "bio": tr(
            "Casey works in person only, at the Plainfield and Bolingbrook offices, and likes to bring "
            "movement, breath and sometimes a walk around the room into sessions. Families who speak Polish "
            "at home are welcome to use it in the room too.",
            "Casey atiende solo en persona, en las oficinas de Plainfield y Bolingbrook, y en las sesiones le "
            "gusta usar el movimiento, la respiración y a veces un paseo por la sala. Las familias que hablan "
            "polaco en casa pueden usarlo también en la consulta.",
            "Casey przyjmuje wyłącznie stacjonarnie, w gabinetach w Plainfield i Bolingbrook, a podczas sesji "
            "chętnie korzysta z ruchu, oddechu, a czasem spaceru po pokoju. Rodziny, które w domu mówią po "
            "polsku, mogą swobodnie używać tego języka także na sesjach.",
        ),
    },
    {
        "name": same("Morgan Mockup"),
        "pronouns": "they/them",
        "credentials": "MSW, LSW",
        "licence_type": "LSW",
        "licence_number": "EXAMPLE-150.000006",
        "offices": ("naperville",),
        "languages": ("en", "es"),
        "audiences": ("children", "teens", "families"),
        "approaches": ("play-therapy", "emdr", "polyvagal-informed-therapy"),
        "telehealth": True,
        "availability": Availability.ACCEPTING,
        "short_bio": tr(
            "Example clinician for the demo. Morgan works with children and teens, using play therapy and "
            "EMDR adapted for young people, in English and Spanish.",
            "Terapeuta de ejemplo para la demostración. Morgan trabaja con niños y adolescentes mediante la "
            "terapia de juego y un EMDR adaptado a los jóvenes, en inglés y en español.",
            "Przykładowy profil na potrzeby demonstracji. Morgan pracuje z dziećmi i nastolatkami, korzystając "
            "z terapii zabawą oraz EMDR dostosowanego do młodych ludzi, po angielsku i po hiszpańsku.",
        ),
        "bio": tr(
            "Morgan sees children and teens at the Naperville office and by video. Parents are part of the "
            "work from the first meeting, and Morgan keeps them up to date on how sessions are going while "
            "respecting what a child shares in confidence.",
            "Morgan atiende a niños y adolescentes en la oficina de Naperville y por video. Los padres forman "
            "parte del trabajo desde la primera reunión, y Morgan les mantiene al tanto de cómo van las "
            "sesiones, respetando a la vez lo que el niño cuenta en confianza.",
            "Morgan przyjmuje dzieci i nastolatków w gabinecie w Naperville i przez wideo. Rodzice "
            "uczestniczą w pracy od pierwszego spotkania, a Morgan informuje ich o przebiegu sesji, szanując "
            "jednocześnie to, co dziecko powierza w zaufaniu.",
        ),
    },
]
for _data in CLINICIANS:
    _data["slug"] = same("-".join(_data["name"].lower().split()))

PORTRAIT_TITLE = "Example portrait: {name}"
PORTRAIT_ALT = "Placeholder portrait for the example clinician {name}"
# The portraits' alt text in the clinician pages' other languages.
TRANSLATED_PORTRAIT_ALT = {
    "es": "Retrato provisional del terapeuta de ejemplo {name}",
    "pl": "Zastępczy portret przykładowego terapeuty {name}",
}
PORTRAIT_CREDIT = "Generated placeholder"


def _audiences(codes):
    return {f"for_{code}": code in codes for code in AUDIENCE_CODES}


def _approach(index, data):
    """The page with its own content, as a draft: it goes live through the
    clinical review once its related approaches and maintainers are set."""
    page = ApproachPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if page is not None:
        return page, False
    # A generated picture for the approach's card, drawn from its slug.
    image, _new = illustrations.illustration(f"Approach illustration: {data['title']}", data["slug"])
    page = ApproachPage(
        title=data["title"],
        slug=data["slug"],
        locale=index.locale,
        live=False,
        summary=data["summary"],
        what_it_is=data["what_it_is"],
        helps_with=[("point", point) for point in data["helps_with"]],
        session=data["session"],
        who_it_suits=data["who_it_suits"],
        body=data["body"],
        listing_image=image,
        **_audiences(data["audiences"]),
    )
    index.add_child(instance=page)
    return page, True


def _portrait(name):
    title = PORTRAIT_TITLE.format(name=name)
    image = CustomImage.objects.filter(title=title).first()
    if image is not None:
        return image, False
    data = portraits.draw(name)
    image = CustomImage(
        title=title,
        description=PORTRAIT_ALT.format(name=name),
        credit=PORTRAIT_CREDIT,
        collection=Collection.get_first_root_node(),
        file=ImageFile(io.BytesIO(data), name=portraits.filename(name)),
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),
    )
    image.save()
    return image, True


def _clinician(index, data, approaches, offices, users):
    page = ClinicianPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if page is not None:
        return page, 0
    photo, new_photo = _portrait(data["name"])
    page = ClinicianPage(
        title=data["name"],
        slug=data["slug"],
        locale=index.locale,
        user=users.get(data.get("user")),
        pronouns=data["pronouns"],
        credentials=data["credentials"],
        licence_type=data["licence_type"],
        licence_number=data["licence_number"],
        photo=photo,
        short_bio=data["short_bio"],
        bio=rich(EXAMPLE_BIO, data["bio"]),
        telehealth=data["telehealth"],
        **_audiences(data["audiences"]),
    )
    page.approach_links = [ClinicianApproach(approach=approaches[slug]) for slug in data["approaches"]]
    page.office_links = [ClinicianOffice(office=offices[slug]) for slug in data["offices"]]
    page.language_links = [ClinicianLanguage(language=code) for code in data["languages"]]
    index.add_child(instance=page)
    page.save_revision().publish()
    # Publishing created the availability row (signal_handlers.py); this is
    # the clinician's answer, confirmed today.
    availability = Availability.objects.get(clinician=page)
    availability.status = data["availability"]
    availability.save()
    return page, 1 + new_photo


def review_through_workflow(page, submitter, users):
    """Submitted by ``submitter``, approved in clinical review by 'reviewer',
    then by 'marketing', which publishes it with the review recorded; the
    demo stops loudly if the workflow did anything else. Returns the page."""
    model = type(page)
    workflow = page.get_workflow()
    if workflow is None:
        raise RuntimeError(f"No workflow on {page.url_path}: the app's roles.ensure() did not attach it")
    workflow.start(page, user=submitter)
    for task_name, approver in ((roles.CLINICAL_REVIEW, users["reviewer"]),
                                (roles.MARKETING_APPROVAL, users["marketing"])):
        page = model.objects.get(pk=page.pk)
        task = page.current_workflow_task
        if task is None or task.name != task_name:
            raise RuntimeError(f"{page.url_path} is at {task and task.name!r}, expected {task_name!r}")
        task.on_action(page.current_workflow_task_state, approver, "approve")
    page = model.objects.get(pk=page.pk)
    if not (page.live and page.reviewed_by_id == users["reviewer"].pk and page.last_reviewed):
        raise RuntimeError(f"{page.url_path} went through the workflow but is not live with its review")
    return page


def _review(page, data, approaches, clinicians, users):
    """Put the approach through the real workflow: submitted by its maintainer
    (or marketing), approved by the reviewer, then by marketing, which
    publishes it with the review recorded. Returns whether it ran."""
    page = ApproachPage.objects.get(pk=page.pk)
    if page.last_reviewed:
        return False
    maintainers = [clinicians[name] for name in data["maintainers"]]
    page.related_approaches = [RelatedApproach(approach=approaches[slug]) for slug in data["related"]]
    page.maintainers = maintainers
    submitter = next((m.user for m in maintainers if m.user is not None), users["marketing"])
    page.save_revision(user=submitter)
    review_through_workflow(page, submitter, users)
    return True


def load(progress):
    created = 0
    with transaction.atomic():
        home = HomePage.objects.get(locale__language_code="en", depth=2)
        approach_index, new = index_page(ApproachIndexPage, home, APPROACH_INDEX)
        created += new
        clinician_index, new = index_page(ClinicianIndexPage, home, CLINICIAN_INDEX)
        created += new
        progress("approach index and clinician directory")
        roles.ensure(progress)  # the review workflow now has both sections to go on

        approaches = {}
        for data in APPROACHES:
            page, new = _approach(approach_index, data)
            created += new
            approaches[data["slug"]] = page

        users = {user.username: user for user in get_user_model().objects.filter(
            username__in=["clinician", "reviewer", "marketing"])}
        offices = {office.slug: office for office in LocationPage.objects.filter(locale__language_code="en")}
        clinicians = {}
        for data in CLINICIANS:
            page, new = _clinician(clinician_index, data, approaches, offices, users)
            created += new
            clinicians[data["name"]] = page
        progress(f"{len(clinicians)} example clinicians with generated portraits, at {len(offices)} offices")

        reviewed = sum(_review(approaches[data["slug"]], data, approaches, clinicians, users)
                       for data in APPROACHES)
        progress(f"{len(approaches)} approaches" + (
            f"; {reviewed} submitted, approved in clinical review by 'reviewer' and published by 'marketing'"
            if reviewed else ", all clinically reviewed"))

        pages = [approach_index, clinician_index,
                 *ApproachPage.objects.child_of(approach_index).order_by("path"),
                 *ClinicianPage.objects.child_of(clinician_index).order_by("path")]
        for code in ("es", "pl"):
            for page in pages:
                created += publish_translation(page, code, PHRASEBOOKS[code]) is not None
            for name, clinician in clinicians.items():
                description = ImageDescription.objects.get(image=clinician.photo, locale=clinician.locale)
                alt = TRANSLATED_PORTRAIT_ALT[code].format(name=name)
                created += publish_translation(description, code, {description.alt_text: alt}) is not None
            progress(f"{code} translations of the approach and clinician pages, and the portraits' alt text")
    return created, []
