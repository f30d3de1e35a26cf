"""Keep database errors' text out of the logs, and their tracebacks in.

A database error's message can quote the row it refused (PostgreSQL's DETAIL line names
the values: an email, a name). Django logs every unhandled error with its traceback, so
this filter swaps such an error for one of the same kind with a neutral message and no
chained cause before it is formatted: the log still shows where it failed, never what.
"""

import logging

from django.db import DatabaseError, InterfaceError

HIDDEN = "(details hidden: database errors can quote patients' data)"


class HideDatabaseErrorText(logging.Filter):
    """Replace the text of a logged database error, keeping its kind and traceback."""

    def filter(self, record):
        kind, error, trace = record.exc_info or (None, None, None)
        if isinstance(error, DatabaseError | InterfaceError):
            try:
                neutral = kind(HIDDEN)
            except Exception:  # a kind that takes other arguments: keep none of them
                neutral = DatabaseError(HIDDEN)
            neutral.__suppress_context__ = True
            record.exc_info = (type(neutral), neutral, trace)
            record.exc_text = None
        return True
