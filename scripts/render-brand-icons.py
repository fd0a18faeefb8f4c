"""Draw the favicon.ico and touch icon from the same shapes as static/brand/favicon.svg.

    .venv/bin/python scripts/render-brand-icons.py

Run after changing the mark; the PNG and ICO it writes are committed.
Pillow draws at eight times the size and reduces, for smooth edges.
"""

from pathlib import Path

from PIL import Image, ImageDraw

BRAND = Path(__file__).resolve().parents[1] / "static" / "brand"
TEAL, WHITE, SUN = (11, 85, 99), (255, 255, 255), (242, 166, 90)


def mark(size, *, square=False):
    """The 64-unit mark at ``size`` pixels; ``square`` fills the corners
    (iOS rounds the touch icon itself)."""
    scale = size * 8 / 64
    big = Image.new("RGBA", (size * 8, size * 8), (0, 0, 0, 0))
    pen = ImageDraw.Draw(big)
    if square:
        pen.rectangle((0, 0, size * 8, size * 8), fill=TEAL)
    else:
        pen.rounded_rectangle((0, 0, size * 8 - 1, size * 8 - 1), radius=14 * scale, fill=TEAL)
    # The arch: a half circle of radius 19 around (32, 45), 6 units wide, round ends.
    r, w = 19 * scale, 6 * scale
    cx, cy = 32 * scale, 45 * scale
    pen.arc((cx - r - w / 2, cy - r - w / 2, cx + r + w / 2, cy + r + w / 2), 180, 360, fill=WHITE, width=round(w))
    for end_x in (cx - r, cx + r):
        pen.ellipse((end_x - w / 2, cy - w / 2, end_x + w / 2, cy + w / 2), fill=WHITE)
    sun = 7.5 * scale
    pen.ellipse((cx - sun, 40 * scale - sun, cx + sun, 40 * scale + sun), fill=SUN)
    return big.resize((size, size), Image.LANCZOS)


def main():
    mark(180, square=True).convert("RGB").save(BRAND / "apple-touch-icon.png", optimize=True)
    mark(64).save(BRAND / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    print(f"Wrote {BRAND / 'apple-touch-icon.png'} and {BRAND / 'favicon.ico'}")


if __name__ == "__main__":
    main()
