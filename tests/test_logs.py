"""Logged database errors keep their kind and traceback but never their text."""

import logging
import sys

from django.db import IntegrityError

from kypho.logs import HideDatabaseErrorText


def logged(error):
    """The log line for `error` raised and logged with its traceback, as Django logs a 500."""
    try:
        raise error
    except Exception:
        record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "boom", (), None)
        record.exc_info = sys.exc_info()
    HideDatabaseErrorText().filter(record)
    return logging.Formatter().format(record)


def test_a_database_errors_text_is_hidden_but_its_kind_and_place_are_kept():
    line = logged(IntegrityError("Key (email)=(zelda@example.org) already exists."))
    assert "zelda@example.org" not in line
    assert "IntegrityError" in line
    assert "in logged" in line  # the traceback


def test_other_errors_are_logged_as_they_are():
    assert "Plain trouble" in logged(ValueError("Plain trouble"))
