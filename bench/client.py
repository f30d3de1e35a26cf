"""Load for the benchmark: wrk runs, scripted submissions, page weights."""

import re
import statistics
import subprocess
import threading
import time

from ops.client import Browser
from screening.demo import STEP_SLUGS, patient_steps


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
        browser.submit(f"/screening/step/{slug}/", data)
    fields = browser.hidden_fields("/screening/check/")
    started = time.perf_counter()
    status = browser.post("/screening/check/", fields)
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
    "questionnaire step 1": f"/screening/step/{STEP_SLUGS[0]}/",
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
