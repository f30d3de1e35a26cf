"""Words for the patient that the site can show in the patient's language.

The engine and the answer registry are pure Python, so they mark their patient words
rather than translate them: `gettext_noop` (a question's wording, an answer's label) and
`say` / `say_plural` (a finding's sentences, with the numbers they hold). `makemessages`
finds these names as it finds Django's, so every marked sentence is in the catalogue;
the questionnaire and the result page translate them when they show them.
"""

from dataclasses import dataclass

# A patient sentence is a marked message (English as written, translated where shown),
# its plural when a number changes the wording, that number, and the values it holds.
Sentence = tuple[str, str, int | None, tuple[tuple[str, object], ...]]


def gettext_noop(message: str) -> str:
    """Mark `message` for the translation catalogue and return it as written.

    The engine imports nothing outside itself, so it does not translate: it marks words
    (`makemessages` finds this name, as it finds Django's), and the site shows them in the
    patient's language.
    """
    return message


@dataclass(frozen=True)
class Words:
    """Words for the patient, as sentences the site can show in the patient's language.

    `str(words)` is the English; `translated(gettext, ngettext)` the same sentences in the
    language those functions translate to. `say` and `say_plural` make them; `+` joins.
    """

    sentences: tuple[Sentence, ...]

    def __str__(self) -> str:
        return self.translated(as_written, _as_written_plural)

    def __add__(self, other: "Words") -> "Words":
        return Words(self.sentences + other.sentences)

    def translated(self, gettext, ngettext) -> str:
        """The sentences through `gettext` (and `ngettext` for a number), joined by spaces."""
        texts = []
        for message, plural, count, values in self.sentences:
            text = ngettext(message, plural, count) if plural else gettext(message)
            texts.append(text % dict(values) if values else text)
        return " ".join(texts)

    def to_list(self) -> list[dict]:
        """The sentences as JSON-friendly dicts (what a submission stores)."""
        return [
            {"message": message, "plural": plural, "count": count, "values": dict(values)}
            for message, plural, count, values in self.sentences
        ]

    @classmethod
    def from_list(cls, stored: list[dict]) -> "Words":
        return cls(
            tuple(
                (s["message"], s["plural"], s["count"], tuple(sorted(s["values"].items())))
                for s in stored
            )
        )


def say(message: str, **values) -> Words:
    """One marked sentence for the patient, with the values its placeholders name."""
    return Words(((message, "", None, tuple(sorted(values.items()))),))


def say_plural(singular: str, plural: str, count: int, **values) -> Words:
    """One marked sentence whose wording follows `count` ("1 week", "6 weeks")."""
    values = {"count": count, **values}
    return Words(((singular, plural, count, tuple(sorted(values.items()))),))


def as_written(message):
    """No translation: the words as written (English)."""
    return message


def _as_written_plural(singular, plural, count):
    return singular if count == 1 else plural
