"""`make audit`: Lighthouse on the pages patients land on, served as in production.

Serves Kypho with gunicorn on 127.0.0.1 with debug off, hashed and compressed static
files from collectstatic (WhiteNoise) and a throwaway SQLite database, then runs
Lighthouse (mobile, its default) on the home page, a topic page and the first
questionnaire step, in English and in Spanish. Prints the four category scores of each
and exits non-zero if any is below MIN_SCORE. JSON reports go to test-artifacts/lighthouse/.
"""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ops.client import patient_cookie
from ops.server import BASE_DIR, free_port, prepare, production_env, serve

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
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    env = production_env(f"sqlite:///{workdir / 'audit.sqlite3'}", CHROME_PATH=chrome)
    prepare(env)
    os.environ["CHROME_PATH"] = env["CHROME_PATH"]
    server = serve(env, PORT)
    try:
        pages = {}
        for prefix, suffix in (("", ""), ("/es", "-es")):
            pages |= {
                f"home{suffix}": (f"{BASE}{prefix}/", None),
                f"topic{suffix}": (f"{BASE}{prefix}/learn/what-is-kyphoplasty/", None),
                f"questionnaire-step-1{suffix}": (
                    # the first page: a red-flag question
                    f"{BASE}{prefix}/screening/step/leg-symptoms/",
                    {"Cookie": patient_cookie(BASE)},
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
