"""Demo articles for parents, with their topics, in English (and some in
Spanish), for ``manage.py load_demo``.

Every sentence is written for this project; the facts (the practice, its
approaches, its phone number) come from PRODUCT.md. The authors are the
example clinicians from approaches/demo.py, and the pictures are generated
(portal/illustrations.py). Two articles go live through the real "Clinical
review, then marketing approval" workflow, so their "Reviewed by" line comes
from an approval; marketing publishes the others directly, as it may. Their
publication dates are then spread over the last three months so that the
newest-first list and the feed look like a blog that has been running a
while. Running ``load_demo`` again adds only what is missing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from approaches.models import ApproachPage, ClinicianIndexPage, ClinicianPage
from approaches.demo import review_through_workflow
from blog import roles
from blog.models import ArticleApproach, ArticleAuthor, ArticlePage, BlogIndexPage, Topic
from blog.readers import AGE_FIELDS, READER_FIELDS
from portal import illustrations
from portal.demo import MAIN_PHONE, index_page, rich
from portal.demo_translations import publish_translation
from portal.models import HomePage

ORDER = 40  # after the approaches and clinicians (30) the articles link to

# English source string -> translation, filled by tr() and es() so that each
# translation stands next to its English text. Only two articles are
# translated (into Spanish); the index and the topics are in all three languages.
PHRASEBOOKS = {"es": {}, "pl": {}}


def tr(english, spanish, polish):
    """An English demo string with its Spanish and Polish translations."""
    PHRASEBOOKS["es"][english] = spanish
    PHRASEBOOKS["pl"][english] = polish
    return english


def es(english, spanish):
    """An English demo string of a page translated into Spanish only."""
    PHRASEBOOKS["es"][english] = spanish
    return english


INDEX = {
    "title": tr("Articles for parents", "Artículos para padres", "Artykuły dla rodziców"),
    "slug": tr("blog", "blog", "blog"),
    "intro": tr(
        "Short, practical reading from our therapists about children's feelings, behaviour and family life: "
        "what may be going on, what you can try at home, and when it makes sense to ask for help.",
        "Lecturas breves y prácticas de nuestros terapeutas sobre las emociones, la conducta de los niños y "
        "la vida en familia: qué puede estar pasando, qué puede probar en casa y cuándo conviene pedir ayuda.",
        "Krótkie, praktyczne teksty naszych terapeutów o emocjach i zachowaniu dzieci oraz o życiu "
        "rodzinnym: co może się dziać, czego można spróbować w domu i kiedy warto poprosić o pomoc.",
    ),
}

# slug (the same in every language, as filtered addresses use it) -> name
TOPICS = {
    "big-feelings": tr("Big feelings", "Emociones intensas", "Silne emocje"),
    "calming-skills": tr("Calming skills", "Habilidades para calmarse", "Umiejętności wyciszania"),
    "growing-brain": tr("The growing brain", "El cerebro en desarrollo", "Rozwijający się mózg"),
    "play": tr("Play", "Juego", "Zabawa"),
    "family-life": tr("Family life", "Vida familiar", "Życie rodzinne"),
    "sleep": tr("Sleep and bedtime", "Sueño y hora de dormir", "Sen i pora snu"),
    "starting-therapy": tr("Starting therapy", "Empezar la terapia", "Początek terapii"),
}


# Body blocks --------------------------------------------------------------

def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def paragraph(*texts):
    return ("paragraph", rich(*texts))


def bullets(*items, numbered=False):
    return ("list", {"items": list(items), "numbered": numbered})


def quote(text, attribution):
    return ("quote", {"text": text, "attribution": attribution})


def try_at_home(title, introduction, *steps):
    return ("try_at_home", {"heading": title, "introduction": introduction, "steps": list(steps)})


def ask_for_help(title, *signs):
    return ("ask_for_help", {"heading": title, "signs": list(signs)})


def question(text, *answer):
    return ("question", {"question": text, "answer": rich(*answer)})


def figure(seed, motif, palette, caption, spanish=False):
    """A generated picture inside the article, with its alt text (translated
    when the article is) and a caption; the image is made when loading."""
    alt = illustrations.describe(seed, motif, palette)
    if spanish:
        es(alt, illustrations.describe(seed, motif, palette, language="es"))
    return ("image", {"seed": seed, "motif": motif, "palette": palette, "alt_text": alt, "caption": caption})


def call_to_action(text, target):
    """A link to one of the demo's index pages, given by its model."""
    return ("call_to_action", {"text": text, "target": target})


def _readers(readers, ages):
    return {**{field: code in readers for code, field in READER_FIELDS.items()},
            **{field: code in ages for code, field in AGE_FIELDS.items()}}


# The articles -------------------------------------------------------------
# "review": submitted by this login and approved in the workflow; without it
# marketing publishes the article directly. Dates are days before today.

