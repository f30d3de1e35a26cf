"""The queue's free-text search, kept in the clinician's session, never in a URL.

A search for a name or phone number in a query string would reach access logs, browser
history and the CSV link. So the filter form is POSTed; the search text is kept in the
clinician's own session under an opaque random id, and the queue's URL, its page links and
its CSV link carry only that id with the filters that name nobody (outcome, status,
assignee, location, dates). The session ends with the sign-in, and the searches with it.
"""

import secrets

from django.utils.http import urlencode

SESSION_KEY = "clinic_searches"
PARAM = "search"
KEPT = 20  # the latest searches a session keeps (old tabs' links still work)
MAX_LENGTH = 200  # longer than the form accepts, so the form's own message shows


def remember(session, text):
    """Keep `text` in `session` and return the opaque id that names it."""
    token = secrets.token_urlsafe(9)
    searches = session.get(SESSION_KEY, {})
    searches[token] = text[:MAX_LENGTH]
    session[SESSION_KEY] = dict(list(searches.items())[-KEPT:])
    return token


def recall(session, token):
    """The text kept under `token` in `session`, or None when there is none."""
    return session.get(SESSION_KEY, {}).get(token)


def redirect_query(session, data, names):
    """The queue's query string for POSTed filters: `names` as sent, the text by its id."""
    kept = {name: data.get(name, "") for name in names if data.get(name, "")}
    text = data.get("q", "").strip()
    if text:
        kept[PARAM] = remember(session, text)
    return urlencode(kept)


def filter_data(request):
    """The queue's filters from the query string, with the search text from the session.

    A `q` in the query string is ignored, so no link that names a patient ever works.
    Returns (data, expired), where `expired` says the id named no kept search.
    """
    data = request.GET.copy()
    data.pop("q", None)
    token = data.get(PARAM, "")
    text = recall(request.session, token) if token else None
    if text is not None:
        data["q"] = text
    return data, bool(token) and text is None


def link_query(request):
    """The query string for page and CSV links: the current filters, never the text."""
    query = request.GET.copy()
    for name in ("page", "q"):
        query.pop(name, None)
    return query.urlencode()
