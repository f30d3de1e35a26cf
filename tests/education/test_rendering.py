"""Topic bodies are Markdown from the admin; nothing dangerous may reach a page."""

import pytest

from education.rendering import render_markdown
from tests.factories import TopicFactory


def test_markdown_becomes_headings_lists_and_links():
    html = render_markdown("## Heading\n\n- one\n- two\n\n[Call us](tel:+15550100)")
    assert "<h2>Heading</h2>" in html
    assert "<li>one</li>" in html
    assert 'href="tel:+15550100"' in html


@pytest.mark.parametrize(
    "dangerous",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">click</a>',
        '<p onclick="steal()">text</p>',
        '<iframe src="https://example.com"></iframe>',
        '<div style="background:url(javascript:alert(1))">x</div>',
    ],
)
def test_sanitizer_strips_scripts_handlers_and_frames(dangerous):
    html = render_markdown(f"Before\n\n{dangerous}\n\nAfter").lower()
    for bad in ("<script", "onerror", "onclick", "javascript:", "<iframe", "style="):
        assert bad not in html
    assert "after" in html


@pytest.mark.django_db
def test_saved_topic_never_carries_a_script_to_its_page(client):
    topic = TopicFactory(body="Hello <script>document.cookie</script> there")
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "document.cookie</script>" not in html
    assert "<script>document.cookie" not in html
    assert "Hello" in html
