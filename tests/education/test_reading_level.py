"""Every topic stays readable: Flesch-Kincaid grade 8 or lower in English, as the product
requires, and "fairly easy" or easier in Spanish on the two Spanish scales."""

import pytest
import textstat
from textstat.textstat import textstatistics

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
    for topic in topics.filter(language="en"):
        assert textstat.flesch_kincaid_grade(topic.body) <= MAX_GRADE, topic.slug


def test_the_check_fails_for_dense_text():
    dense = (
        "Percutaneous vertebral augmentation constitutes a minimally invasive intervention "
        "facilitating restoration of vertebral morphology and stabilization of osteoporotic "
        "compression deformities, consequently ameliorating intractable nociceptive symptomatology."
    )
    assert textstat.flesch_kincaid_grade(dense) > MAX_GRADE


# Spanish is held to "fairly easy" or easier on both Spanish scales: Fernández-Huerta 70
# and Szigriszt-Pazos (INFLESZ) 65, with syllables counted as Spanish has them.
MIN_FERNANDEZ_HUERTA = 70.0
MIN_SZIGRISZT_PAZOS = 65.0
SPANISH_FILES = sorted((CONTENT_DIR / "es").glob("*.md"))


def spanish_scores(text):
    """(Fernández-Huerta, Szigriszt-Pazos) of `text`, counting Spanish syllables.

    Its own textstat instance: setting the module's language would change the English
    checks above.
    """
    spanish = textstatistics()
    spanish.set_lang("es")
    return spanish.fernandez_huerta(text), spanish.szigriszt_pazos(text)


def test_every_english_topic_has_its_spanish_version():
    english = {path.name for path in TOPIC_FILES}
    spanish = {path.name for path in SPANISH_FILES}
    assert spanish == english, f"without Spanish: {sorted(english - spanish)}"


@pytest.mark.parametrize("path", SPANISH_FILES, ids=lambda p: p.stem)
def test_shipped_spanish_topic_is_fairly_easy_to_read(path):
    fernandez_huerta, szigriszt_pazos = spanish_scores(read_topic_file(path)["body"])
    assert fernandez_huerta >= MIN_FERNANDEZ_HUERTA
    assert szigriszt_pazos >= MIN_SZIGRISZT_PAZOS


@pytest.mark.django_db
def test_spanish_topics_as_edited_in_the_admin_stay_fairly_easy(topics):
    for topic in topics.filter(language="es"):
        fernandez_huerta, szigriszt_pazos = spanish_scores(topic.body)
        assert fernandez_huerta >= MIN_FERNANDEZ_HUERTA, topic.slug
        assert szigriszt_pazos >= MIN_SZIGRISZT_PAZOS, topic.slug


def test_the_spanish_check_fails_for_dense_text():
    dense = (
        "La augmentación vertebral percutánea constituye una intervención mínimamente "
        "invasiva que facilita la restauración de la morfología vertebral y la "
        "estabilización de deformidades osteoporóticas por compresión."
    )
    fernandez_huerta, szigriszt_pazos = spanish_scores(dense)
    assert fernandez_huerta < MIN_FERNANDEZ_HUERTA
    assert szigriszt_pazos < MIN_SZIGRISZT_PAZOS


def test_the_spanish_check_counts_spanish_syllables_and_leaves_english_alone():
    assert textstat.syllable_count("cifoplastia") == 3  # English rules, as the grade test uses
    spanish = textstatistics()
    spanish.set_lang("es")
    assert spanish.syllable_count("cifoplastia") == 4  # ci-fo-plas-tia
    assert textstat.syllable_count("cifoplastia") == 3
