"""Education pages in Spanish: the clinic's Spanish rows, English with a notice where a page
has none yet, Spanish location details, and the loader and admin for both languages."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from education.cache import clear_local_pages
from education.loader import ContentError, load_topics
from education.models import Topic
from tests.education.test_loader import TOPIC_FILE, write_topic
from tests.factories import LocationFactory, TopicFactory

pytestmark = pytest.mark.django_db


def spanish_url(name, **kwargs):
    with translation.override("es"):
        return reverse(name, kwargs=kwargs or None)


def english_url(name, **kwargs):
    """The English address (a Spanish page served before leaves Spanish active here)."""
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def text_of(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def both_languages():
    english = TopicFactory(slug="what-is-kyphoplasty", title="What is kyphoplasty?", order=1)
    spanish = TopicFactory(
        slug="what-is-kyphoplasty",
        language="es",
        title="¿Qué es la cifoplastia?",
        summary="Un resumen en español.",
        body="## Cómo funciona\n\nUn texto en español.",
        order=1,
    )
    only_english = TopicFactory(slug="risks", title="Risks of kyphoplasty", order=2)
    return english, spanish, only_english


def test_the_spanish_address_shows_the_spanish_row(client, both_languages):
    _english, spanish, _ = both_languages
    html = client.get(spanish_url("education:topic-detail", slug=spanish.slug)).content.decode()
    assert '<html lang="es">' in html
    assert "<h1>¿Qué es la cifoplastia?</h1>" in html
    assert "Un texto en español." in html
    assert "todavía no está en español" not in html


def test_the_english_address_still_shows_the_english_row(client, both_languages):
    english, _spanish, _ = both_languages
    html = client.get(english.get_absolute_url()).content.decode()
    assert "<h1>What is kyphoplasty?</h1>" in html
    assert "cifoplastia" not in html


def test_a_page_without_spanish_is_english_with_a_notice_in_spanish(client, both_languages):
    *_, only_english = both_languages
    response = client.get(spanish_url("education:topic-detail", slug=only_english.slug))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Esta página todavía no está en español. Por eso se muestra en inglés." in html
    article = re.search(r'<article class="topic" lang="en">(.*?)</article>', html, re.S)
    assert article, "the English article is not marked lang=en"
    assert "<h1>Risks of kyphoplasty</h1>" in article.group(1)
    assert html.index("todavía no está en español") < html.index("<article")


def test_the_spanish_list_shows_spanish_rows_and_marks_english_ones(client, both_languages):
    html = client.get(spanish_url("education:topic-list")).content.decode()
    assert "¿Qué es la cifoplastia?" in html
    assert "What is kyphoplasty?" not in html
    card = re.search(r'<li class="topic-card" lang="en">.*?</li>', html, re.S)
    assert card and "Risks of kyphoplasty" in card.group(0)
    assert html.index("¿Qué es la cifoplastia?") < html.index("Risks of kyphoplasty")


def test_the_spanish_pager_moves_through_the_pages_in_spanish_order(client, both_languages):
    _english, spanish, only_english = both_languages
    html = client.get(spanish_url("education:topic-detail", slug=spanish.slug)).content.decode()
    assert f'href="/es/learn/{only_english.slug}/"' in html
    assert '<span lang="en">Risks of kyphoplasty</span>' in html


def test_no_page_in_any_language_is_a_404(client, both_languages):
    response = client.get(spanish_url("education:topic-detail", slug="no-such-page"))
    assert response.status_code == 404
    assert '<html lang="es">' in response.content.decode()


def test_a_cached_english_page_is_never_served_for_the_spanish_address(client, both_languages):
    english, spanish, _ = both_languages
    clear_local_pages()
    english_page = english_url("education:topic-detail", slug=english.slug)
    assert "What is kyphoplasty?" in client.get(english_page).content.decode()
    url = spanish_url("education:topic-detail", slug=spanish.slug)
    assert "¿Qué es la cifoplastia?" in client.get(url).content.decode()
    assert "What is kyphoplasty?" in client.get(english_page).content.decode()


def test_editing_a_spanish_row_shows_at_once(client, both_languages):
    _english, spanish, _ = both_languages
    url = spanish_url("education:topic-detail", slug=spanish.slug)
    client.get(url)
    spanish.title = "¿Qué es la cifoplastia con balón?"
    spanish.save()
    assert "¿Qué es la cifoplastia con balón?" in client.get(url).content.decode()


def test_the_contact_page_shows_spanish_location_details_where_set(client):
    LocationFactory(
        name="Main clinic",
        name_es="Clínica principal",
        opening_hours="Monday to Friday, 8 AM to 5 PM",
        opening_hours_es="De lunes a viernes, de 8 AM a 5 PM",
    )
    LocationFactory(name="North clinic", opening_hours="Tuesdays only")
    html = text_of(client.get(spanish_url("education:contact")).content.decode())
    assert "Clínica principal" in html and "De lunes a viernes, de 8 AM a 5 PM" in html
    assert "North clinic" in html and "Tuesdays only" in html  # no Spanish set: the English
    assert "Main clinic" not in html
    english = text_of(client.get(english_url("education:contact")).content.decode())
    assert "Main clinic" in english and "Clínica principal" not in english


SPANISH_FILE = TOPIC_FILE.replace("title: Test topic", "title: Tema de prueba").replace(
    "Body text.", "Texto del tema."
)


def test_the_loader_loads_each_language_folder_as_its_rows(tmp_path):
    write_topic(tmp_path)
    (tmp_path / "es").mkdir()
    write_topic(tmp_path / "es", SPANISH_FILE)
    report = load_topics(tmp_path)
    assert report.created == ["test-topic", "test-topic (es)"]
    assert Topic.objects.get(slug="test-topic", language="es").title == "Tema de prueba"
    assert Topic.objects.get(slug="test-topic", language="en").title == "Test topic"


def test_the_loader_keeps_an_admin_edit_of_the_spanish_only(tmp_path):
    write_topic(tmp_path)
    (tmp_path / "es").mkdir()
    write_topic(tmp_path / "es", SPANISH_FILE)
    load_topics(tmp_path)
    edited = Topic.objects.get(slug="test-topic", language="es")
    edited.summary = "Editado por la clínica."
    edited.save()
    write_topic(tmp_path, TOPIC_FILE.replace("Body text.", "New English body."))
    write_topic(tmp_path / "es", SPANISH_FILE.replace("Texto del tema.", "Texto nuevo."))
    report = load_topics(tmp_path)
    assert report.updated == ["test-topic"]
    assert report.kept_admin_edits == ["test-topic (es)"]
    edited.refresh_from_db()
    assert edited.summary == "Editado por la clínica." and "Texto nuevo." not in edited.body


def test_a_translation_without_its_english_page_is_refused(tmp_path):
    (tmp_path / "es").mkdir()
    write_topic(tmp_path / "es", SPANISH_FILE, name="only-spanish.md")
    with pytest.raises(ContentError, match="es/only-spanish.md: no English page"):
        load_topics(tmp_path)
    assert not Topic.objects.exists()


def test_the_admin_links_a_topic_to_its_other_language(admin_client, both_languages):
    english, spanish, only_english = both_languages
    html = admin_client.get(reverse("admin:education_topic_change", args=[english.pk]))
    link = reverse("admin:education_topic_change", args=[spanish.pk])
    assert f'<a href="{link}">¿Qué es la cifoplastia? (es)</a>' in html.content.decode()
    lonely = admin_client.get(reverse("admin:education_topic_change", args=[only_english.pk]))
    assert "None yet." in lonely.content.decode()


def test_the_admin_puts_the_spanish_location_fields_beside_the_english(admin_client):
    html = admin_client.get(reverse("admin:education_location_add")).content.decode()
    assert 'name="name_es"' in html and 'name="opening_hours_es"' in html
    assert html.index('name="name"') < html.index('name="name_es"')


def test_every_shipped_spanish_topic_page_is_whole_and_in_spanish(client, topics):
    for topic in topics.filter(language="es"):
        url = spanish_url("education:topic-detail", slug=topic.slug)
        html = client.get(url).content.decode()
        assert f"<h1>{topic.title}</h1>" in html, url
        assert topic.summary in html
        assert "Revisado por última vez el" in html
        assert "¿Puede ayudarle la cifoplastia?" in html
        assert "todavía no está en español" not in html
