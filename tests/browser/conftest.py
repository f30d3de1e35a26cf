"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Playwright cannot download its own browser here, so it drives /usr/bin/chromium
(`apt-get install chromium`; `.ci/run` does it). The sync API keeps an event loop in
the test's thread, so Django must be told that ORM calls from the test are fine.
"""

import importlib
import os
import shutil

import pytest
from django.apps import apps

from tests.browser.quality import (
    CLINICIAN_TARGET_PX,
    PATIENT_TARGET_PX,
    PageChecker,
    require_npm_tools,
)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PHONE = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}


@pytest.fixture(scope="session", autouse=True)
def orm_beside_playwright():
    """Playwright's sync API runs an event loop in this thread; let the ORM run anyway."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, headless, with nothing that phones home."""
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (or run make browser)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    return {**browser_context_args, "base_url": live_server.url}


@pytest.fixture(autouse=True)
def site(settings, topics):
    """The shipped education content, and no rate limit in the way of many journeys."""
    require_npm_tools()
    settings.SUBMISSION_RATE_LIMIT = 1000
    settings.QUESTIONNAIRE_START_LIMIT = 10_000
    settings.QUESTIONNAIRE_RATE_LIMIT = 10_000
    return topics


@pytest.fixture
def patient_page(new_context, request):
    """A 360 x 740 touch phone, and the checks of every page it shows."""
    page = new_context(**PHONE).new_page()
    page.checker = PageChecker(page, folder=request.node.name, min_target_px=PATIENT_TARGET_PX)
    return page


@pytest.fixture
def clinician_page(new_context, request):
    """A desktop browser, and the checks of every page it shows."""
    page = new_context(**DESKTOP).new_page()
    page.checker = PageChecker(page, folder=request.node.name, min_target_px=CLINICIAN_TARGET_PX)
    return page


@pytest.fixture
def clinicians_group():
    """The Clinicians group, made as its migration makes it: a browser test that ran
    before may have flushed it, and serialized rollback does not bring it back."""
    migration = importlib.import_module("clinic.migrations.0002_clinicians_group")
    migration.create_group(apps, None)
