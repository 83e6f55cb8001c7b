"""Receipt photos: the perceptual hash that finds the same picture sent twice, and the scaled-down copy that is read
when a phone photo is larger than the reader takes. Pure (Pillow, no env).

The hash is a difference hash (dHash): the image in grey at 9x8 pixels, one bit per pair of neighbours (is the left
one brighter). A copy of a receipt re-saved, scaled or recompressed differs in a few bits (at most 4 on the shared
receipts scaled to half as JPEG after Odoo's own resizing); two different receipts in 24 to 28 of the 64.
"""

import io

from PIL import Image, ImageOps, UnidentifiedImageError

HASH_BITS = 64
# Hamming distance at or below which two receipt images are the same picture.
SAME_IMAGE_DISTANCE = 10
# The longest side a receipt photo is read at: more adds nothing to OCR and costs seconds.
READ_MAX_SIDE = 2400
# Pillow's decompression-bomb guard stays on; receipts beyond this many pixels are refused, not read.
MAX_PIXELS = 120_000_000


class NotAnImage(Exception):
    """The bytes are not an image Pillow can open (damaged, or another format)."""


def _open(content):
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        image = Image.open(io.BytesIO(content))
        image.load()
        if image.mode in ("P", "PA", "LA", "RGBA"):
            image = image.convert("RGBA")  # a palette's transparency kept before the grey conversion
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise NotAnImage(str(exc) or exc.__class__.__name__) from exc
    return image


def dhash(content):
    """The 64-bit difference hash of an image's bytes, as 16 hex digits. Raises NotAnImage.

    A receipt is mostly blank paper, where neighbours differ by noise: the picture is first stretched to full
    contrast and cut to its printed part (the white margins away), so a rescaled or recompressed copy (Odoo itself
    resizes uploads to 1920 px) keeps its bits."""
    image = ImageOps.autocontrast(_open(content).convert("L"))
    box = ImageOps.invert(image).point(lambda p: 255 if p > 64 else 0).getbbox()
    if box:
        image = image.crop(box)
    image = image.resize((9, 8), Image.Resampling.LANCZOS)
    pixels = list(image.getdata())
    bits = 0
    for row in range(8):
        for col in range(8):
            bits = (bits << 1) | (pixels[row * 9 + col] > pixels[row * 9 + col + 1])
    return "%016x" % bits


def hamming(left, right):
    """Bits differing between two hashes (hex strings); HASH_BITS when either is missing."""
    if not left or not right:
        return HASH_BITS
    return bin(int(left, 16) ^ int(right, 16)).count("1")


def shrunk(content, max_side=READ_MAX_SIDE):
    """The image in grey, its longest side at most ``max_side``, as PNG bytes (what OCR reads). Raises NotAnImage."""
    image = _open(content).convert("L")
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
