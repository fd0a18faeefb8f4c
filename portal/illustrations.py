"""Calm, abstract illustrations for the demo, drawn with Pillow.

Nothing is downloaded and nobody is pictured: rolling hills under a low sun,
overlapping circles, a stem of leaves, a stack of smooth stones or layered
waves, in one of a few warm palettes. A seed (usually a page's slug) picks
the palette and every position, so the same seed always gives the same PNG,
byte for byte, and the demo can be rebuilt and compared.

``describe()`` says in words what a picture shows (its alt text), in
English, Spanish or Polish; ``illustration()`` stores the picture as a
``CustomImage`` once and finds it again by its title afterwards.
"""

import hashlib
import io
import math
import random
from dataclasses import dataclass

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.models import Collection

from portal.models import CustomImage

WIDTH, HEIGHT = 1600, 900
SCALE = 2  # drawn at twice the size, then reduced, for smooth edges
CREDIT = "Generated illustration"


@dataclass(frozen=True)
class Palette:
    sky_top: tuple
    sky_bottom: tuple
    sun: tuple
    layers: tuple  # far to near, light to dark
    accent: tuple
    names: dict  # language code -> the colours in words, for the alt text


PALETTES = {
    "peach": Palette(
        (250, 222, 200), (253, 243, 232), (243, 166, 118),
        ((238, 196, 166), (220, 158, 124), (190, 124, 98), (146, 96, 84)),
        (150, 168, 128),
        {"en": "peach and terracotta", "es": "tonos melocotón y terracota",
         "pl": "odcieniach brzoskwini i terakoty"},
    ),
    "sage": Palette(
        (232, 238, 222), (251, 245, 233), (238, 192, 116),
        ((204, 214, 184), (168, 188, 150), (130, 158, 122), (94, 126, 102)),
        (226, 158, 110),
        {"en": "sage green and warm cream", "es": "tonos verde salvia y crema",
         "pl": "odcieniach szałwiowej zieleni i kremu"},
    ),
    "rose": Palette(
        (247, 222, 218), (252, 243, 236), (232, 148, 134),
        ((228, 188, 182), (204, 150, 152), (170, 114, 124), (124, 86, 102)),
        (212, 170, 120),
        {"en": "dusty rose and plum", "es": "tonos rosa palo y ciruela",
         "pl": "odcieniach przygaszonego różu i śliwki"},
    ),
    "sand": Palette(
        (250, 234, 206), (254, 248, 236), (226, 136, 88),
        ((234, 204, 156), (214, 168, 114), (182, 124, 86), (130, 90, 70)),
        (124, 150, 122),
        {"en": "sand and rust", "es": "tonos arena y óxido",
         "pl": "odcieniach piasku i rdzy"},
    ),
    "lavender": Palette(
        (234, 224, 236), (252, 238, 226), (240, 178, 126),
        ((214, 196, 212), (184, 160, 186), (150, 124, 154), (106, 88, 118)),
        (236, 186, 140),
        {"en": "lavender and apricot", "es": "tonos lavanda y albaricoque",
         "pl": "odcieniach lawendy i moreli"},
    ),
    "teal": Palette(
        (224, 236, 230), (252, 240, 226), (240, 172, 116),
        ((192, 216, 206), (152, 190, 180), (110, 156, 150), (74, 118, 116)),
        (232, 170, 122),
        {"en": "soft teal and apricot", "es": "tonos verde azulado y albaricoque",
         "pl": "odcieniach łagodnego turkusu i moreli"},
    ),
}

# What each motif shows, with {colours} from the palette.
DESCRIPTIONS = {
    "hills": {
        "en": "Illustration: rolling hills in {colours} under a low, warm sun and a few soft clouds.",
        "es": "Ilustración: colinas onduladas en {colours} bajo un sol cálido y bajo, con algunas nubes suaves.",
        "pl": "Ilustracja: łagodne wzgórza w {colours} pod nisko zawieszonym, ciepłym słońcem i kilkoma "
              "miękkimi chmurami.",
    },
    "circles": {
        "en": "Illustration: soft, overlapping circles of different sizes in {colours} on a pale background.",
        "es": "Ilustración: círculos suaves de distintos tamaños que se superponen, en {colours}, sobre un "
              "fondo claro.",
        "pl": "Ilustracja: miękkie, nachodzące na siebie koła różnej wielkości w {colours} na jasnym tle.",
    },
    "leaves": {
        "en": "Illustration: a gently curving stem with rounded leaves in {colours} against a warm sun, "
              "with a few loose leaves drifting nearby.",
        "es": "Ilustración: un tallo que se curva suavemente, con hojas redondeadas en {colours} ante un sol "
              "cálido, y algunas hojas sueltas flotando cerca.",
        "pl": "Ilustracja: łagodnie wygięta łodyga z zaokrąglonymi liśćmi w {colours} na tle ciepłego "
              "słońca i kilka luźnych liści unoszących się obok.",
    },
    "stones": {
        "en": "Illustration: a small stack of smooth, rounded stones in {colours}, balanced on low ground "
              "beside a warm sun.",
        "es": "Ilustración: una pequeña pila de piedras lisas y redondeadas en {colours}, en equilibrio "
              "sobre un terreno bajo junto a un sol cálido.",
        "pl": "Ilustracja: niewielki stos gładkich, zaokrąglonych kamieni w {colours}, ułożonych "
              "w równowadze na niskim terenie obok ciepłego słońca.",
    },
    "waves": {
        "en": "Illustration: layered, gentle waves in {colours} beneath a warm sun.",
        "es": "Ilustración: olas suaves en capas, en {colours}, bajo un sol cálido.",
        "pl": "Ilustracja: warstwy łagodnych fal w {colours} pod ciepłym słońcem.",
    },
}
MOTIFS = tuple(DESCRIPTIONS)


