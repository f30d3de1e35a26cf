"""Template tags for text that several pages share from one source."""

from django import template

from education.models import URGENT_TOPIC_SLUG, Topic
from kypho.languages import active_language

register = template.Library()


@register.inclusion_tag("education/includes/_urgent_help.html", takes_context=True)
def urgent_help(context):
    """The clinic's "get help urgently" text: one topic, shown wherever it is needed, in
    the page's language (in English, marked as such, while it has no translation)."""
    language = active_language()
    topic = Topic.objects.only("title", "body_html", "language").page(URGENT_TOPIC_SLUG, language)
    return {
        "topic": topic,
        "topic_language": topic.language if topic and topic.language != language else None,
        "show_heading": context.get("show_heading", True) is not False,
        "clinic_phone": context.get("clinic_phone"),
        "clinic_phone_tel": context.get("clinic_phone_tel"),
        "clinic_emergency_message": context.get("clinic_emergency_message"),
    }
