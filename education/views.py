"""Patient-facing education pages: short views that fetch a topic or a list and render it.

Each shows the rows of the page's language; a page not yet translated shows its English
row, marked as English (`lang="en"`) with a notice on the page itself.
"""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from education.cache import cached_page
from education.models import URGENT_TOPIC_SLUG, Location, Topic
from kypho.languages import active_language

LISTED = ("title", "slug", "summary", "language", "order")


@require_GET
@cached_page
def home(request):
    """The clinic's front page: the procedure in brief and the two paths (learn, check)."""
    topics = Topic.objects.only(*LISTED).for_language(active_language())
    return render(request, "education/home_page.html", listed(topics))


@require_GET
@cached_page
def topic_list(request):
    """Every topic in reading order."""
    topics = Topic.objects.only(*LISTED).for_language(active_language())
    return render(request, "education/topic_list.html", listed(topics))


@require_GET
@cached_page
def topic_detail(request, slug):
    """One topic: summary first, then the body, the review date and a next step."""
    language = active_language()
    topic = Topic.objects.page(slug, language)
    if topic is None:
        raise Http404("No such topic")
    siblings = Topic.objects.only(*LISTED).for_language(language)
    index = next(i for i, t in enumerate(siblings) if t.pk == topic.pk)
    context = {
        "topic": topic,
        "page_language": language,
        "in_english_instead": topic.language != language,
        "is_urgent_topic": topic.slug == URGENT_TOPIC_SLUG,
        "previous_topic": siblings[index - 1] if index > 0 else None,
        "next_topic": siblings[index + 1] if index + 1 < len(siblings) else None,
    }
    return render(request, "education/topic_detail.html", context)


@require_GET
@cached_page
def contact(request):
    """Where the clinic is and how to reach it."""
    return render(request, "education/contact_page.html", {"locations": Location.objects.all()})


def listed(topics):
    """A list page's context: the topics, and the language of the page (a topic shown in
    another language, not yet translated, is marked with its own)."""
    return {"topics": topics, "page_language": active_language()}