ARTICLES = [
    {
        "title": es("How relationships shape your child's growing brain",
                    "Cómo las relaciones moldean el cerebro en crecimiento de su hijo"),
        "slug": es("relationships-and-the-growing-brain", "las-relaciones-y-el-cerebro-en-crecimiento"),
        "summary": es(
            "A child's brain grows through thousands of ordinary moments with the people who look after them. "
            "What that means for you, and a few small ways to build on it at home.",
            "El cerebro de un niño crece a través de miles de momentos cotidianos con las personas que lo "
            "cuidan. Qué significa esto para usted y algunas maneras sencillas de aprovecharlo en casa.",
        ),
        "hero": {"motif": "hills", "palette": "peach"},
        "hero_caption": es("Growth happens in layers, a little at a time.",
                           "El crecimiento llega por capas, poco a poco."),
        "authors": ("alex-example",),
        "owner": "clinician",
        "review": "clinician",
        "readers": ("parents", "educators"),
        "ages": ("early-years", "school-age"),
        "topics": ("growing-brain", "family-life", "big-feelings"),
        "approaches": ("interpersonal-neurobiology", "parent-child-sessions"),
        "published": 86,
        "spanish": 80,
        "body": [
            heading(es("A brain built in company", "Un cerebro que se construye en compañía")),
            paragraph(es(
                "A newborn arrives with a brain that is far from finished. Through the first years, and on into "
                "the teens, it keeps forming connections, and the ones that get used most are the ones that "
                "last. What gets used most depends on everyday life: being fed, comforted, talked to, played "
                "with and, now and then, frustrated. Much of a child's brain, in other words, is built in "
                "company.",
                "Un recién nacido llega con un cerebro que está lejos de estar terminado. Durante los primeros "
                "años, y hasta la adolescencia, sigue formando conexiones, y las que más se usan son las que "
                "perduran. Lo que más se usa depende de la vida diaria: que lo alimenten, lo consuelen, le "
                "hablen, jueguen con él y, de vez en cuando, que se frustre. Dicho de otro modo, buena parte "
                "del cerebro de un niño se construye en compañía.",
            )),
            paragraph(es(
                "That is good news for parents, because it means the ordinary things you already do count. "
                "There is no need for special toys or programmes. What helps is time together, plenty of "
                "repetition, and some patience with yourself on the days that go badly.",
                "Es una buena noticia para los padres, porque significa que las cosas corrientes que ya hace "
                "cuentan. No hacen falta juguetes ni programas especiales. Lo que ayuda es pasar tiempo "
                "juntos, repetir mucho y tenerse un poco de paciencia los días que salen mal.",
            )),
            heading(es("Back and forth, again and again", "Ida y vuelta, una y otra vez")),
            paragraph(es(
                "People who study early childhood sometimes call it serve and return. A baby babbles and a "
                "parent babbles back. A toddler points at a dog and someone says, 'Yes, a big dog!' A "
                "ten-year-old grumbles about a friend and gets a curious question instead of a lecture. Each "
                "exchange is tiny, but thousands of them teach a child that their signals matter and that "
                "other people can be counted on.",
                "Quienes estudian la primera infancia a veces lo llaman «servir y devolver». Un bebé balbucea "
                "y su madre le responde con otro balbuceo. Un niño pequeño señala un perro y alguien le dice: "
                "«¡Sí, un perro grande!». Una niña de diez años se queja de una amiga y recibe una pregunta "
                "con curiosidad en lugar de un sermón. Cada intercambio es mínimo, pero miles de ellos le "
                "enseñan al niño que sus señales importan y que puede contar con los demás.",
            )),
            paragraph(es(
                "Nobody manages this all day long. Phones ring, siblings argue, dinner burns. Children do not "
                "need a parent who is always tuned in; they need one who is tuned in often enough, and who "
                "comes back after a miss.",
                "Nadie lo consigue todo el día. Suena el teléfono, los hermanos discuten, se quema la cena. "
                "Los niños no necesitan un padre o una madre siempre atentos; necesitan a alguien que esté "
                "atento con bastante frecuencia y que vuelva a conectar después de un despiste.",
            )),
            heading(es("Calm is catching", "La calma se contagia")),
            paragraph(es(
                "Young children cannot yet settle themselves for long. When they are scared or overwhelmed, "
                "their bodies look for a steadier body nearby. A slow voice, a hand on the back, or simply a "
                "grown-up who stays in the room helps a child's breathing and heartbeat come down. Therapists "
                "call this co-regulation. Over many years, being calmed by others slowly turns into being able "
                "to calm yourself.",
                "Los niños pequeños todavía no saben calmarse solos durante mucho tiempo. Cuando tienen miedo "
                "o se sienten desbordados, su cuerpo busca cerca otro cuerpo más sereno. Una voz pausada, una "
                "mano en la espalda o, sencillamente, un adulto que se queda en la habitación ayudan a que la "
                "respiración y el corazón del niño se tranquilicen. Los terapeutas lo llaman corregulación. "
                "Con los años, que otros nos calmen se convierte poco a poco en la capacidad de calmarnos "
                "solos.",
            )),
            paragraph(es(
                "This is also why a child's behaviour so often follows the mood of the household. When the "
                "adults are stretched thin, children tend to get louder, clingier or quieter. That is not a "
                "sign that anyone has failed. It shows how closely connected we are.",
                "Por eso mismo la conducta de un niño suele seguir el ánimo de la casa. Cuando los adultos "
                "van al límite, los niños tienden a gritar más, a pegarse más a ellos o a encerrarse en sí "
                "mismos. No es señal de que alguien haya fallado. Muestra lo unidos que estamos.",
            )),
            quote(
                es("Children don't need perfect parents. They need parents who notice, stay close, and put "
                   "things right again after a hard moment.",
                   "Los niños no necesitan padres perfectos. Necesitan padres que se den cuenta, que se "
                   "queden cerca y que arreglen las cosas después de un momento difícil."),
                es("Alex Example, example clinician", "Alex Example, terapeuta de ejemplo"),
            ),
            heading(es("Repair matters more than perfection", "Reparar importa más que ser perfecto")),
            paragraph(es(
                "Every family has moments of shouting, misunderstanding or distance. What helps a developing "
                "brain most is not avoiding those moments altogether but what happens afterwards. When a "
                "parent comes back and says, 'I was sharp with you earlier, and I'm sorry. Can we try again?', "
                "the child learns that closeness can survive a conflict. That lesson travels with them into "
                "friendships, school and, much later, their own adult relationships.",
                "En todas las familias hay gritos, malentendidos o momentos de distancia. Lo que más ayuda a "
                "un cerebro en desarrollo no es evitar esos momentos por completo, sino lo que pasa después. "
                "Cuando un padre vuelve y dice: «Antes te hablé con brusquedad y lo siento. ¿Lo intentamos "
                "otra vez?», el niño aprende que la cercanía puede sobrevivir a un conflicto. Esa lección le "
                "acompaña en sus amistades, en la escuela y, mucho más adelante, en sus propias relaciones de "
                "adulto.",
            )),
            figure("relationships-and-the-growing-brain-leaves", "leaves", "sage",
                   es("New leaves appear one at a time, each growing from the one before.",
                      "Las hojas nuevas aparecen de una en una, cada una a partir de la anterior."),
                   spanish=True),
            heading(es("What this looks like in our work", "Cómo se refleja en nuestro trabajo")),
            paragraph(es(
                "Our therapists draw on Interpersonal Neurobiology, which treats the brain, the body and "
                "relationships as parts of one picture. With children that usually means a lot of play, close "
                "attention to what the body is doing, and regular time with parents. We are not there to "
                "replace you: the aim is to strengthen the bond your child already leans on every day. In "
                "sessions, a therapist might:",
                "Nuestros terapeutas se apoyan en la Neurobiología interpersonal, que ve el cerebro, el cuerpo "
                "y las relaciones como partes de un mismo cuadro. Con los niños, eso suele significar mucho "
                "juego, mucha atención a lo que hace el cuerpo y encuentros regulares con los padres. No "
                "estamos para sustituirle: el objetivo es fortalecer el vínculo en el que su hijo ya se apoya "
                "cada día. En las sesiones, un terapeuta puede:",
            )),
            bullets(
                es("Follow your child's lead in play and put words to the feelings that come up",
                   "Seguir a su hijo en el juego y poner palabras a las emociones que van surgiendo"),
                es("Notice together with your child when their body tightens or relaxes",
                   "Observar junto con su hijo cuándo su cuerpo se tensa o se relaja"),
                es("Meet with you to compare what they see in the room with what you see at home",
                   "Reunirse con usted para comparar lo que ve en la sesión con lo que usted ve en casa"),
                es("Invite you into sessions so that you and your child can practise new ways of connecting",
                   "Invitarle a las sesiones para que usted y su hijo practiquen nuevas formas de conectar"),
            ),
            try_at_home(
                es("Small moments that add up", "Pequeños momentos que suman"),
                es("None of these takes long. Choose one and keep it up for a week before adding another.",
                   "Ninguno lleva mucho tiempo. Elija uno y manténgalo una semana antes de añadir otro."),
                es("Set aside ten minutes a day when your child picks the activity and you simply join in, "
                   "with your phone in another room.",
                   "Reserve diez minutos al día en los que su hijo elija la actividad y usted simplemente se "
                   "sume, con el teléfono en otra habitación."),
                es("When your child is upset, name what you see before trying to fix it: 'You look really "
                   "disappointed.'",
                   "Cuando su hijo esté molesto, nombre lo que ve antes de intentar arreglarlo: «Te veo muy "
                   "desilusionado»."),
                es("Slow your own breathing and lower your voice when things heat up; your child's body will "
                   "often follow yours.",
                   "Respire más despacio y baje la voz cuando los ánimos se calienten; muchas veces el cuerpo "
                   "de su hijo seguirá al suyo."),
                es("After a rough moment, come back to it and talk it over once everyone has calmed down.",
                   "Después de un mal momento, vuelva sobre él y hablen cuando todos se hayan calmado."),
                es("At bedtime, mention one thing you enjoyed doing together that day.",
                   "A la hora de dormir, mencione algo que haya disfrutado hacer juntos ese día."),
            ),
            question(
                es("Is it too late if my child is already older?", "¿Es demasiado tarde si mi hijo ya es mayor?"),
                es("No. The brain keeps changing all through life, and the teenage years are another time of "
                   "especially fast growth. Older children and teenagers still gain a great deal from warm, "
                   "reliable relationships, even when they act as if they would rather be left alone.",
                   "No. El cerebro sigue cambiando toda la vida, y la adolescencia es otra etapa de crecimiento "
                   "especialmente rápido. Los niños mayores y los adolescentes siguen beneficiándose mucho de "
                   "relaciones cálidas y fiables, aunque actúen como si prefirieran que los dejaran en paz."),
            ),
            question(
                es("Does this mean my child's struggles are my fault?",
                   "¿Quiere decir esto que las dificultades de mi hijo son culpa mía?"),
                es("No. Temperament, health, school, friendships and events nobody could control all play a "
                   "part. Knowing how relationships shape the brain is not about blame. It points to a place "
                   "where you can make a difference, starting from where your family is today.",
                   "No. El temperamento, la salud, la escuela, las amistades y hechos que nadie podía "
                   "controlar influyen también. Saber cómo las relaciones moldean el cerebro no consiste en "
                   "buscar culpables. Señala un lugar desde el que usted puede marcar la diferencia, "
                   "empezando por el punto en que su familia está hoy."),
            ),
            paragraph(es(
                f"If you would like to talk about what this means for your own child, call our intake team on "
                f"{MAIN_PHONE} and they will help you find a therapist who is a good fit.",
                f"Si quiere hablar de lo que esto significa para su propio hijo, llame a nuestro equipo de "
                f"admisión al {MAIN_PHONE} y le ayudarán a encontrar un terapeuta adecuado.",
            )),
        ],
    },
    {
        "title": es("Five calming skills to practise at home",
                    "Cinco habilidades para calmarse que puede practicar en casa"),
        "slug": es("calming-skills-to-practise-at-home", "habilidades-para-calmarse-en-casa"),
        "summary": es(
            "Simple ways to help your child's body settle when feelings run high, and why they work best when "
            "you practise them together on calm days first.",
            "Formas sencillas de ayudar a que el cuerpo de su hijo se calme cuando las emociones se desbordan, "
            "y por qué funcionan mejor si antes las practican juntos en días tranquilos.",
        ),
        "hero": {"motif": "waves", "palette": "teal"},
        "hero_caption": es("Even big waves settle, given a little time.",
                           "Hasta las olas grandes se calman si se les da un poco de tiempo."),
        "authors": ("casey-specimen", "sam-placeholder"),
        "owner": "marketing",
        "review": "marketing",
        "readers": ("parents", "teens"),
        "ages": ("early-years", "school-age", "teenagers"),
        "topics": ("calming-skills", "big-feelings", "sleep"),
        "approaches": ("polyvagal-informed-therapy", "mindfulness-based-practices"),
        "published": 61,
        "updated": 19,
        "spanish": 50,
        "body": [
            paragraph(es(
                "In the middle of a meltdown, reasoning rarely gets through. The parts of the brain that plan "
                "and weigh up choices go quiet while the body gets ready to fight, run or hide. Calming skills "
                "work from the other end: they start with the body, and once the body settles, thinking and "
                "talking become possible again.",
                "En plena rabieta, los razonamientos casi nunca llegan. Las partes del cerebro que planifican "
                "y sopesan opciones se apagan mientras el cuerpo se prepara para luchar, huir o esconderse. "
                "Las habilidades para calmarse actúan desde el otro extremo: empiezan por el cuerpo, y cuando "
                "el cuerpo se asienta, vuelve a ser posible pensar y hablar.",
            )),
            paragraph(es(
                "The skills below are simple, but they are not magic. They work best when they are practised "
                "often, at times when nobody is upset, so that they feel familiar by the time they are needed. "
                "They work best of all when you do them alongside your child.",
                "Las habilidades que siguen son sencillas, pero no son magia. Funcionan mejor cuando se "
                "practican a menudo, en momentos en que nadie está alterado, para que resulten conocidas "
                "cuando hagan falta. Y funcionan mejor aún cuando usted las hace junto a su hijo.",
            )),
            heading(es("Before you start", "Antes de empezar")),
            bullets(
                es("Practise when things are calm, a minute or two at a time, and keep it light.",
                   "Practiquen cuando todo esté tranquilo, uno o dos minutos cada vez, y sin darle demasiada "
                   "importancia."),
                es("Do each skill with your child instead of giving instructions from the side.",
                   "Haga cada ejercicio con su hijo en lugar de dar instrucciones desde fuera."),
                es("Expect some eye-rolling from older children. Doing the skill yourself still counts.",
                   "Cuente con que los mayores pongan los ojos en blanco. Que usted lo haga también cuenta."),
                es("Notice which skills your child enjoys, and let go of the ones that do not fit.",
                   "Fíjese en qué ejercicios disfruta su hijo y deje de lado los que no encajan."),
            ),
            heading(es("1. A longer breath out", "1. Una espiración más larga")),
            paragraph(es(
                "Breathing out for longer than you breathe in tells the body that it is safe to slow down. For "
                "young children, make it a picture: smell the flower, blow out the candle. Older children often "
                "prefer counting, for example in for four and out for six.",
                "Soltar el aire durante más tiempo del que se tarda en tomarlo le dice al cuerpo que puede "
                "bajar el ritmo sin peligro. Con los más pequeños, conviértalo en una imagen: oler la flor, "
                "soplar la vela. Los mayores suelen preferir contar, por ejemplo, tomar aire en cuatro tiempos "
                "y soltarlo en seis.",
            )),
            try_at_home(
                es("Flower and candle", "La flor y la vela"),
                es("A breathing game for children from about three years old.",
                   "Un juego de respiración para niños a partir de unos tres años."),
                es("Hold up one finger and pretend it is a flower. Breathe in slowly through your nose to "
                   "smell it.",
                   "Levanten un dedo e imaginen que es una flor. Tomen aire despacio por la nariz para olerla."),
                es("Now the finger is a candle. Breathe out slowly through your mouth, so the flame flickers "
                   "but does not go out.",
                   "Ahora el dedo es una vela. Suelten el aire despacio por la boca, para que la llama tiemble "
                   "pero no se apague."),
                es("Repeat three to five times, then ask your child how their body feels now.",
                   "Repítanlo de tres a cinco veces y pregúntele a su hijo cómo siente ahora el cuerpo."),
            ),
            heading(es("2. Feet on the floor", "2. Los pies en el suelo")),
            paragraph(es(
                "When feelings are big, paying attention to something solid can help. Ask your child to press "
                "their feet into the floor, notice the chair underneath them, or push their palms together hard "
                "for a few seconds and then let go. It is quick, and it works in a classroom or a car as well as "
                "at home.",
                "Cuando las emociones son intensas, prestar atención a algo firme puede ayudar. Pídale a su "
                "hijo que apriete los pies contra el suelo, que note la silla debajo de él o que junte las "
                "palmas con fuerza unos segundos y luego las suelte. Es rápido y sirve tanto en clase o en el "
                "coche como en casa.",
            )),
            heading(es("3. Five things you can see", "3. Cinco cosas que puede ver")),
            paragraph(es(
                "Naming what is around us draws attention away from a worry and back to the here and now. Take "
                "turns finding five things you can see, four you can hear and three you can touch. With little "
                "ones, keep it to colours: can you find something blue?",
                "Nombrar lo que nos rodea aparta la atención de la preocupación y la devuelve al aquí y ahora. "
                "Túrnense para encontrar cinco cosas que puedan ver, cuatro que puedan oír y tres que puedan "
                "tocar. Con los pequeños, quédense en los colores: ¿encuentras algo azul?",
            )),
            heading(es("4. A calm corner", "4. Un rincón de calma")),
            paragraph(es(
                "Some children settle best with a little space. A corner with a cushion, a soft blanket, a few "
                "books and something to squeeze gives them somewhere to go that is not a punishment. Set it up "
                "together and let your child choose what goes in it. Make it clear that it is a place for "
                "feeling better, never a place to be sent.",
                "Algunos niños se calman mejor con un poco de espacio. Un rincón con un cojín, una manta suave, "
                "algunos libros y algo para apretar les da un sitio al que ir que no es un castigo. Prepárenlo "
                "juntos y deje que su hijo elija lo que pone en él. Deje claro que es un lugar para sentirse "
                "mejor, nunca un lugar al que se le manda.",
            )),
            heading(es("5. Rhythm and movement", "5. Ritmo y movimiento")),
            paragraph(es(
                "Rocking, swinging, bouncing a ball or walking side by side can all help a body find its rhythm "
                "again. Plenty of children who cannot talk face to face when they are upset will open up during "
                "a walk or a drive.",
                "Mecerse, columpiarse, botar una pelota o caminar uno al lado del otro ayudan al cuerpo a "
                "recuperar su ritmo. Muchos niños que no pueden hablar cara a cara cuando están alterados se "
                "abren durante un paseo o un trayecto en coche.",
            )),
            quote(
                es("A child borrows calm from the grown-ups around them long before it becomes their own.",
                   "Un niño toma prestada la calma de los adultos que lo rodean mucho antes de que sea suya."),
                es("Casey Specimen, example clinician", "Casey Specimen, terapeuta de ejemplo"),
            ),
            question(
                es("What if my child refuses to try?", "¿Y si mi hijo se niega a intentarlo?"),
                es("That is common, especially in the heat of the moment. Stay close, keep your own breathing "
                   "slow and save the skill for a calmer time. Many children watch a parent use a skill for "
                   "weeks before they try it themselves.",
                   "Es habitual, sobre todo en pleno enfado. Quédese cerca, mantenga su propia respiración "
                   "lenta y deje el ejercicio para un momento más tranquilo. Muchos niños ven a su padre o a "
                   "su madre usar una habilidad durante semanas antes de probarla ellos mismos."),
            ),
            question(
                es("Can these skills help at bedtime?", "¿Pueden ayudar estas habilidades a la hora de dormir?"),
                es("Often, yes. Slow breathing or a few quiet minutes in the calm corner can make the end of "
                   "the day easier. Keep the routine short and predictable, and do it in the same order each "
                   "night.",
                   "A menudo, sí. Respirar despacio o pasar unos minutos tranquilos en el rincón de calma "
                   "puede facilitar el final del día. Mantenga una rutina breve y previsible, y siga el mismo "
                   "orden cada noche."),
            ),
            ask_for_help(
                es("When calming skills are not enough", "Cuando las habilidades para calmarse no bastan"),
                es("Meltdowns are becoming more frequent or more intense over several weeks",
                   "Las rabietas son cada vez más frecuentes o más intensas desde hace varias semanas"),
                es("Worry or anger is getting in the way of school, friendships or sleep",
                   "La preocupación o la rabia interfieren en la escuela, las amistades o el sueño"),
                es("Your child talks about wanting to hurt themselves or someone else",
                   "Su hijo habla de querer hacerse daño o de hacérselo a otra persona"),
                es("You feel you have tried everything and the whole family is worn out",
                   "Siente que ya lo ha probado todo y que toda la familia está agotada"),
            ),
            paragraph(es(
                "If your child is in danger right now, call or text 988, or call 911.",
                "Si su hijo está en peligro en este momento, llame o envíe un mensaje de texto al 988, o "
                "llame al 911.",
            )),
        ],
    },
    {
        "title": "What happens in play therapy?",
        "slug": "what-happens-in-play-therapy",
        "summary": (
            "From the outside a session can look like an ordinary afternoon with toys. Here is what is going on "
            "underneath, and what to expect as a parent."
        ),
        "hero": {"motif": "circles", "palette": "sand"},
        "hero_caption": "Play gives feelings a shape a child can hold.",
        "authors": ("morgan-mockup",),
        "owner": "marketing",
        "readers": ("parents", "educators"),
        "ages": ("early-years", "school-age"),
        "topics": ("play", "starting-therapy", "big-feelings"),
        "approaches": ("play-therapy", "parent-child-sessions"),
        "published": 37,
        "body": [
            paragraph(
                "Parents who bring a child to play therapy sometimes wonder, quietly, whether they are paying "
                "someone to play with their child. It is a fair question. From the outside, a session can look "
                "a lot like an ordinary afternoon with toys. Here is what is happening underneath."
            ),
            heading("Play is how children talk"),
            paragraph(
                "Adults usually sort out their feelings by talking them through. Most children cannot do that "
                "yet, at least not about the things that matter most, so they do it through play instead. A "
                "child who has been through something frightening may crash toy cars over and over. A child "
                "worried about a new baby may let the baby doll tumble off the sofa, then rescue it. Play lets "
                "children show what they cannot yet put into words, and try out different endings."
            ),
            heading("What the room looks like"),
            paragraph(
                "A playroom is arranged on purpose. You will usually find a sand tray with small figures, a "
                "doll's house, puppets, paints and crayons, building blocks, dressing-up clothes, and a few toys "
                "that let a child be loud or fierce, such as animals with big teeth. There is no right or wrong "
                "way to use any of them."
            ),
            figure("what-happens-in-play-therapy-stones", "stones", "rose",
                   "Children build at their own pace in the playroom, one piece on top of another."),
            heading("What the therapist does"),
            paragraph(
                "The therapist watches closely, joins in when invited, and describes what they notice: 'That "
                "lion is really angry.' 'The little one is hiding.' Being described this way helps a child feel "
                "understood and, over time, gives them words for their own inner world. Some sessions are led "
                "entirely by the child. Others are more guided, with the therapist suggesting a game, a story "
                "or a drawing that builds a particular skill.",
                "Limits are part of the work too. Sand can be thrown in the sandbox but not at people, and the "
                "session ends when the time is up. Clear, kind limits help children feel safe enough to let "
                "strong feelings out.",
            ),
            quote(
                "For a while, in the playroom, the child gets to decide how the story goes. For a child who "
                "has felt powerless, that can matter a great deal.",
                "Morgan Mockup, example clinician",
            ),
            heading("How long does it take?"),
            paragraph(
                "That depends on the child and on what brought you in. Some families notice changes within a "
                "couple of months; others need longer. Progress is rarely a straight line, and a few harder "
                "weeks partway through are normal. Your child's therapist will talk with you regularly about "
                "what they are seeing and whether the plan still fits."
            ),
            heading("Questions parents ask"),
            question(
                "Will my child tell me what happened in the session?",
                "Maybe not, and that is fine. Children often cannot explain what they did or why it mattered. "
                "Try asking 'Did you have a good time?' rather than 'What did you talk about?', and let the "
                "therapist fill you in at your parent meetings.",
            ),
            question(
                "Is my child too old for play therapy?",
                "Play therapy is mostly used with children from about three to twelve. Older children and "
                "teenagers may work with art, games, the sand tray or conversation instead, and the therapist "
                "will adapt the approach to suit them.",
            ),
            question(
                "Will I be involved?",
                "Yes. You will meet the therapist regularly without your child, and you may sometimes be "
                "invited into the playroom for a session together.",
            ),
            ask_for_help(
                "When play therapy may help",
                "Your child seems stuck after a loss, a move, a separation or a frightening event",
                "Tantrums or aggression happen far more often than for other children of the same age",
                "Your child has become unusually withdrawn, clingy or anxious",
                "Teachers have raised concerns about behaviour or friendships",
            ),
        ],
    },
    {
        "title": "Your part in your child's therapy",
        "slug": "your-part-in-your-childs-therapy",
        "summary": (
            "You know your child better than anyone. How parents take part in their child's therapy with us, "
            "from the first meeting to the weeks between sessions."
        ),
        "hero": {"motif": "leaves", "palette": "lavender"},
        "hero_caption": "Therapy for a child grows best with the family close by.",
        "authors": (),
        "owner": "marketing",
        "readers": ("parents",),
        "ages": ("early-years", "school-age", "teenagers"),
        "topics": ("family-life", "starting-therapy"),
        "approaches": ("parent-child-sessions", "play-therapy", "interpersonal-neurobiology"),
        "published": 9,
        "body": [
            paragraph(
                "When a child starts therapy, parents often wonder where they fit in. Should you wait outside and "
                "hope for the best? Should you expect a full report after every session? At CARE Counseling we "
                "see parents as partners in the work. You know your child better than anyone, and you spend far "
                "more hours with them than any therapist will."
            ),
            heading("The first meeting"),
            paragraph(
                "Most of our work with children begins with a meeting between the therapist and the parents or "
                "carers, without the child. This is your chance to tell the story: what worries you, what you "
                "have already tried, what your child is like on a good day. The therapist will ask about your "
                "child's early years, health, school and family, and about what you hope will be different. It "
                "can help to jot down a few things beforehand:"
            ),
            bullets(
                "What worries you most, and when you first noticed it",
                "Any reports from school, your pediatrician or an earlier therapist",
                "What helps your child, even a little, and what tends to make things worse",
                "Questions about the approach, fees or scheduling",
            ),
            heading("Meetings just for parents"),
            paragraph(
                "Alongside your child's sessions, expect to meet the therapist on your own from time to time. "
                "These meetings are for sharing what you notice at home, hearing what the therapist notices in "
                "the room, and planning together. They are also a place to talk about the strain a child's "
                "difficulties can put on the whole family, you included."
            ),
            heading("Sessions together"),
            paragraph(
                "Some of the most useful work happens with parent and child in the room together. In "
                "parent-child sessions the therapist might coach you through a game, help the two of you talk "
                "about something hard, or rehearse a new way through a moment that usually ends in tears. "
                "These sessions are not a test. Almost everyone feels awkward at first, and the therapist is "
                "there to help."
            ),
            heading("Privacy and trust"),
            paragraph(
                "Children need to know that what they say in the room will not be repeated word for word. At "
                "the same time, you are responsible for your child and need to know how things are going. Your "
                "child's therapist will explain at the start how they balance the two. As a rule you will hear "
                "about themes and progress rather than details, and you will always be told if there is a "
                "concern about your child's safety."
            ),
            try_at_home(
                "Between sessions",
                "A few habits that help therapy carry over into everyday life.",
                "Keep the trip home after a session quiet and easy; your child may be tired.",
                "Write down moments from the week that you want to mention at your next parent meeting.",
                "Use one skill or phrase the therapist suggested, and notice what happens.",
                "Look after your own rest and support too. A steadier parent makes for a steadier home.",
            ),
            question(
                "What if I disagree with the therapist?",
                "Say so. Therapy for children depends on trust between you and the therapist, and honest "
                "disagreement is part of that trust. If the fit still feels wrong after a fair try, our intake "
                "team can help you find another therapist in the practice.",
            ),
            question(
                "Do both parents need to take part?",
                "It helps when everyone caring for the child is involved, but families come in many shapes. "
                "The therapist will work with the people who are part of your child's daily life, whether "
                "that is one parent, two households, grandparents or foster carers.",
            ),
            paragraph(
                f"To ask about an appointment for your child, call our intake team on {MAIN_PHONE}. You can also "
                "read about our clinicians first and see who works with children at the office nearest you."
            ),
            call_to_action("Meet our clinicians", ClinicianIndexPage),
        ],
    },
]

