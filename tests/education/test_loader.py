"""The content loader is idempotent and never overwrites the clinic's admin edits."""

import pytest
from django.core.management import call_command

from education.loader import CONTENT_DIR, ContentError, load_topics
from education.models import Topic

pytestmark = pytest.mark.django_db

TOPIC_FILE = """---
title: Test topic
summary: A summary.
order: 3
reviewed_by: Dr Example
last_reviewed: 2026-10-01
---

## Heading

Body text.
"""


def write_topic(directory, text=TOPIC_FILE, name="test-topic.md"):
    (directory / name).write_text(text)


def test_loading_twice_creates_each_topic_once():
    first = load_topics()
    second = load_topics()
    files = sorted(p.stem for p in CONTENT_DIR.glob("*.md"))
    files += sorted(f"{p.stem} (es)" for p in CONTENT_DIR.glob("es/*.md"))
    assert sorted(first.created) == sorted(files)
    assert Topic.objects.count() == len(files)
    assert second.created == [] and sorted(second.unchanged) == sorted(files)


def test_changed_file_updates_an_unedited_topic(tmp_path):
    write_topic(tmp_path)
    load_topics(tmp_path)
    write_topic(tmp_path, TOPIC_FILE.replace("Body text.", "New body text."))
    report = load_topics(tmp_path)
    assert report.updated == ["test-topic"]
    assert "New body text." in Topic.objects.get(slug="test-topic").body_html


def test_admin_edit_survives_a_reload_even_when_the_file_changes(tmp_path):
    write_topic(tmp_path)
    load_topics(tmp_path)
    topic = Topic.objects.get(slug="test-topic")
    topic.summary = "Edited by the clinic."
    topic.save()
    write_topic(tmp_path, TOPIC_FILE.replace("Body text.", "Newer body."))
    report = load_topics(tmp_path)
    topic.refresh_from_db()
    assert report.kept_admin_edits == ["test-topic"]
    assert topic.summary == "Edited by the clinic."
    assert "Newer body." not in topic.body
    assert Topic.objects.filter(slug="test-topic").count() == 1


def test_file_missing_front_matter_is_a_clear_error(tmp_path):
    write_topic(tmp_path, "---\ntitle: Only a title\n---\nBody")
    with pytest.raises(ContentError, match="missing summary"):
        load_topics(tmp_path)
    assert not Topic.objects.exists()


def test_command_reports_counts(capsys):
    call_command("load_education")
    call_command("load_education")
    out = capsys.readouterr().out.splitlines()
    assert "0 created" in out[-1] and "0 updated" in out[-1]