def _rng(seed):
    return random.Random(int.from_bytes(hashlib.sha256(str(seed).encode("utf-8")).digest()[:8], "big"))


def choose(seed, motif=None, palette=None):
    """(motif, palette name) for ``seed``: the ones given, or the seed's own."""
    rng = _rng(f"choice:{seed}")
    motif = motif or rng.choice(MOTIFS)
    palette = palette or rng.choice(sorted(PALETTES))
    if motif not in DESCRIPTIONS:
        raise ValueError(f"Unknown motif {motif!r}; choose from {', '.join(MOTIFS)}")
    if palette not in PALETTES:
        raise ValueError(f"Unknown palette {palette!r}; choose from {', '.join(sorted(PALETTES))}")
    return motif, palette


def describe(seed, motif=None, palette=None, language="en"):
    """The alt text of ``draw(seed, motif, palette)`` in ``language``."""
    motif, palette = choose(seed, motif, palette)
    return DESCRIPTIONS[motif][language].format(colours=PALETTES[palette].names[language])


def filename(seed):
    safe = "".join(c if c.isalnum() else "-" for c in str(seed).lower()).strip("-")
    return f"illustration-{safe or 'untitled'}.png"


# Drawing ----------------------------------------------------------------

def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def _with_alpha(colour, alpha):
    return (*colour, alpha)


def _gradient(size, top, bottom):
    """A vertical gradient from ``top`` to ``bottom``."""
    column = Image.new("RGB", (1, 256))
    column.putdata([_mix(top, bottom, row / 255) for row in range(256)])
    return column.resize(size, Image.Resampling.BILINEAR)


def _ridge(rng, width, base, amplitude, step):
    """Points along a smooth wavy line: a few long, slow sine waves added up."""
    waves = [(rng.uniform(0.6, 1.0) * amplitude / (n + 1), rng.uniform(0.5, 1.6) * (n + 1),
              rng.uniform(0, 2 * math.pi)) for n in range(3)]
    points = []
    for x in range(0, width + step, step):
        t = x / width
        y = base + sum(a * math.sin(2 * math.pi * f * t + phase) for a, f, phase in waves)
        points.append((x, y))
    return points


def _sun(pen, centre, radius, colour, halo=True):
    x, y = centre
    if halo:
        for factor, alpha in ((2.3, 22), (1.8, 34), (1.4, 56)):
            r = radius * factor
            pen.ellipse((x - r, y - r, x + r, y + r), fill=_with_alpha(colour, alpha))
    pen.ellipse((x - radius, y - radius, x + radius, y + radius), fill=_with_alpha(colour, 255))


def _cloud(pen, rng, centre, width, colour):
    x, y = centre
    height = width * 0.28
    pen.rounded_rectangle((x - width / 2, y - height / 2, x + width / 2, y + height / 2),
                          radius=height / 2, fill=colour)
    for _ in range(2):
        r = height * rng.uniform(0.55, 0.8)
        cx = x + rng.uniform(-0.25, 0.2) * width
        pen.ellipse((cx - r, y - height / 2 - r * 0.9, cx + r, y - height / 2 + r * 1.1), fill=colour)


