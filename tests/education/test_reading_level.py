"""Every topic stays readable: Flesch-Kincaid grade 8 or lower, as the product requires."""

import pytest
import textstat

from education.loader import CONTENT_DIR, read_topic_file

MAX_GRADE = 8.0
TOPIC_FILES = sorted(CONTENT_DIR.glob("*.md"))


def test_there_are_at_least_ten_topics():
    assert len(TOPIC_FILES) >= 10


@pytest.mark.parametrize("path", TOPIC_FILES, ids=lambda p: p.stem)
def test_shipped_topic_reads_at_grade_8_or_lower(path):
    body = read_topic_file(path)["body"]
    assert textstat.flesch_kincaid_grade(body) <= MAX_GRADE


@pytest.mark.django_db
def test_topics_as_edited_in_the_admin_stay_at_grade_8_or_lower(topics):
    for topic in topics:
        assert textstat.flesch_kincaid_grade(topic.body) <= MAX_GRADE, topic.slug


def test_the_check_fails_for_dense_text():
    dense = (
        "Percutaneous vertebral augmentation constitutes a minimally invasive intervention "
        "facilitating restoration of vertebral morphology and stabilization of osteoporotic "
        "compression deformities, consequently ameliorating intractable nociceptive symptomatology."
    )
    assert textstat.flesch_kincaid_grade(dense) > MAX_GRADE
