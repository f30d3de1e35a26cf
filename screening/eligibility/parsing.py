"""Turning a JSON-style answer record into Answers, strictly, and back again.

Every record the `screen` command reads passes through `parse_record`, so a typo or a
wrong type is refused with a sentence naming the record and the key, never guessed at:
`"5"` is not a pain score, `1` is not `true`, `true` is not `"yes"`, and a key written
twice in one object is refused rather than silently taking its last value (`read_json`
keeps the duplicates for `parse_record` to name). The rules assume what this module
guarantees: every key present, values from the vocabulary, no onset after `as_of`, and
`imaging_result` agreeing with `imaging` (docs/screening-contract.md sections 1 and 4).
Each key's reader is chosen by its kind in the answer registry (`questions.py`).
"""

import json
import re
from datetime import date

from .answers import Answers
from .questions import ANSWER_KEYS, QUESTIONS

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class AnswerError(ValueError):
    """An answer record that breaks the contract, naming the record index and the key."""

    def __init__(self, message, *, key=None, index=None):
        self.index, self.key, self.message = index, key, message
        where = [] if index is None else [f"record {index}"]
        where += [] if key is None else [f"key '{key}'"]
        super().__init__(": ".join([*where, message]))


class _Invalid(Exception):
    """A value that a field reader refuses; parse_record adds the record index and key."""


def _shown(value):
    """Show a refused value the way it was written in JSON, shortened."""
    text = json.dumps(value, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


def _words(values):
    """List the allowed values for an error message."""
    return ", ".join(f"'{value}'" for value in values)


def _boolean(value):
    """Accept only a real JSON true or false."""
    if type(value) is not bool:
        raise _Invalid(f"must be true or false, not {_shown(value)}")
    return value


def _whole_number(low, high):
    """Make a reader accepting only a real JSON whole number from low to high."""

    def read(value):
        if type(value) is not int or not low <= value <= high:
            raise _Invalid(f"must be a whole number from {low} to {high}, not {_shown(value)}")
        return value

    return read


def _choice(values):
    """Make a reader accepting one of `values`."""

    def read(value):
        if not isinstance(value, str) or value not in values:
            words = ""
            if isinstance(value, bool) and "unsure" in values:
                words = " (this answer is a word, not true or false)"
            raise _Invalid(f"must be one of {_words(values)}, not {_shown(value)}{words}")
        return value

    return read


def _subset(values):
    """Make a reader accepting a list of distinct items of `values` (maybe empty)."""

    def read(value):
        if not isinstance(value, list):
            raise _Invalid(f"must be a list of {_words(values)} (or []), not {_shown(value)}")
        for item in value:
            if not isinstance(item, str) or item not in values:
                raise _Invalid(f"lists {_shown(item)}, which is not one of {_words(values)}")
            if value.count(item) > 1:
                raise _Invalid(f"lists '{item}' more than once")
        return tuple(value)

    return read


def _date(value):
    """Accept only a real calendar date written YYYY-MM-DD."""
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _Invalid(f"must be a real date written YYYY-MM-DD, not {_shown(value)}")


def _date_or_null(value):
    """Accept a date written YYYY-MM-DD, or null for "I don't know"."""
    if value is None:
        return None
    try:
        return _date(value)
    except _Invalid:
        raise _Invalid(
            f"must be a real date written YYYY-MM-DD, or null if unknown, not {_shown(value)}"
        ) from None


class JSONObject(dict):
    """A JSON object as read, remembering the keys written in it more than once."""

    duplicates: tuple[str, ...] = ()


def _object(pairs):
    """Build a JSONObject from its (key, value) pairs, noting repeated keys in order."""
    made = JSONObject(pairs)
    keys = [key for key, _value in pairs]
    made.duplicates = tuple(dict.fromkeys(key for key in keys if keys.count(key) > 1))
    return made


def read_json(text: str):
    """Parse JSON text whose objects remember repeated keys (json.loads would keep the last)."""
    return json.loads(text, object_pairs_hook=_object)


def reader_for(question):
    """The function that reads and checks one JSON value of `question`."""
    if question.kind == "date":
        return _date_or_null if question.optional else _date
    if question.kind == "integer":
        return _whole_number(question.low, question.high)
    if question.kind == "choice":
        return _choice(question.values)
    if question.kind == "multi":
        return _subset(question.values)
    return _boolean


READERS = {question.key: reader_for(question) for question in QUESTIONS}


def parse_record(
    record: dict, *, index: int | None = None, today: date | None = None
) -> tuple[Answers, date]:
    """Validate one answer record; return its Answers and its as_of (default `today`)."""
    if not isinstance(record, dict):
        raise AnswerError(f"must be a JSON object, not {_shown(record)}", index=index)
    for key in getattr(record, "duplicates", ()):
        raise AnswerError("is written more than once; give each key once", key=key, index=index)
    _check_keys(record, index)
    as_of = today or date.today()
    if "as_of" in record:
        as_of = _read("as_of", _date, record, index)
    values = {key: _read(key, reader, record, index) for key, reader in READERS.items()}
    answers = Answers(**values)
    _check_dates(answers, as_of, index)
    _check_imaging(answers, index)
    return answers, as_of


def _read(key, reader, record, index):
    """Read one key of a record, naming the record and the key if the value is refused."""
    try:
        return reader(record[key])
    except _Invalid as exc:
        raise AnswerError(str(exc), key=key, index=index) from None


def _check_keys(record, index):
    """Refuse a record missing an answer key or holding a key the contract does not know."""
    for key in ANSWER_KEYS:
        if key not in record:
            raise AnswerError("is missing (every answer key is required)", key=key, index=index)
    for key in record:
        if key not in READERS and key != "as_of":
            raise AnswerError("is not an answer key", key=key, index=index)


def _check_dates(answers, as_of, index):
    """Refuse an onset after `as_of` and a date of birth not before it."""
    onset = answers.pain_onset_date
    if onset is not None and onset > as_of:
        message = f"{onset} is after the evaluation date {as_of}; it cannot be in the future"
        raise AnswerError(message, key="pain_onset_date", index=index)
    if answers.date_of_birth >= as_of:
        message = f"{answers.date_of_birth} must be before the evaluation date {as_of}"
        raise AnswerError(message, key="date_of_birth", index=index)


def _check_imaging(answers, index):
    """Refuse `imaging_result` that disagrees with `imaging` (not_done exactly when no scan)."""
    result, scans = answers.imaging_result, answers.imaging
    if result == "not_done" and scans:
        message = f"is 'not_done' but 'imaging' lists {', '.join(scans)}"
        raise AnswerError(message, key="imaging_result", index=index)
    if result != "not_done" and not scans:
        message = f"is '{result}' but 'imaging' lists no scan; use 'not_done' when there was none"
        raise AnswerError(message, key="imaging_result", index=index)


def answers_to_dict(answers: Answers) -> dict:
    """Return answers as a JSON-friendly record (ISO dates, lists); parse_record's inverse."""
    record = {}
    for key in ANSWER_KEYS:
        value = getattr(answers, key)
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        record[key] = value
    return record
