"""Placeholder portraits for the demo's example clinicians, drawn with Pillow.

No photograph of anyone and nothing downloaded: a soft background colour
derived from the name, a plain head-and-shoulders silhouette, the initials
and the word EXAMPLE. The same name always gives the same PNG, byte for
byte, so the demo can be rebuilt and compared.
"""

import colorsys
import hashlib
import io

from PIL import Image, ImageDraw, ImageFont

SIZE = 480
SCALE = 2  # drawn at twice the size, then reduced, for smooth edges


def initials(name):
    """'Alex Example' -> 'AE'."""
    return "".join(word[0] for word in name.split()[:2]).upper()


def filename(name):
    return "example-portrait-" + "-".join(name.lower().split()) + ".png"


def _rgb(hue, lightness, saturation):
    return tuple(round(channel * 255) for channel in colorsys.hls_to_rgb(hue, lightness, saturation))


def colours(name):
    """(background, silhouette, lettering) from a hue that the name decides."""
    hue = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:2], "big") / 65536
    return _rgb(hue, 0.87, 0.45), _rgb(hue, 0.33, 0.30), _rgb(hue, 0.97, 0.25)


def draw(name):
    """The portrait of ``name`` as PNG bytes, SIZE x SIZE pixels."""
    size = SIZE * SCALE
    background, figure, lettering = colours(name)
    image = Image.new("RGB", (size, size), background)
    pen = ImageDraw.Draw(image)

    def box(left, top, right, bottom):
        return [round(value * size) for value in (left, top, right, bottom)]

    # Shoulders: the top of a wide ellipse that runs off the bottom edge.
    pen.ellipse(box(0.12, 0.60, 0.88, 1.35), fill=figure)
    # Neck and head.
    pen.rounded_rectangle(box(0.43, 0.48, 0.57, 0.66), radius=round(0.04 * size), fill=figure)
    pen.ellipse(box(0.32, 0.17, 0.68, 0.55), fill=figure)

    pen.text((size // 2, round(0.80 * size)), initials(name), fill=lettering, anchor="mm",
             font=ImageFont.load_default(size=round(0.13 * size)))
    pen.text((size // 2, round(0.92 * size)), "EXAMPLE", fill=lettering, anchor="mm",
             font=ImageFont.load_default(size=round(0.045 * size)))

    image = image.resize((SIZE, SIZE), Image.Resampling.LANCZOS)
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()
