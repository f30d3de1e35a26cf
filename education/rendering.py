"""Turn a topic's Markdown into HTML that is safe to put on a page.

Bodies are edited in the admin by clinic staff, so they are rendered with Markdown and
then sanitized with nh3 against a short allow-list: whatever is typed, no script, event
handler, style or frame reaches a patient's browser.
"""

import markdown
import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "blockquote",
    "a",
    "abbr",
    "dl",
    "dt",
    "dd",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def render_markdown(text):
    """Render Markdown to sanitized HTML (scripts, handlers and unknown tags removed)."""
    html = markdown.markdown(text or "", extensions=["sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
