"""A cookie-keeping HTTP client that posts forms with their CSRF token, as a browser does.

Used against a server on loopback by the audit, the benchmark and the two-process tests.
"""

import html
import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

HIDDEN_INPUT = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A cookie-keeping client that posts forms with their CSRF token, as a browser does."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        handlers = (urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)
        self.opener = urllib.request.build_opener(*handlers)

    def get(self, path, headers=None):
        request = urllib.request.Request(f"{self.base}{path}", headers=headers or {})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read(), dict(error.headers)

    def post(self, path, data):
        token = next((c.value for c in self.jar if c.name == "csrftoken"), "")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True)
        try:
            with self.opener.open(f"{self.base}{path}", body.encode(), timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def hidden_fields(self, path):
        """The hidden inputs of the page at `path` (a questionnaire page's key, say)."""
        _status, body, _headers = self.get(path)
        found = HIDDEN_INPUT.findall(body.decode(errors="replace"))
        return {name: html.unescape(value) for name, value in found}

    def submit(self, path, data):
        """Open the page at `path` and post its form with `data` and its hidden fields."""
        return self.post(path, {**self.hidden_fields(path), **data})

    def cookie_header(self):
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def patient_cookie(base):
    """A session that has started the questionnaire (so step 1 can be fetched)."""
    browser = Browser(base)
    browser.get("/screening/")
    assert browser.post("/screening/", {}) == 302
    return browser.cookie_header()


def clinician_cookie(base, username, password):
    browser = Browser(base)
    browser.get("/clinic/sign-in/")
    status = browser.post("/clinic/sign-in/", {"username": username, "password": password})
    assert status == 302, f"sign-in failed ({status})"
    return browser.cookie_header()