HERO_TITLE = "Article illustration: {title}"
FIGURE_TITLE = "Article illustration: {title} (in the text)"


def _topics(locale):
    topics, created = {}, 0
    for slug, name in TOPICS.items():
        topic, new = Topic.objects.get_or_create(locale=locale, slug=slug, defaults={"name": name})
        topics[slug] = topic
        created += new
    return topics, created


def _resolve(block, home, title):
    """A body block in the raw form the StreamField stores: generated images
    become ImageBlock values ({"image": id, "decorative": ..., "alt_text": ...})
    and links page ids. Returns the block and whether an image was made."""
    kind, value = block
    new = False
    if kind == "image":
        image, new = illustrations.illustration(
            FIGURE_TITLE.format(title=title), value["seed"], value["motif"], value["palette"]
        )
        value = {"image": {"image": image.pk, "decorative": False, "alt_text": value["alt_text"]},
                 "caption": value["caption"]}
    elif kind == "call_to_action":
        target = value["target"].objects.child_of(home).first()
        value = {"text": value["text"], "page": target.pk if target else None, "url": ""}
    return {"type": kind, "value": value}, new


def _article(index, home, data, topics, clinicians, approaches, users):
    """The article as a draft with its image, credits and links; returns the
    page and how many new objects were made (0 if it existed)."""
    page = ArticlePage.objects.child_of(index).filter(slug=data["slug"]).first()
    if page is not None:
        return page, 0
    hero, new_images = illustrations.illustration(
        HERO_TITLE.format(title=data["title"]), data["slug"], data["hero"]["motif"], data["hero"]["palette"]
    )
    body = []
    for block in data["body"]:
        block, new = _resolve(block, home, data["title"])
        body.append(block)
        new_images += new
    hero_alt = illustrations.describe(data["slug"], data["hero"]["motif"], data["hero"]["palette"])
    if "spanish" in data:
        es(hero_alt, illustrations.describe(data["slug"], data["hero"]["motif"], data["hero"]["palette"],
                                            language="es"))
    page = ArticlePage(
        title=data["title"],
        slug=data["slug"],
        locale=index.locale,
        live=False,
        owner=users[data["owner"]],
        summary=data["summary"],
        hero_image=hero,
        hero_alt_text=hero_alt,
        hero_caption=data["hero_caption"],
        body=body,
        **_readers(data["readers"], data["ages"]),
    )
    page.topics = [topics[slug] for slug in data["topics"]]
    page.authors = [ArticleAuthor(clinician=clinicians[slug]) for slug in data["authors"]]
    page.approach_links = [ArticleApproach(approach=approaches[slug]) for slug in data["approaches"]]
    index.add_child(instance=page)
    return page, 1 + new_images


