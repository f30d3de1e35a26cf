"""Demo data: three locations, two clinicians and about 60 synthetic submissions.

Every submission is made from synthetic answers by `submission_create`, so the real rules
engine decides its outcome and findings (nothing here states an outcome); the review
history then goes through the clinic's own services. Names, phones (555-01xx) and emails
(example.org) are invented; about one in four patients read the questionnaire in Spanish.
Seeded, and keyed by uuid5, so loading twice adds nothing.
"""

import random
import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from clinic import services
from clinic.models import Decision, Note
from education.models import Location
from screening.eligibility import QUESTIONS, Answers
from screening.models import Submission
from screening.services import submission_create

DEMO_PASSWORD = "review-the-queue-2026"  # noqa: S105 (demo accounts, DEBUG only)
NAMESPACE = uuid.UUID("6f1c2a8e-3f4b-4c52-9d0e-5a7b8c9d0e1f")
COUNT = 60
LOCATIONS = (
    ("Harbor Spine Center", "1 Harbor Road\nPort Example", "+1 555 010 0101"),
    ("Northside Clinic", "40 North Street\nPort Example", "+1 555 010 0102"),
    ("Riverside Day Unit", "7 River Walk\nExampleton", "+1 555 010 0103"),
)
CLINICIANS = (("demo-clinician", "Ada", "Demo"), ("demo-colleague", "Sam", "Colleague"))
FIRST = (
    "Margaret",
    "Harold",
    "Dorothy",
    "Walter",
    "Edith",
    "Frank",
    "Irene",
    "George",
    "Joan",
    "Arthur",
    "Mabel",
    "Ronald",
    "Vera",
    "Leonard",
    "Nora",
    "Stanley",
)
LAST = (
    "Example",
    "Sample",
    "Testwell",
    "Placeholder",
    "Demoson",
    "Fictional",
    "Madeup",
    "Notreal",
    "Specimen",
    "Mockford",
)

# Answer changes from a likely-candidate baseline; the engine decides what they lead to.
SCENARIOS = (
    {},
    {
        "hospitalised_or_unable_to_walk": True,
        "pain_score": 9,
        "treatments_tried": (),
        "treatment_weeks": 0,
    },
    {"onset_days": (60, 82)},
    {"cancer_history": "yes"},
    {"blood_thinners": "yes"},
    {"imaging": (), "imaging_result": "not_done"},
    {"other_spine_diagnoses": ("spinal_stenosis",)},
    {"onset_days": None},
    {"onset_days": (100, 200)},
    {"pain_trend": "much_better"},
    {"imaging_result": "no_fracture"},
    {"fever": True},
    {"neuro_symptoms": "new_or_worsening"},
    {"bladder_bowel_changes": True, "neuro_symptoms": "longstanding_stable"},
    {"active_infection": "yes"},
    {"onset_event": "major_trauma", "osteoporosis": "unsure"},
    {"onset_event": "major_trauma", "imaging": (), "imaging_result": "not_done"},
    {"imaging": ("xray",), "imaging_result": "no_fracture", "onset_event": "gradual"},
    {"imaging": ("unknown_type",), "imaging_result": "waiting"},
    {"cancer_history": "unsure", "bleeding_disorder": "unsure"},
    {"onset_days": (100, 200), "cancer_history": "yes"},
    {"treatment_weeks": 30},
)
DECISIONS = {
    "urgent": "urgent_care_advised",
    "likely_candidate": "schedule_consultation",
    "needs_review": "request_imaging",
    "unlikely_candidate": "not_a_candidate",
}


# The answers every demo patient shares unless randomised or changed by a scenario:
# "no" to every yes/no (and yes/no/not sure) question unless said otherwise. Demo
# patients are 62 or older, so the pregnancy question is not asked of them.
BASELINE = {
    **{question.key: question.no for question in QUESTIONS if question.no is not None},
    "imaging": ("xray", "mri"),
    "imaging_result": "fracture",
    "treatments_tried": ("rest", "pain_medication", "brace"),
    "osteoporosis": "yes",
    "other_spine_diagnoses": (),
    "neuro_symptoms": "none",
    "pregnant": "not_asked",
}


