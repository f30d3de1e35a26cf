"""The shipped topics say what the clinic's facts and the screening rules say.

Each test holds one fact a patient acts on: the warning signs after the procedure and
who to call, blood thinners named correctly and never stopped on one's own, the
candidacy page agreeing with the rules of ruleset 2027.01, and bone care after the
procedure that goes beyond calcium and vitamin D.
"""

import re

import pytest

from education.loader import CONTENT_DIR, read_topic_file

BODIES = {path.stem: read_topic_file(path)["body"] for path in sorted(CONTENT_DIR.glob("*.md"))}
AFTER_THE_PROCEDURE = ("risks", "recovery-and-aftercare", "get-help-urgently")
BLOOD_THINNERS = ("warfarin", "apixaban", "rivaroxaban", "clopidogrel")
NOT_BLOOD_THINNERS = ("ibuprofen", "aspirin", "naproxen")


def blocks(body):
    """Paragraphs, each with the list that follows it (a list belongs to its lead-in)."""
    merged = []
    for chunk in re.split(r"\n\s*\n", body.strip()):
        is_list = re.match(r"\s*([-*]|\d+\.)\s", chunk)
        if is_list and merged and not merged[-1].lstrip().startswith("#"):
            merged[-1] += "\n" + chunk
        else:
            merged.append(chunk)
    return merged


def flat(text):
    """Lower case, Markdown emphasis dropped, one space between words."""
    return re.sub(r"\s+", " ", text.replace("*", "")).lower()


def mentions_blood_thinners(text):
    return "blood thinner" in flat(text) or any(name in flat(text) for name in BLOOD_THINNERS)


@pytest.mark.parametrize("slug", AFTER_THE_PROCEDURE)
def test_the_signs_of_a_clot_or_cement_in_the_lungs_say_call_911(slug):
    alarm = [block for block in blocks(BODIES[slug]) if "chest pain" in flat(block)]
    assert alarm, f"{slug} does not name chest pain"
    text = flat(" ".join(alarm))
    assert re.search(r"short(ness)? of breath", text)
    assert "swollen, painful leg" in text
    assert "call 911" in text
    assert "blood clot" in flat(BODIES[slug]) and "lungs" in flat(BODIES[slug])


@pytest.mark.parametrize("slug", [slug for slug in BODIES if "bladder" in BODIES[slug]])
def test_nerve_and_bladder_signs_send_the_patient_to_the_emergency_room(slug):
    for block in blocks(BODIES[slug]):
        if "bladder" in flat(block) and ("now" in flat(block) or "urgent" in flat(block)):
            assert "emergency room" in flat(block) or "911" in flat(block), block


def test_a_fever_is_given_in_fahrenheit_then_celsius():
    for slug in AFTER_THE_PROCEDURE:
        assert "100.4 °F (38 °C)" in BODIES[slug], slug


def test_the_blood_thinners_named_are_blood_thinners():
    listed = [block for block in blocks(BODIES["getting-ready"]) if "blood thinner" in flat(block)]
    text = flat(" ".join(listed))
    assert all(name in text for name in BLOOD_THINNERS)


@pytest.mark.parametrize("slug", BODIES)
def test_no_page_lists_a_pain_medicine_as_a_blood_thinner(slug):
    for block in blocks(BODIES[slug]):
        if mentions_blood_thinners(block):
            assert not [name for name in NOT_BLOOD_THINNERS if name in flat(block)], block


@pytest.mark.parametrize("slug", [slug for slug in BODIES if mentions_blood_thinners(BODIES[slug])])
def test_every_page_on_blood_thinners_says_not_to_stop_them_on_your_own(slug):
    assert re.search(
        r"(do not|don't|never) stop (it|them|your blood thinner)[^.]*on your own",
        flat(BODIES[slug]),
    )


def test_blood_thinners_are_on_the_pages_that_prepare_for_the_procedure():
    assert mentions_blood_thinners(BODIES["getting-ready"])
    assert mentions_blood_thinners(BODIES["risks"])


def test_candidacy_severe_pain_in_the_hospital_needs_no_weeks_of_care():
    page = flat(BODIES["who-may-be-a-candidate"])
    assert re.search(r"in the hospital, or you cannot walk", page)
    assert "do not have to wait weeks" in page


def test_candidacy_an_x_ray_cannot_show_a_break_is_new_an_mri_can():
    page = flat(BODIES["who-may-be-a-candidate"])
    assert "an x-ray can show a break, but it cannot show how new it is" in page
    assert "an x-ray can also miss a new break" in page
    assert re.search(r"an mri scan can show [^.]*new", page)


def test_candidacy_pain_getting_much_better_means_care_is_working():
    page = flat(BODIES["who-may-be-a-candidate"])
    assert re.search(r"getting much better[^.]*that care is working", page)


def test_candidacy_an_older_break_weakened_by_cancer_is_still_looked_at():
    page = flat(BODIES["who-may-be-a-candidate"])
    assert re.search(r"cancer or myeloma[^.]*older break", page)


@pytest.mark.parametrize("slug", ["recovery-and-aftercare", "frequently-asked-questions"])
def test_bone_care_after_the_procedure_goes_beyond_calcium_and_vitamin_d(slug):
    page = flat(BODIES[slug])
    assert "bone density test" in page
    assert re.search(r"medicine that makes bones stronger", page)
    assert re.search(r"calcium and vitamin d[^.]*not enough", page)


@pytest.mark.parametrize("slug", BODIES)
def test_the_procedure_is_described_with_us_anesthesia_and_the_hospital(slug):
    page = flat(BODIES[slug])
    assert "anaesth" not in page
    assert not re.search(r"\b(in|to|from) hospital\b", page)
