"""Patient-facing education pages: short views that fetch a topic or a list and render it."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from education.cache import cached_page
from education.models import URGENT_TOPIC_SLUG, Location, Topic


@require_GET
@cached_page
def home(request):
    """The clinic's front page: the procedure in brief and the two paths (learn, check)."""
    topics = Topic.objects.published().only("title", "slug", "summary")
    return render(request, "education/home_page.html", {"topics": topics})


@require_GET
@cached_page
def topic_list(request):
    """Every topic in reading order."""
    topics = Topic.objects.published().only("title", "slug", "summary")
    return render(request, "education/topic_list.html", {"topics": topics})


@require_GET
@cached_page
def topic_detail(request, slug):
    """One topic: summary first, then the body, the review date and a next step."""
    topic = get_object_or_404(Topic, slug=slug)
    siblings = list(Topic.objects.published().only("title", "slug"))
    index = next(i for i, t in enumerate(siblings) if t.pk == topic.pk)
    context = {
        "topic": topic,
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
