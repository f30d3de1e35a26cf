"""Tools for the translation checks: the Spanish catalogue, and a pseudo-language.

The pseudo-language turns every letter of every catalogue string into an accented
look-alike ("Continue" becomes "Çöñţîñûé"), leaving placeholders and HTML alone. A page
rendered in it shows, as plain ASCII words, exactly the text that never went through a
translation. `visible_text(html)` gives what a reader meets: text, and the attributes a
screen reader or a browser shows, minus what is marked as another language on purpose.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import django
import polib
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES" / "django.po"
DJANGO_CATALOGUES = [
    Path(django.__file__).parent / folder / "locale/es/LC_MESSAGES/django.po"
    for folder in ("conf", "contrib/auth")
]
PSEUDO = "xx"

LOWER = "åƀçďéƒĝĥîĵķľɱñöþʠŕšţûṽŵẋýž"
UPPER = "ÅƁÇĎÉƑĜĤÎĴĶĽṀÑÖÞǪŔŠŢÛṼŴẊÝŽ"
LOOK_ALIKES = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", LOWER + UPPER)
# What a translation must keep as it is: HTML tags, entities, placeholders.
KEPT = re.compile(r"(<[^>]*>|&#?\w+;|%\(\w+\)[sdif]|%[sdif%]|\{\w*\})")


def pseudo(text):
    """`text` with every letter outside tags and placeholders made an accented look-alike."""
    return "".join(
        part if KEPT.fullmatch(part) else part.translate(LOOK_ALIKES) for part in KEPT.split(text)
    )


def pseudo_catalogue(folder):
    """Write a compiled pseudo-language catalogue of the project's and Django's strings
    under `folder` (a LOCALE_PATHS entry); return `folder`."""
    catalogue = polib.POFile()
    catalogue.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    seen = set()
    for source in (CATALOGUE, *DJANGO_CATALOGUES):
        for entry in polib.pofile(str(source)):
            if entry.obsolete or (entry.msgctxt, entry.msgid) in seen:
                continue
            seen.add((entry.msgctxt, entry.msgid))
            copy = polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid)
            if entry.msgid_plural:
                copy.msgid_plural = entry.msgid_plural
                copy.msgstr_plural = {0: pseudo(entry.msgid), 1: pseudo(entry.msgid_plural)}
            else:
                copy.msgstr = pseudo(entry.msgid)
            catalogue.append(copy)
    target = folder / PSEUDO / "LC_MESSAGES"
    target.mkdir(parents=True, exist_ok=True)
    catalogue.save_as_mofile(str(target / "django.mo"))
    return folder


SHOWN_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "aria-description"}
BUTTON_TYPES = {"submit", "button", "reset"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
VOID |= {"track", "wbr"}


class _Reader(HTMLParser):
    """Collects the text a reader meets, in the page's own language only."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, language) of the open elements
        self.page_language = None
        self.texts = []

    @property
    def language(self):
        return self.stack[-1][1] if self.stack else self.page_language

    @property
    def hidden(self):
        return any(tag in ("script", "style", "template") for tag, _ in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        language = attrs.get("lang", self.language)
        if tag == "html":
            self.page_language = language
        if language == self.page_language and not self.hidden:
            self.texts += [value for name, value in attrs.items() if name in SHOWN_ATTRIBUTES]
            if tag == "input" and attrs.get("type") in BUTTON_TYPES and attrs.get("value"):
                self.texts.append(attrs["value"])
            if tag == "meta" and attrs.get("name") == "description":
                self.texts.append(attrs.get("content", ""))
        if tag not in VOID:
            self.stack.append((tag, language))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if data.strip() and not self.hidden and self.language == self.page_language:
            self.texts.append(data.strip())


def visible_text(html):
    """The page's text and shown attributes, leaving out parts marked as another language."""
    reader = _Reader()
    reader.feed(html)
    return reader.texts


ASCII_WORD = re.compile(r"[A-Za-z]{2,}")
NOT_WORDS = re.compile(r"https?://\S+|\S+@\S+|\b[0-9A-Z]{4}(?:-[0-9A-Z]{4})+\b")


def untranslated(html, *, kept=()):
    """The ASCII words of a pseudo-language page: text that was never translated.

    `kept` lists strings that are data, not wording (the clinic's name, a patient's typed
    answers), removed before looking.
    """
    found = []
    for text in visible_text(html):
        for value in sorted(kept, key=len, reverse=True):
            if value:
                text = text.replace(value, " ")
        text = NOT_WORDS.sub(" ", text)
        if ASCII_WORD.search(text):
            found.append(text)
    return found
