"""gunicorn's access log records paths and statuses, never what tells an answer apart."""

import re
import runpy

from tests.checkout import BASE_DIR

CONFIG = runpy.run_path(str(BASE_DIR / "gunicorn.conf.py"))


def test_the_access_log_keeps_no_response_size_query_or_referrer():
    fields = set(re.findall(r"%\((\w+)\)s", CONFIG["access_log_format"]))
    # b, B: the response's size (the urgent advice is shorter than a question page);
    # q, r: the query string or the whole request line; f: the referrer, another URL.
    assert fields.isdisjoint({"b", "B", "q", "r", "f"})
    assert {"U", "s", "m"} <= fields  # still says what was asked for and what came of it
