"""`make scan`: run the wapiti3 web vulnerability scanner against Kypho in production mode.

wapiti3 lives in its own virtualenv (.venv-scan). The app is served on 127.0.0.1 only,
the scan is bounded in time, and any finding above informational fails the run. The
scanner signs in as nobody: it sees what an attacker on the internet sees.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ops.server import BASE_DIR, prepare, production_env, serve

PORT = int(os.environ.get("SCAN_PORT", "8767"))
WAPITI = BASE_DIR / ".venv-scan" / "bin" / "wapiti"
REPORT = BASE_DIR / "test-artifacts" / "wapiti.json"
SECONDS = int(os.environ.get("SCAN_SECONDS", "420"))
# wapiti's levels: 1 = informational, 2 = low, 3 = medium, 4 = high.
MAX_LEVEL = 1


def findings(report):
    """[(category, level, path, info)] for every vulnerability and anomaly in the report."""
    found = []
    for section in ("vulnerabilities", "anomalies"):
        for category, items in report.get(section, {}).items():
            found += [
                (category, i.get("level", 0), i.get("path", ""), i.get("info", "")) for i in items
            ]
    return found


def scan(base):
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    command = [
        "timeout",
        str(SECONDS + 120),
        str(WAPITI),
        "-u",
        f"{base}/",
        "--scope",
        "folder",
        "--flush-session",
        "-f",
        "json",
        "-o",
        str(REPORT),
        "--max-scan-time",
        str(SECONDS),
        "--max-attack-time",
        "60",
        "-l",
        "1",
        "--color",
    ]
    subprocess.run(command, check=False, cwd=BASE_DIR)
    if not REPORT.exists():
        raise SystemExit("wapiti wrote no report")
    return json.loads(REPORT.read_text())


def main():
    if not WAPITI.exists():
        raise SystemExit("wapiti is missing: run `make scan`, which installs it.")
    workdir = Path(tempfile.mkdtemp(prefix="kypho-scan-"))
    env = production_env(f"sqlite:///{workdir / 'scan.sqlite3'}")
    prepare(env)
    server = serve(env, PORT)
    try:
        report = scan(f"http://127.0.0.1:{PORT}")
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(workdir, ignore_errors=True)
    found = findings(report)
    for category, level, path, info in found:
        print(f"level {level}  {category}  {path}  {info[:160]}")
    serious = [f for f in found if f[1] > MAX_LEVEL]
    print(f"wapiti: {len(found)} findings, {len(serious)} above informational. Report: {REPORT}")
    sys.exit(1 if serious else 0)


if __name__ == "__main__":
    main()
