"""Every patient sentence is translated, and the Spanish catalogue is whole and current.

Three checks a new string cannot slip past:
- every patient page rendered in a pseudo-language (tests/translations.py) shows no
  text that stayed as typed in the code: each one went through a translation;
- `makemessages` run on a copy of the project would not change the catalogue, so no
  marked string is missing from it and none is left over;
- every entry of the Spanish catalogue has its Spanish, and none is fuzzy.
"""

import re
import subprocess
import sys

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from screening.demo import PATIENT
from tests.checkout import bare_environment, project_copy
from tests.screening.journey import begin, complete, patient_steps, post_step, step_url
from tests.translations import CATALOGUE, PSEUDO, pseudo_catalogue, untranslated


def entries(path):
    """{(context, msgid): (plural, msgstr, plural forms, fuzzy)} of a catalogue."""
    return {
        (entry.msgctxt, entry.msgid): (
            entry.msgid_plural,
            entry.msgstr,
            tuple(sorted(entry.msgstr_plural.items())),
            entry.fuzzy,
        )
        for entry in polib.pofile(str(path))
        if not entry.obsolete
    }


def test_every_spanish_entry_is_translated_and_none_is_fuzzy():
    catalogue = polib.pofile(str(CATALOGUE))
    forms = int(re.search(r"nplurals=(\d)", catalogue.metadata["Plural-Forms"])[1])
    missing = [
        entry.msgid
        for entry in catalogue
        if not entry.translated()
        or (entry.msgid_plural and len([f for f in entry.msgstr_plural.values() if f]) < forms)
    ]
    fuzzy = [entry.msgid for entry in catalogue if entry.fuzzy]
    assert not missing, f"{len(missing)} entries have no Spanish: {missing[:20]}"
    assert not fuzzy, f"{len(fuzzy)} entries are fuzzy: {fuzzy[:20]}"
    assert len(catalogue) > 0


def test_makemessages_would_not_change_the_catalogue(tmp_path):
    copy = project_copy(tmp_path / "project")
    env = bare_environment(DJANGO_DEBUG="true", PYTHONPATH=str(copy))
    run = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "es"],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    before = entries(CATALOGUE)
    after = entries(copy / CATALOGUE.relative_to(settings.BASE_DIR))
    added = sorted(str(key) for key in after.keys() - before.keys())
    removed = sorted(str(key) for key in before.keys() - after.keys())
    assert not added, f"Marked but not in the catalogue (run make messages): {added[:20]}"
    assert not removed, f"In the catalogue but no longer marked: {removed[:20]}"
    assert after == before


# --- Every patient page in the pseudo-language --------------------------------------

# What the patient typed in the demo answers: shown back to them as typed.
TYPED = ("full_name", "phone", "email", "helper_name", "helper_relationship", "helper_phone")
KEPT = [PATIENT[key] for key in TYPED]


@pytest.fixture
def pseudo_language(settings, tmp_path):
    """Patient pages served at /xx/... in the pseudo-language."""
    folder = pseudo_catalogue(tmp_path / "locale")
    settings.LANGUAGES = [*settings.LANGUAGES, (PSEUDO, "Pseudo")]
    settings.LOCALE_PATHS = [folder, *settings.LOCALE_PATHS]
    with translation.override(PSEUDO):
        yield
    translation.trans_real._translations = {}


@pytest.fixture
def kept(settings):
    """Data shown on pages that is not wording: the clinic's name and phone, typed answers,
    and the clinic's own words from settings (their Spanish twins are settings too, checked
    in tests/test_clinic_words.py; a pseudo-language has none)."""
    clinic_words = [settings.CLINIC_EMERGENCY_MESSAGE, settings.CLINIC_RESPONSE_TIME_TEXT]
    return [settings.CLINIC_NAME, settings.CLINIC_PHONE, *clinic_words, *KEPT]


def assert_translated(response, kept, page):
    html = response.content.decode()
    assert f'lang="{PSEUDO}"' in html, page
    found = untranslated(html, kept=kept)
    assert not found, f"{page}: text not marked for translation: {found}"


EDUCATION_PAGES = ["education:home", "education:topic-list", "education:contact"]


@pytest.mark.parametrize("name", EDUCATION_PAGES)
def test_education_pages_are_all_translated(pseudo_language, kept, topics, client, name):
    assert_translated(client.get(reverse(name)), kept, name)


def test_every_topic_page_is_all_translated(pseudo_language, kept, topics, client):
    """The page around a topic is translated; the topic itself, with no row in the
    pseudo-language, is English marked as such (its title and summary also name the page
    in the head, where no `lang` can mark them)."""
    for topic in topics.filter(language="en"):
        url = reverse("education:topic-detail", kwargs={"slug": topic.slug})
        page = client.get(url)
        assert 'lang="en"' in page.content.decode(), url
        assert_translated(page, [*kept, topic.title, topic.summary], url)


# Pages whose every answer is optional: sent empty, they move on instead of showing errors.
MAY_BE_LEFT_EMPTY = {"anything-else"}


def test_every_question_page_and_its_errors_are_all_translated(pseudo_language, kept, db):
    steps = patient_steps(for_someone_else="yes")
    client = Client()
    begin(client)
    for slug, data in steps.items():
        url = step_url(slug)
        assert_translated(client.get(url), kept, url)
        nothing = post_step(client, url, {})
        if slug in MAY_BE_LEFT_EMPTY:
            assert nothing.status_code == 302, url
        else:
            assert_translated(nothing, kept, f"{url} (nothing answered)")
        assert post_step(client, url, data).status_code == 302, url
    assert_translated(client.get(reverse("screening:check")), kept, "check page")
    result = client.get(post_step(client, reverse("screening:check"))["Location"])
    kept = [*kept, result.context["submission"].reference]
    assert_translated(result, kept, "result page")


def test_the_urgent_advice_is_all_translated(pseudo_language, kept, db):
    client = Client()
    steps = patient_steps(bladder_bowel_changes="yes")
    begin(client)
    for slug in ("leg-symptoms", "bladder-bowel"):
        response = post_step(client, step_url(slug), steps[slug])
    advice = client.get(response["Location"])
    assert "urgent" in advice.templates[0].name, advice.templates[0].name
    assert_translated(advice, kept, "urgent advice")


def test_the_pages_around_the_questions_are_all_translated(pseudo_language, kept, db):
    client = Client()
    assert_translated(client.get(reverse("screening:start")), kept, "start page")
    assert_translated(client.get(reverse("screening:session-expired")), kept, "expired")
    complete(client, patient_steps())
    assert_translated(client.get(reverse("screening:start-again")), kept, "start again")
    gone = client.get(reverse("screening:result", kwargs={"reference": "0000-0000-0000"}))
    assert_translated(gone, kept, "result gone")


def test_the_error_pages_are_all_translated(pseudo_language, kept, db):
    client = Client()
    assert_translated(client.get(f"/{PSEUDO}/no-such-page/"), kept, "404")
    refused = Client(enforce_csrf_checks=True).post(reverse("screening:start"))
    assert refused.status_code == 403
    assert_translated(refused, kept, "CSRF")


def test_the_busy_page_is_all_translated(pseudo_language, kept, client, settings, db):
    settings.SUBMISSION_RATE_LIMIT = 0
    complete(client, patient_steps())
    busy = post_step(client, reverse("screening:check"))
    assert busy.status_code == 429
    assert_translated(busy, kept, "429")


def test_the_outage_page_is_all_translated(pseudo_language, kept, client, db, database_down):
    outage = client.get(reverse("education:topic-list"))
    assert outage.status_code == 503
    assert_translated(outage, kept, "503")
