"""`make bench`: serve Kypho in production mode and measure it against the stack's ceiling.

Runs gunicorn (2 workers) on 127.0.0.1 against PostgreSQL and Redis, drives it with wrk
(bounded runs, loopback only), and compares every page with `/bench/bare`, a fixed short
response through the same settings and middleware. Writes docs/performance.md.
"""

import os
import secrets
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from bench import client, report
from ops.client import clinician_cookie, patient_cookie
from ops.server import manage, prepare, production_env, serve

BASE_DIR = Path(__file__).resolve().parent.parent

SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
PORT = int(os.environ.get("BENCH_PORT", "8765"))
SIZES = (1_000, 100_000)
DB_NAME = os.environ.get("BENCH_DB", "kypho_bench")
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PASSWORD = "bench-" + secrets.token_urlsafe(12)


def bench_env():
    return production_env(
        f"{PG}/{DB_NAME}",
        DJANGO_SETTINGS_MODULE="bench.settings",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"),
        SUBMISSION_RATE_LIMIT="1000000000",
        QUESTIONNAIRE_START_LIMIT="1000000000",
        QUESTIONNAIRE_RATE_LIMIT="1000000000",
        CLINIC_NOTIFY_EMAIL="",
        CLINICIAN_PASSWORD=PASSWORD,
    )


def prepare_database(env):
    """A fresh database with the content, a clinician and the first 1,000 rows."""
    postgres = ["-h", "127.0.0.1", "-U", "postgres", DB_NAME]
    subprocess.run(["dropdb", "--if-exists", *postgres], check=True)
    subprocess.run(["createdb", *postgres], check=True)
    subprocess.run(
        ["redis-cli", "-u", env["REDIS_URL"], "FLUSHDB"], check=True, capture_output=True
    )
    prepare(env)
    manage(env, "createclinician", "bench-clinician", "--no-input")
    manage(env, "load_synthetic", "--count", str(SIZES[0]))


def measure_pages(base, cookies):
    """wrk figures for each page that every run measures."""
    pages = {
        "bare view (ceiling)": ("/bench/bare", None),
        "home page": ("/", None),
        "topic page": ("/learn/what-is-kyphoplasty/", None),
        "questionnaire step 1 (GET)": (
            client.PAGE_PATHS["questionnaire step 1"],
            cookies["patient"],
        ),
    }
    return {
        name: client.wrk(f"{base}{path}", cookie, SECONDS, CONNECTIONS)
        for name, (path, cookie) in pages.items()
    }


def measure_clinic(base, cookie, reference):
    return {
        "queue": client.wrk(f"{base}/clinic/", cookie, SECONDS, CONNECTIONS),
        "submission page": client.wrk(
            f"{base}/clinic/submissions/{reference}/", cookie, SECONDS, CONNECTIONS
        ),
    }


def main():
    env = bench_env()
    os.environ.update(env)
    prepare_database(env)
    base = f"http://127.0.0.1:{PORT}"
    server = serve(env, PORT)
    try:
        cookies = {
            "patient": patient_cookie(base),
            "clinician": clinician_cookie(base, "bench-clinician", PASSWORD),
        }
        from bench import queries  # sets Django up with the bench environment

        reference = queries.oldest_reference()
        pages = measure_pages(base, cookies)
        submissions = client.submissions(base, seconds=SECONDS, clients=CONNECTIONS)
        submissions["rows_added"] = queries.row_count() - SIZES[0]
        clinic = {SIZES[0]: measure_clinic(base, cookies["clinician"], reference)}
        counts = {SIZES[0]: queries.page_query_counts(reference)}
        manage(env, "load_synthetic", "--count", str(SIZES[1] - queries.row_count()))
        clinic[SIZES[1]] = measure_clinic(base, cookies["clinician"], reference)
        counts[SIZES[1]] = queries.page_query_counts(reference)
        weights = client.page_weights(base, cookies["patient"])
    finally:
        server.terminate()
        server.wait(timeout=20)
    text = report.render(
        pages=pages,
        submissions=submissions,
        clinic=clinic,
        counts=counts,
        weights=weights,
        sizes=SIZES,
        cores=os.cpu_count(),
        today=date.today(),
        seconds=SECONDS,
        connections=CONNECTIONS,
    )
    (BASE_DIR / "docs").mkdir(exist_ok=True)
    (BASE_DIR / "docs" / "performance.md").write_text(text)
    print(text)
    if any(
        figures["errors"]
        for figures in [*pages.values(), *clinic[SIZES[0]].values(), *clinic[SIZES[1]].values()]
    ):
        print("Error responses under load: see the table above.", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    started = time.monotonic()
    main()
    print(f"Benchmark took {time.monotonic() - started:.0f} s.")