def _leaf(pen, base, length, angle, width_ratio, colour, vein):
    """A rounded leaf from ``base``, pointing along ``angle`` (radians)."""
    bx, by = base
    ux, uy = math.cos(angle), math.sin(angle)
    nx, ny = -uy, ux
    half = length * width_ratio / 2
    left, right = [], []
    steps = 40
    for i in range(steps + 1):
        t = i / steps
        w = half * math.sin(math.pi * t) ** 0.8 * (1 - 0.25 * t)
        ax, ay = bx + ux * length * t, by + uy * length * t
        left.append((ax + nx * w, ay + ny * w))
        right.append((ax - nx * w, ay - ny * w))
    pen.polygon(left + right[::-1], fill=colour)
    tip = (bx + ux * length * 0.88, by + uy * length * 0.88)
    pen.line([(bx + ux * length * 0.08, by + uy * length * 0.08), tip], fill=vein,
             width=max(2, round(length * 0.018)))


def _hills(image, pen, rng, palette, w, h):
    _sun(pen, (rng.uniform(0.58, 0.82) * w, rng.uniform(0.24, 0.36) * h), rng.uniform(0.07, 0.09) * w,
         palette.sun)
    cloud_colour = _mix(palette.sky_bottom, (255, 255, 255), 0.5)  # opaque: overlapping puffs stay even
    for _ in range(rng.randint(2, 3)):
        _cloud(pen, rng, (rng.uniform(0.1, 0.9) * w, rng.uniform(0.12, 0.3) * h), rng.uniform(0.12, 0.2) * w,
               cloud_colour)
    bases = (0.52, 0.62, 0.73, 0.85)
    for colour, base in zip(palette.layers, bases):
        ridge = _ridge(rng, w, base * h, rng.uniform(0.035, 0.06) * h, max(4, w // 400))
        pen.polygon(ridge + [(w, h), (0, h)], fill=colour)


def _circles(image, pen, rng, palette, w, h):
    colours = [palette.layers[0], palette.layers[1], palette.layers[2], palette.sun, palette.accent]
    # Along a lazy wave across the picture, so the shapes gather rather than scatter.
    count = rng.randint(8, 10)
    phase = rng.uniform(0, 2 * math.pi)
    for i in range(count):
        t = (i + rng.uniform(-0.25, 0.25)) / (count - 1)
        x = (0.14 + 0.72 * t) * w
        y = (0.52 + 0.16 * math.sin(2 * math.pi * t + phase)) * h
        r = rng.uniform(0.09, 0.17) * h * (1.5 if i % 3 == 1 else 1)
        colour = colours[(i + rng.randrange(2)) % len(colours)]
        pen.ellipse((x - r, y - r, x + r, y + r), fill=_with_alpha(colour, rng.randint(130, 175)))
    for _ in range(rng.randint(4, 6)):  # a few small dots for rhythm
        x, y, r = rng.uniform(0.1, 0.9) * w, rng.uniform(0.15, 0.85) * h, rng.uniform(0.006, 0.011) * w
        pen.ellipse((x - r, y - r, x + r, y + r), fill=_with_alpha(palette.layers[2], 130))


def _leaves(image, pen, rng, palette, w, h):
    _sun(pen, (rng.uniform(0.7, 0.85) * w, rng.uniform(0.22, 0.32) * h), 0.11 * h, palette.sun)
    # The stem: a gentle arc from the lower left to the upper right.
    start = (rng.uniform(0.05, 0.15) * w, 0.95 * h)
    end = (rng.uniform(0.65, 0.8) * w, rng.uniform(0.3, 0.4) * h)
    bend = (0.35 * w, rng.uniform(0.35, 0.5) * h)
    stem = []
    for i in range(61):
        t = i / 60
        stem.append((
            (1 - t) ** 2 * start[0] + 2 * (1 - t) * t * bend[0] + t ** 2 * end[0],
            (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * bend[1] + t ** 2 * end[1],
        ))
    pen.line(stem, fill=palette.layers[-1], width=round(0.006 * w), joint="curve")
    leaf_colours = [palette.accent, palette.layers[1], palette.layers[2], _mix(palette.accent, palette.layers[3], 0.4)]
    vein = _with_alpha((255, 250, 240), 150)
    for n, i in enumerate(range(8, 58, 7)):
        (x0, y0), (x1, y1) = stem[i], stem[i + 1]
        along = math.atan2(y1 - y0, x1 - x0)
        side = 1 if n % 2 else -1
        angle = along + side * rng.uniform(0.7, 1.05)
        length = rng.uniform(0.13, 0.19) * h * (1.25 - 0.5 * i / 60)
        _leaf(pen, (x0, y0), length * 1.6, angle, 0.5, _with_alpha(leaf_colours[n % len(leaf_colours)], 235), vein)
    _leaf(pen, stem[-1], 0.2 * h, math.atan2(stem[-1][1] - stem[-3][1], stem[-1][0] - stem[-3][0]), 0.5,
          _with_alpha(palette.accent, 235), vein)
    for _ in range(rng.randint(3, 4)):  # loose leaves drifting on the right
        base = (rng.uniform(0.55, 0.95) * w, rng.uniform(0.55, 0.9) * h)
        _leaf(pen, base, rng.uniform(0.08, 0.12) * h * 1.6, rng.uniform(0, 2 * math.pi), 0.5,
              _with_alpha(leaf_colours[rng.randrange(len(leaf_colours))], 200), vein)


def _stones(image, pen, rng, palette, w, h):
    _sun(pen, (rng.uniform(0.66, 0.8) * w, rng.uniform(0.26, 0.34) * h), 0.12 * h, palette.sun)
    ground = 0.8 * h
    ridge = _ridge(rng, w, ground, 0.015 * h, max(4, w // 400))
    pen.polygon(ridge + [(w, h), (0, h)], fill=palette.layers[0])
    front = _ridge(rng, w, 0.92 * h, 0.02 * h, max(4, w // 400))
    pen.polygon(front + [(w, h), (0, h)], fill=palette.layers[1])
    x = rng.uniform(0.34, 0.44) * w
    y = ground + 0.015 * h
    stone_width = 0.24 * w
    colours = [palette.layers[3], palette.layers[2], palette.accent, palette.layers[1], palette.sun]
    shadow = _with_alpha(palette.layers[3], 50)
    pen.ellipse((x - stone_width * 0.62, y - 0.025 * h, x + stone_width * 0.62, y + 0.02 * h), fill=shadow)
    for n in range(rng.randint(4, 5)):
        height = stone_width * rng.uniform(0.3, 0.38)
        cx = x + rng.uniform(-0.02, 0.02) * w
        pen.ellipse((cx - stone_width / 2, y - height, cx + stone_width / 2, y), fill=colours[n % len(colours)])
        # A soft highlight on the upper left of each stone.
        pen.ellipse((cx - stone_width * 0.32, y - height * 0.86, cx - stone_width * 0.02, y - height * 0.62),
                    fill=_with_alpha((255, 250, 242), 60))
        y -= height * 0.9
        stone_width *= rng.uniform(0.7, 0.8)


def _waves(image, pen, rng, palette, w, h):
    _sun(pen, (rng.uniform(0.25, 0.75) * w, rng.uniform(0.3, 0.4) * h), 0.13 * h, palette.sun)
    colours = [_mix(palette.layers[0], palette.sky_bottom, 0.3), *palette.layers]
    bases = (0.5, 0.58, 0.67, 0.77, 0.88)
    for colour, base in zip(colours, bases):
        crest = []
        phase = rng.uniform(0, 2 * math.pi)
        frequency = rng.uniform(2.0, 3.2)
        amplitude = rng.uniform(0.018, 0.03) * h
        for x in range(0, w + 4, 4):
            t = x / w
            crest.append((x, base * h + amplitude * math.sin(2 * math.pi * frequency * t + phase)
                          + amplitude * 0.5 * math.sin(2 * math.pi * frequency * 2.1 * t + phase * 1.7)))
        pen.polygon(crest + [(w, h), (0, h)], fill=colour)
        # A thin pale line along each crest, like light on water.
        pen.line(crest, fill=_with_alpha((255, 250, 240), 90), width=max(2, round(0.0025 * w)))


PAINTERS = {"hills": _hills, "circles": _circles, "leaves": _leaves, "stones": _stones, "waves": _waves}


def draw(seed, motif=None, palette=None, size=(WIDTH, HEIGHT)):
    """The illustration for ``seed`` as PNG bytes (``size`` pixels, 1600x900 by default)."""
    motif, palette_name = choose(seed, motif, palette)
    palette = PALETTES[palette_name]
    rng = _rng(f"draw:{seed}")
    w, h = size[0] * SCALE, size[1] * SCALE
    image = _gradient((w, h), palette.sky_top, palette.sky_bottom)
    pen = ImageDraw.Draw(image, "RGBA")
    PAINTERS[motif](image, pen, rng, palette, w, h)
    image = image.reduce(SCALE)  # each 2x2 block averaged: smooth edges, quickly
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


# Storing ----------------------------------------------------------------

def illustration(title, seed, motif=None, palette=None, description=None):
    """The ``CustomImage`` called ``title``: found by its title if it exists,
    otherwise drawn from ``seed`` and stored in the root collection with its
    alt text (``description``, or ``describe()``'s) and the credit
    "Generated illustration". Returns ``(image, created)``."""
    image = CustomImage.objects.filter(title=title).first()
    if image is not None:
        return image, False
    data = draw(seed, motif, palette)
    image = CustomImage(
        title=title,
        description=description or describe(seed, motif, palette),
        credit=CREDIT,
        collection=Collection.get_first_root_node(),
        file=ImageFile(io.BytesIO(data), name=filename(seed)),
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),
    )
    image.save()
    return image, True