def _publish(page, data, users):
    """Publish a new article: through the workflow when it has a submitter,
    otherwise directly by marketing. Returns whether it was reviewed."""
    if data.get("review"):
        submitter = users[data["review"]]
        page.save_revision(user=submitter)
        review_through_workflow(page, submitter, users)
        return True
    page.save_revision(user=users["marketing"]).publish(user=users["marketing"])
    return False


def _days_ago(today, days):
    return today - datetime.timedelta(days=days)


def _backdate(page, first, last=None):
    """Spread the demo's publication dates: a queryset update, so that no new
    revision or log entry pretends an edit happened then."""
    Page.objects.filter(pk=page.pk).update(first_published_at=first, last_published_at=last or first)


def load(progress):
    created = 0
    with transaction.atomic():
        home = HomePage.objects.get(locale__language_code="en", depth=2)
        index, new = index_page(BlogIndexPage, home, INDEX)
        created += new
        roles.ensure(progress)  # the review workflow and clinicians' permission now have a page to go on

        topics, new = _topics(home.locale)
        created += new
        users = {user.username: user for user in get_user_model().objects.filter(
            username__in=["clinician", "reviewer", "marketing"])}
        clinicians = {page.slug: page for page in ClinicianPage.objects.filter(locale=home.locale)}
        approaches = {page.slug: page for page in ApproachPage.objects.filter(locale=home.locale)}

        # Articles' dates: 9:30 in the morning, so many days before today.
        today = timezone.localtime().replace(hour=9, minute=30, second=0, microsecond=0)
        articles, reviewed = [], 0
        for data in ARTICLES:
            page, new = _article(index, home, data, topics, clinicians, approaches, users)
            created += new
            if new:
                reviewed += _publish(page, data, users)
                _backdate(page, _days_ago(today, data["published"]),
                          _days_ago(today, data["updated"]) if "updated" in data else None)
            articles.append((ArticlePage.objects.get(pk=page.pk), data))
        progress(f"{len(articles)} articles for parents with generated illustrations, {len(topics)} topics"
                 + (f"; {reviewed} went through clinical review ('reviewer') and marketing approval"
                    if reviewed else ""))

        for code in ("es", "pl"):
            for item in [index, *topics.values()]:
                created += publish_translation(item, code, PHRASEBOOKS[code]) is not None
        progress("the article index and topics in Spanish and Polish")

        translated = 0
        for page, data in articles:
            if "spanish" not in data:
                continue
            spanish = publish_translation(page, "es", PHRASEBOOKS["es"])
            if spanish is not None:
                translated += 1
                first = _days_ago(today, data["spanish"])
                _backdate(spanish, first, max(first, page.last_published_at))
        created += translated
        progress(f"{sum('spanish' in data for data in ARTICLES)} articles in Spanish")
    return created, []
