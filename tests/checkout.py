"""A copy of the project in a temporary folder, run the way a clinic runs it.

Tests that need their own `.env` beside manage.py, their own collected static files or
their own database work on a copy, so they never touch the developer's files.
"""

import os
import shutil
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PARTS = ("manage.py", "gunicorn.conf.py", "kypho", "education", "screening", "clinic")
PARTS += ("templates", "static", "locale")
# The development .env that `make` wrote into every checkout before debug left the file.
MAKE_WRITTEN_ENV = (
    "# Development settings made by make; see .env.example for all of them.\nDJANGO_DEBUG=true\n"
)


def project_copy(folder, *, env_file=MAKE_WRITTEN_ENV):
    """Copy the code into `folder` (with `env_file` as its .env, when given); return it."""
    folder.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__")
    for name in PARTS:
        source = BASE_DIR / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=ignore)
        elif source.exists():
            shutil.copy2(source, folder / name)
    if env_file is not None:
        (folder / ".env").write_text(env_file)
    return folder


def bare_environment(**overrides):
    """This process's environment without any of Kypho's settings, plus `overrides`."""
    prefixes = ("DJANGO_", "DATABASE_URL", "REDIS_URL", "CACHE_KEY_PREFIX")
    env = {k: v for k, v in os.environ.items() if not k.startswith(prefixes)}
    return {**env, **overrides}
