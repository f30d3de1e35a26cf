"""The 2027.01 data migration on rows stored under 2026.11, on the real schema.

Rows are written with the models of migration 0004 (booleans), the migration runs, and
the same rows are read back: their tri-state answers are words, and nothing else moved
(outcome, findings, texts, ruleset). Going back restores the booleans.
"""

import importlib
import uuid
from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from screening.eligibility import QUESTIONS_BY_KEY

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("screening", "0004_helper_and_note")]
AFTER = [("screening", "0005_ruleset_2027_01_answers")]
MIGRATION = importlib.import_module("screening.migrations.0005_ruleset_2027_01_answers")
TRI_STATE_KEYS = MIGRATION.TRI_STATE_KEYS
STORED_FINDINGS = [
    {
        "id": "cancer",
        "effect": "review",
        "patient_text": "You have had cancer. A doctor will keep this in mind.",
        "clinician_text": "cancer_history=true: consider a pathological fracture.",
    }
]


def migrate(targets):
    """Move the test database to `targets`; return the historical apps there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.fixture
def at_2026_11():
    """The database at migration 0004; put back at the newest migration afterwards."""
    apps = migrate(BEFORE)
    yield apps
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def old_row(apps, **answers):
    """A submission as 2026.11 stored it: booleans for the medical yes/no answers."""
    submission = apps.get_model("screening", "Submission")
    values = dict.fromkeys(TRI_STATE_KEYS, False) | answers
    return submission.objects.create(
        idempotency_key=uuid.uuid4(),
        as_of=date(2026, 11, 20),
        pain_onset_date=date(2026, 10, 1),
        onset_event="minor_fall",
        pain_score=7,
        pain_trend="same",
        hospitalised_or_unable_to_walk=False,
        imaging=["xray"],
        imaging_result="fracture",
        treatments_tried=["rest"],
        treatment_weeks=6,
        osteoporosis="yes",
        other_spine_diagnoses=[],
        neuro_symptoms="none",
        bladder_bowel_changes=False,
        fever=False,
        date_of_birth=date(1950, 3, 15),
        full_name="Margaret Example",
        phone="555 010 0199",
        contact_method="phone",
        consent_version="2026-11-v1",
        consented_at=timezone.now(),
        ruleset="2026.11",
        outcome="needs_review",
        findings=STORED_FINDINGS,
        priority=2,
        **values,
    )


def test_stored_booleans_become_yes_and_no_and_nothing_else_moves(at_2026_11):
    said_yes = old_row(at_2026_11, cancer_history=True, blood_thinners=True, pregnant=True)
    said_no = old_row(at_2026_11)

    apps = migrate(AFTER)
    submission = apps.get_model("screening", "Submission")
    yes_row, no_row = submission.objects.get(pk=said_yes.pk), submission.objects.get(pk=said_no.pk)

    assert {key: getattr(yes_row, key) for key in TRI_STATE_KEYS} == {
        **dict.fromkeys(TRI_STATE_KEYS, "no"),
        "cancer_history": "yes",
        "blood_thinners": "yes",
        "pregnant": "yes",
    }
    assert {getattr(no_row, key) for key in TRI_STATE_KEYS} == {"no"}
    for row in (yes_row, no_row):
        assert (row.ruleset, row.outcome, row.priority) == ("2026.11", "needs_review", 2)
        assert row.findings == STORED_FINDINGS
        assert (row.fever, row.treatment_weeks) == (False, 6)


def test_migrated_answers_display_in_the_new_words(at_2026_11):
    row = old_row(at_2026_11, active_infection=True)

    apps = migrate(AFTER)
    migrated = apps.get_model("screening", "Submission").objects.get(pk=row.pk)

    shown = {key: QUESTIONS_BY_KEY[key].display(getattr(migrated, key)) for key in TRI_STATE_KEYS}
    assert shown["active_infection"] == "Yes"
    assert shown["cancer_history"] == shown["pregnant"] == "No"


def test_going_back_restores_the_booleans_keeping_not_sure_raised(at_2026_11):
    row = old_row(at_2026_11, bleeding_disorder=True)
    later = migrate(AFTER).get_model("screening", "Submission")
    later.objects.filter(pk=row.pk).update(cement_or_contrast_allergy="unsure")

    apps = migrate(BEFORE)
    restored = apps.get_model("screening", "Submission").objects.get(pk=row.pk)

    assert restored.bleeding_disorder is True
    assert restored.cement_or_contrast_allergy is True  # "not sure" keeps the flag raised
    assert restored.cancer_history is False
