"""Public submission references, made and read so they cannot be misread.

A reference is 12 characters of Crockford's base32 in three groups of four
(`K7F3-9QXM-2ABD`): digits and capital letters without I, L, O and U, so no two
characters look or sound alike over the phone. Reading one back follows Crockford's
decoding rules: any case, dashes and spaces ignored, O read as 0, I and L read as 1.
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUP, GROUPS = 4, 3
LENGTH = GROUP * GROUPS
LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
SEPARATORS = re.compile(r"[\s\-]+")


def new_reference():
    """An unguessable public reference such as `K7F3-9QXM-2ABD` (60 random bits)."""
    return grouped("".join(secrets.choice(ALPHABET) for _ in range(LENGTH)))


def grouped(raw):
    """`raw` characters in groups of four joined by dashes."""
    return "-".join(raw[i : i + GROUP] for i in range(0, len(raw), GROUP))


def canonical(text):
    """The reference `text` was typed for, as stored (`K7F3-9QXM-2ABD`), or None.

    `k7f3 9qxm 2abd`, `K7F39QXM2ABD` and `K7F3-9QXM-2ABO` all give `K7F3-9QXM-2AB0`.
    """
    raw = SEPARATORS.sub("", text).upper().translate(LOOK_ALIKES)
    if len(raw) != LENGTH or any(char not in ALPHABET for char in raw):
        return None
    return grouped(raw)


def spoken(reference):
    """The reference as a screen reader should say it: one character at a time, with a
    pause between groups (`K 7 F 3, 9 Q X M, 2 A B D`)."""
    return ", ".join(" ".join(group) for group in reference.split("-"))
