"""The four core criteria of docs/screening-contract.md section 3, reported every time.

Fracture age and imaging are decided here; the criteria about the pain itself
(conservative care, pain severity) in `care.py`.

Each function decides one criterion and says why twice: in plain words for the patient
and, for the clinician, a sentence to read at a glance with the answers and the limit
that decided it, then a short details sentence with the dates and the setting names.
Patient words never promise treatment; the screen only sorts submissions for a
clinician. A function's name is its finding's id (CORE_CRITERIA_IDS is read from
CORE_CRITERIA).
"""

from datetime import date

from .answers import Answers, Thresholds
from .care import conservative_care, pain_severity
from .dates import days_since_onset
from .results import Finding, rule
from .words import say

SCAN_NAMES = {
    "xray": "X-ray",
    "mri": "MRI",
    "ct": "CT",
    "bone_scan": "bone scan",
    "unknown_type": "a scan of unknown type",
}
# A "no fracture" reading from one of these is trusted; from an X-ray alone it is not.
SCANS_THAT_SHOW_A_NEW_FRACTURE = ("mri", "ct", "bone_scan")


@rule(tag="Fracture age")
def fracture_age(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding:
    """Recent onset supports; borderline or unknown, review; old excludes unless cancer."""
    days = days_since_onset(answers, as_of)
    if days is None:
        return Finding(
            "fracture_age",
            "review",
            say("You were not sure when the pain started. The clinic team will ask you about it."),
            "The patient does not know when the pain began, so the fracture's age is "
            "unknown. Setting: FRACTURE_RECENT_WEEKS="
            f"{thresholds.fracture_recent_weeks}.",
        )
    if days < 0:  # the parser and the form refuse this; a direct call may not
        return Finding(
            "fracture_age",
            "review",
            say("The date your pain started is after today. The clinic team will check it."),
            f"Pain start date {answers.pain_onset_date} is {-days} days after the screening "
            f"date {as_of}; check it with the patient.",
        )
    return _fracture_age_known(answers, days, as_of, thresholds)


def _fracture_age_known(answers, days, as_of, t):
    """Sort a known onset into recent, borderline, old with cancer, or too old."""
    details = f" Pain began {answers.pain_onset_date}, screened {as_of}; "
    if days <= t.recent_days:
        return Finding(
            "fracture_age",
            "supports",
            say(
                "Your back pain started in the last %(weeks)s weeks.",
                weeks=t.fracture_recent_weeks,
            ),
            f"Pain began {_days(days)} ago, within the {t.recent_days}-day recent window "
            f"({t.fracture_recent_weeks} weeks).{details}"
            f"FRACTURE_RECENT_WEEKS={t.fracture_recent_weeks}.",
        )
    both = (
        f"FRACTURE_RECENT_WEEKS={t.fracture_recent_weeks}, "
        f"FRACTURE_MAX_WEEKS={t.fracture_max_weeks}."
    )
    if days <= t.max_days:
        return Finding(
            "fracture_age",
            "review",
            say(
                "Your back pain started %(low)s to %(high)s weeks ago. A doctor will look at "
                "this closely.",
                low=t.fracture_recent_weeks,
                high=t.fracture_max_weeks,
            ),
            f"Pain began {_days(days)} ago, past the {t.recent_days}-day recent window but "
            f"within the {t.max_days}-day limit ({t.fracture_recent_weeks} to "
            f"{t.fracture_max_weeks} weeks).{details}{both}",
        )
    over = (
        f"Pain began {_days(days)} ago, over the {t.max_days}-day limit "
        f"({t.fracture_max_weeks} weeks)."
    )
    if answers.cancer_history == "yes":
        return Finding(
            "fracture_age",
            "review",
            say(
                "Your back pain started more than %(weeks)s weeks ago. Because you have had "
                "cancer, a doctor will look at this closely.",
                weeks=t.fracture_max_weeks,
            ),
            f"{over} The patient has had cancer: a fracture weakened by cancer or myeloma "
            f"may still be treated, so a clinician decides.{details}{both}",
        )
    return Finding(
        "fracture_age",
        "excludes",
        say(
            "Your back pain started more than %(weeks)s weeks ago. This treatment is mostly "
            "used for newer breaks.",
            weeks=t.fracture_max_weeks,
        ),
        f"{over}{details}FRACTURE_MAX_WEEKS={t.fracture_max_weeks}.",
    )


def _days(days):
    """A number of days in words: "1 day", "85 days"."""
    return "1 day" if days == 1 else f"{days} days"


@rule(tag="Imaging")
def imaging_confirmation(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding:
    """A fracture on the scan supports; none on MRI, CT or a bone scan excludes; else review."""
    result, scans = answers.imaging_result, _scan_names(answers.imaging)
    if result == "fracture":
        return Finding(
            "imaging_confirmation",
            "supports",
            say("Your scan showed a broken bone in your spine."),
            f"The scan ({scans}) shows a fracture.",
        )
    if result == "no_fracture":
        return _no_fracture(answers, scans)
    verdicts = {
        "unsure": (
            say("You were not sure what your scan showed. The clinic team will get the report."),
            f"The patient is not sure what the scan ({scans}) showed; get the report.",
        ),
        "waiting": (
            say("You are waiting for your scan result. The clinic team will get the report."),
            f"The patient is waiting for the result of the scan ({scans}); get the report.",
        ),
        "not_done": (
            say("You have not had a scan yet. A scan shows what is causing the pain."),
            "No scan yet, so no fracture is confirmed.",
        ),
    }
    patient_text, clinician_text = verdicts[result]
    return Finding("imaging_confirmation", "review", patient_text, clinician_text)


def _no_fracture(answers, scans):
    """No fracture seen: trusted on MRI, CT or a bone scan; an X-ray alone can miss one."""
    if set(answers.imaging) & set(SCANS_THAT_SHOW_A_NEW_FRACTURE):
        return Finding(
            "imaging_confirmation",
            "excludes",
            say("Your scan did not show a broken bone in your spine."),
            f"No fracture seen on the scan ({scans}): nothing for this procedure to treat.",
        )
    return Finding(
        "imaging_confirmation",
        "review",
        say(
            "Your scan did not show a broken bone. This kind of scan can miss a new break, "
            "so a doctor will look at it."
        ),
        f"No fracture reported, but only from {scans}, which can miss a new fracture; "
        "consider an MRI.",
    )


def _scan_names(imaging):
    """The scans in clinicians' words: "X-ray and MRI"."""
    names = [SCAN_NAMES[scan] for scan in imaging] or ["none"]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


CORE_CRITERIA = (fracture_age, imaging_confirmation, conservative_care, pain_severity)
CORE_CRITERIA_IDS = tuple(criterion.__name__ for criterion in CORE_CRITERIA)