def demo_answers(rng, scenario, as_of):
    """Synthetic answers: the baseline, a little randomness, then the scenario's changes.

    Care began at least 4 weeks ago but not before the pain did (no date conflict unless
    a scenario makes one).
    """
    changes = dict(scenario)
    window = changes.pop("onset_days", (30, 55))
    days = None if window is None else rng.randint(*window)
    values = {
        **BASELINE,
        "pain_onset_date": None if days is None else as_of - timedelta(days),
        "onset_event": rng.choice(["minor_fall", "lifting_bending"]),
        "pain_score": rng.randint(5, 9),
        "pain_trend": rng.choice(["worse", "same"]),
        "treatment_weeks": rng.randint(4, max(4, (days or 70) // 7)),
        "long_term_steroids": "yes" if rng.random() < 0.2 else "no",
        "date_of_birth": as_of.replace(year=as_of.year - rng.randint(62, 91), day=1),
        **changes,
    }
    return Answers(**values)


def demo_contact(rng, index, location):
    first, last = FIRST[index % len(FIRST)], LAST[rng.randrange(len(LAST))]
    method = rng.choice(["phone", "phone", "email"])
    return {
        "full_name": f"{first} {last}",
        "email": f"{first}.{last}{index}@example.org".lower(),
        "phone": f"555 01{index % 100:02d}",
        "contact_method": method,
        "location": location,
        **demo_helper(index, last),
    }


def demo_helper(index, last):
    """Every fourth demo patient was helped by a relative (no random draw, so the rest of
    the demo data stays as it was)."""
    if index % 4:
        return {}
    return {
        "helper_name": f"{FIRST[(index + 3) % len(FIRST)]} {last}",
        "helper_relationship": "Daughter",
        "helper_phone": f"555 01{(index + 50) % 100:02d}",
    }


def demo_language(index):
    """Every fourth demo patient, one after each helped one, read it in Spanish (no random
    draw, so the rest of the demo data stays as it was)."""
    return "es" if index % 4 == 1 else "en"


def setup_people():
    """The demo locations and clinicians (created once, reused after)."""
    locations = [
        Location.objects.get_or_create(name=name, defaults={"address": address, "phone": phone})[0]
        for name, address, phone in LOCATIONS
    ]
    group = Group.objects.get(name="Clinicians")
    users = []
    for username, first, last in CLINICIANS:
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(group)
        users.append(user)
    return locations, users


def load_demo(*, count=COUNT, seed=2026):
    """Load the demo; return the number of submissions created."""
    rng = random.Random(seed)
    locations, users = setup_people()
    now, created = timezone.now(), 0
    for index in range(count):
        submitted = now - timedelta(hours=rng.uniform(1, 84 * 24))
        as_of = timezone.localtime(submitted).date()
        answers = demo_answers(rng, SCENARIOS[index % len(SCENARIOS)], as_of)
        location = ([*locations, None])[index % (len(locations) + 1)]
        submission, is_new = submission_create(
            answers=answers,
            contact=demo_contact(rng, index, location),
            idempotency_key=uuid.uuid5(NAMESPACE, f"demo-{index}"),
            consent_version="demo",
            language=demo_language(index),
            as_of=as_of,
        )
        if is_new:
            created += 1
            Submission.objects.filter(pk=submission.pk).update(
                created_at=submitted, consented_at=submitted
            )
            submission.created_at = submitted
            review(rng, submission, index, users)
    return created


def review(rng, submission, index, users):
    """Give about three in five submissions a review history, through the real services."""
    stage = index % 5
    if stage < 2:
        return
    clinician = users[index % len(users)]
    who = {"actor": clinician, "ip_address": "127.0.0.1"}
    services.submission_assign(submission=submission, assignee=clinician, **who)
    services.submission_set_status(submission=submission, status="in_review", **who)
    if index % 7 == 0:
        services.submission_add_note(
            submission=submission, text="Called the patient; left a message.", **who
        )
    if index % 6 == 2:
        outcome = "likely_candidate" if submission.outcome == "needs_review" else "needs_review"
        services.submission_override_outcome(
            submission=submission, outcome=outcome, reason="Read the imaging report.", **who
        )
    if stage >= 3:
        services.submission_record_decision(
            submission=submission, decision=DECISIONS[submission.outcome], note="", **who
        )
    if stage == 4:
        services.submission_set_status(submission=submission, status="closed", **who)
    backdate(submission, timedelta(hours=rng.uniform(2, 96)))


def backdate(submission, delay):
    """Put the review `delay` after submission, so the dashboard's times are plausible."""
    reviewed = submission.created_at + delay
    Submission.objects.filter(pk=submission.pk).update(first_reviewed_at=reviewed)
    Decision.objects.filter(submission=submission).update(created_at=reviewed)
    Note.objects.filter(submission=submission).update(created_at=reviewed)
