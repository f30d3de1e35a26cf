"""`make audit`: Lighthouse on the pages patients land on, served as in production.

Serves Kypho with gunicorn on 127.0.0.1 with debug off, hashed and compressed static
files from collectstatic (WhiteNoise) and a throwaway SQLite database, then runs
Lighthouse (mobile, its default) on the home page, a topic page and the first
questionnaire step. Prints the four category scores of each and exits non-zero if any
is below MIN_SCORE. JSON reports go to test-artifacts/lighthouse/.
"""

import http.cookiejar
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def free_port():
    """A port nobody listens on now, so two audits on one machine never meet."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


PORT = int(os.environ.get("AUDIT_PORT") or free_port())
BASE = f"http://127.0.0.1:{PORT}"
MIN_SCORE = 95
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE = BASE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
REPORTS = BASE_DIR / "test-artifacts" / "lighthouse"
# Lighthouse now and then fails to record a trace (NO_NAVSTART); a rerun succeeds.
ATTEMPTS = 3


def production_env(database):
    """Production settings, but plain HTTP on loopback and a throwaway database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_SECURE_COOKIES="false",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"sqlite:///{database}",
        CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"),
    )
    return env


def prepare(env):
    for args in (
        ("migrate", "--noinput", "-v0"),
        ("createcachetable",),
        ("load_education",),
        ("collectstatic", "--noinput", "-v0"),
    ):
        subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)


def serve(env):
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    command = [gunicorn, "kypho.wsgi:application", "--workers", "2"]
    command += ["--bind", f"127.0.0.1:{PORT}", "--no-control-socket", "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=BASE_DIR, env=env)
    for _ in range(100):
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped (exit {process.returncode}); is {PORT} taken?")
        try:
            urllib.request.urlopen(f"{BASE}/healthz", timeout=1)
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"gunicorn did not answer on {BASE}")


def questionnaire_cookie():
    """Press "Start now" as a browser would; return the Cookie header of that session."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{BASE}/screening/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token}).encode()
    request = urllib.request.Request(f"{BASE}/screening/", data=data, headers={"Referer": BASE})
    opener.open(request).read()
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


def lighthouse(name, url, headers=None):
    """Run Lighthouse on one URL; return {category: score out of 100}."""
    report = REPORTS / f"{name}.json"
    command = [str(LIGHTHOUSE), url, f"--chrome-flags={CHROME_FLAGS}", "--quiet"]
    command += [f"--only-categories={','.join(CATEGORIES)}", "--output=json"]
    command += [f"--output-path={report}"]
    if headers:
        command.append(f"--extra-headers={json.dumps(headers)}")
    for attempt in range(1, ATTEMPTS + 1):
        report.unlink(missing_ok=True)
        if subprocess.run(command, cwd=BASE_DIR, check=False, timeout=180).returncode == 0:
            break
        print(f"Lighthouse failed on {name} (attempt {attempt} of {ATTEMPTS}).", flush=True)
    else:
        raise SystemExit(f"Lighthouse could not audit {url}.")
    result = json.loads(report.read_text())
    return {key: round(100 * (result["categories"][key]["score"] or 0)) for key in CATEGORIES}


def main():
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `npm ci` (make audit does).")
    REPORTS.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="kypho-audit-"))
    env = production_env(workdir / "audit.sqlite3")
    prepare(env)
    os.environ["CHROME_PATH"] = env["CHROME_PATH"]
    server = serve(env)
    try:
        pages = {
            "home": (f"{BASE}/", None),
            "topic": (f"{BASE}/learn/what-is-kyphoplasty/", None),
            "questionnaire-step-1": (
                f"{BASE}/screening/step/pain/",
                {"Cookie": questionnaire_cookie()},
            ),
        }
        scores = {name: lighthouse(name, url, headers) for name, (url, headers) in pages.items()}
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"{'page':<22}" + "".join(f"{key:>16}" for key in CATEGORIES))
    for name, row in scores.items():
        print(f"{name:<22}" + "".join(f"{row[key]:>16}" for key in CATEGORIES))
    low = [
        (name, key, s) for name, row in scores.items() for key, s in row.items() if s < MIN_SCORE
    ]
    if low:
        raise SystemExit(f"Below {MIN_SCORE}: {low}. Reports in {REPORTS}.")
    print(f"Every score is at least {MIN_SCORE}.")


if __name__ == "__main__":
    main()
