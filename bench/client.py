"""HTTP for the benchmark: sign-in cookies, wrk runs, scripted submissions, page weights."""

import http.cookiejar
import re
import statistics
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from tests.screening.journey import patient_steps


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

    def cookie_header(self):
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def wait_until_up(port, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer on port {port}")


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


def wrk(url, cookie, seconds, connections):
    """Run wrk against one URL; requests/s, p50/p99 in ms, and non-2xx/3xx responses."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=seconds + 60
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": to_ms(re.search(r"\s50%\s+([\d.]+\w+)", out).group(1)),
        "p99": to_ms(re.search(r"\s99%\s+([\d.]+\w+)", out).group(1)),
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def one_patient(base, latencies, statuses):
    """A whole questionnaire, step by step; the time of the final send is recorded."""
    browser = Browser(base)
    browser.get("/screening/")
    browser.post("/screening/", {})
    for slug, data in patient_steps().items():
        browser.post(f"/screening/step/{slug}/", data)
    started = time.perf_counter()
    status = browser.post("/screening/check/", {})
    latencies.append((time.perf_counter() - started) * 1000)
    statuses.append(status)


def submissions(base, *, seconds, clients):
    """`clients` scripted patients submitting for `seconds`; rate and final-step latency."""
    latencies, statuses = [], []
    deadline = time.monotonic() + seconds

    def loop():
        while time.monotonic() < deadline:
            one_patient(base, latencies, statuses)

    threads = [threading.Thread(target=loop) for _ in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    ok = sum(status == 302 for status in statuses)
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
    return {
        "per_second": ok / elapsed,
        "ok": ok,
        "errors": len(statuses) - ok,
        "p50": cuts[49],
        "p99": cuts[98],
        "clients": clients,
    }


PAGE_PATHS = {
    "home page": "/",
    "topic page": "/learn/what-is-kyphoplasty/",
    "questionnaire start": "/screening/",
    "questionnaire step 1": "/screening/step/pain/",
}


def page_weights(base, cookie):
    """Bytes transferred (compressed where the server compresses) for each public page."""
    browser = Browser(base)
    weights = {}
    for name, path in PAGE_PATHS.items():
        headers = {"Accept-Encoding": "br, gzip", "Cookie": cookie}
        _status, html, _headers = browser.get(path, headers)
        page = html.decode()
        assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', page)
        total = len(html) + sum(
            len(browser.get(a, {"Accept-Encoding": "br, gzip"})[1]) for a in assets
        )
        head = page[: page.index("</head>")]
        blocking = len(re.findall(r'<link rel="stylesheet"', head)) + len(
            re.findall(r"<script(?![^>]*\b(?:defer|async)\b)[^>]*src=", head)
        )
        weights[name] = {"bytes": total, "requests": 1 + len(assets), "blocking": blocking}
    return weights
