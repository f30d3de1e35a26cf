"""The patient questionnaire: start, one page per step, a red-flag interrupt, check, result.

Views are thin: the session-backed `Questionnaire` decides which step comes next, the
forms validate, `services.submission_create` stores, and templates show.

No URL says anything about the answers: the red-flag advice is shown at the address of the
page after the answer that raised it (the engine's urgent flags decide), the page the
patient opens next. A POST from a replaced
questionnaire (another tab's Start) or to one already sent stores nothing and says so;
starts and sends are rate limited per address, and page POSTs capped (`WRITE_LIMITS`).
"""

import math
import time

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from kypho import languages, ratelimit
from screening import presenters, wording
from screening.models import Submission
from screening.services import submission_create
from screening.wizard import KEY_FIELD, STEPS, STEPS_BY_SLUG, Questionnaire

RESULTS_SESSION_KEY = "screening_results"


def step_url(step, change=False):
    url = reverse("screening:step", kwargs={"slug": step.slug})
    return f"{url}?change=1" if change else url


def where_next(questionnaire, step, change):
    """The page after a saved step: the next unanswered one, or back to the check page."""
    if change:
        pending = questionnaire.first_incomplete()
        return step_url(pending, change=True) if pending else reverse("screening:check")
    following = questionnaire.step_after(step)
    return step_url(following) if following else reverse("screening:check")


@require_http_methods(["GET", "POST"])
def start(request):
    """What the questionnaire asks and why; POST begins a new one."""
    if request.method == "POST":
        wait = write_wait(request, "start")
        if wait:
            return render(request, "429.html", {"retry_minutes": wait}, status=429)
        Questionnaire.start(request.session)
        return redirect(step_url(STEPS[0]))
    context = {
        "continue_url": resume_url(Questionnaire(request.session)),
        "idle_limit": wording.plain_hours(settings.SESSION_COOKIE_AGE),
    }
    return render(request, "screening/start_page.html", context)


@never_cache
@require_GET
def start_again(request):
    """Ask before deleting unfinished answers; "Yes" POSTs to Start."""
    continue_url = resume_url(Questionnaire(request.session))
    if not continue_url:
        return redirect("screening:start")
    return render(request, "screening/start_again.html", {"continue_url": continue_url})


@never_cache
@require_GET
def session_expired(request):
    """Say plainly that unfinished answers were deleted after the idle limit, and why."""
    if Questionnaire(request.session).exists:
        return redirect("screening:start")
    context = {"idle_limit": wording.plain_hours(settings.SESSION_COOKIE_AGE)}
    return render(request, "screening/session_expired.html", context)


def resume_url(questionnaire):
    """Where an unfinished questionnaire carries on (its first unanswered page, or the
    check page); None when there is none to carry on."""
    if not questionnaire.exists or questionnaire.submitted_reference:
        return None
    pending = questionnaire.first_incomplete()
    return step_url(pending) if pending else reverse("screening:check")


def lost_questionnaire_url(request):
    """Where a questionnaire page goes when the session holds none: the expired page when
    one was begun (a page opened, or a form posted with its questionnaire key), else Start."""
    if request.method == "POST" and not request.POST.get(KEY_FIELD):
        return reverse("screening:start")
    return reverse("screening:session-expired")


# What each write counts against, per address: (counter, limit setting, window setting).
# A patient makes one start and one send; the page cap only stops floods.
WRITE_LIMITS = {
    "start": ("questionnaire-start", "QUESTIONNAIRE_START_LIMIT", "QUESTIONNAIRE_RATE_WINDOW"),
    "page": ("questionnaire-page", "QUESTIONNAIRE_RATE_LIMIT", "QUESTIONNAIRE_RATE_WINDOW"),
    "send": ("submission", "SUBMISSION_RATE_LIMIT", "SUBMISSION_RATE_WINDOW"),
}


def write_wait(request, write):
    """Count one `write` for this address; whole minutes to wait if over its limit, else 0."""
    scope, limit, window = WRITE_LIMITS[write]
    wait = ratelimit.hit(
        request, scope=scope, limit=getattr(settings, limit), window=getattr(settings, window)
    )
    return math.ceil(wait / 60) if wait else 0


def refusal(request, questionnaire):
    """The page shown instead when a POST is from a replaced questionnaire, or this one
    was sent: nothing is stored either way."""
    posted = request.method == "POST"
    if posted and not questionnaire.is_this_one(request.POST.get(KEY_FIELD)):
        pending = questionnaire.first_incomplete()
        context = {"continue_url": step_url(pending) if pending else reverse("screening:check")}
        return render(request, "screening/questionnaire_replaced.html", context, status=409)
    if questionnaire.submitted_reference:
        context = {"reference": questionnaire.submitted_reference}
        return render(
            request, "screening/questionnaire_sent.html", context, status=409 if posted else 200
        )
    return None


def out_of_order(questionnaire, current):
    """A redirect to the step to answer first, when `current` is not open yet."""
    steps, pending = questionnaire.visible_steps(), questionnaire.first_incomplete()
    if current not in steps or (pending and steps.index(current) > steps.index(pending)):
        return redirect(step_url(pending) if pending else reverse("screening:check"))
    return None


def interrupt(request, questionnaire, back_url):
    """The red-flag advice, shown once at the page after the answer that raised it."""
    if request.method != "GET":
        return None
    raised = questionnaire.take_interrupt()
    if not raised:
        return None
    change = request.GET.get("change") == "1"
    continue_url = f"{request.path}?change=1" if change else request.path
    context = presenters.urgent_context(questionnaire, raised, continue_url, back_url)
    return render(request, "screening/urgent_advice.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def step(request, slug):
    """One step: show it with the stored answers, or validate, keep and move on."""
    current = STEPS_BY_SLUG.get(slug)
    if current is None:
        raise Http404("No such step")
    questionnaire = Questionnaire(request.session)
    if not questionnaire.exists:
        return redirect(lost_questionnaire_url(request))
    early = (
        refusal(request, questionnaire)
        or out_of_order(questionnaire, current)
        or interrupt(request, questionnaire, presenters.back_url(questionnaire, current))
    )
    if early:
        return early
    change = request.GET.get("change") == "1"
    if request.method == "POST":
        return save(request, questionnaire, current, change)
    context = presenters.step_context(
        questionnaire, current, questionnaire.form_for(current), change
    )
    return render(request, "screening/step_form.html", context)


def save(request, questionnaire, current, change):
    """Validate and keep a step's answers (within the rate limit), then move on."""
    form = questionnaire.form_for(current, request.POST)
    wait = write_wait(request, "page")
    if wait or not form.is_valid():
        context = presenters.step_context(questionnaire, current, form, change)
        if wait:  # the wait is the news; the answers are checked when they are sent again
            context.update(retry_minutes=wait, error_summary=[])
        return render(request, "screening/step_form.html", context, status=429 if wait else 200)
    before = questionnaire.urgent_ids()
    questionnaire.save_step(current, form)
    questionnaire.flag_interrupt(current, before)
    return redirect(where_next(questionnaire, current, change))


@never_cache
@require_http_methods(["GET", "POST"])
def check(request):
    """Every answer with a change link; POST stores the submission once."""
    questionnaire = Questionnaire(request.session)
    if not questionnaire.exists:
        return redirect(lost_questionnaire_url(request))
    reference = questionnaire.submitted_reference
    if (
        reference
        and request.method == "POST"
        and questionnaire.is_this_one(request.POST.get(KEY_FIELD))
    ):
        return redirect("screening:result", reference=reference)  # a double click or refresh
    pending = questionnaire.first_incomplete()
    last = questionnaire.visible_steps()[-1]
    early = refusal(request, questionnaire) or interrupt(
        request, questionnaire, step_url(last, change=True)
    )
    if early or pending:
        return early or redirect(step_url(pending))
    if request.method == "POST":
        return send(request, questionnaire)
    return render(request, "screening/check_page.html", presenters.check_context(questionnaire))


def send(request, questionnaire):
    """Store the finished questionnaire once, unless it is a bot or over the rate limit."""
    if request.POST.get(presenters.HONEYPOT_FIELD):
        return render(request, "screening/not_accepted.html", status=400)
    wait = write_wait(request, "send")
    if wait:
        return render(request, "429.html", {"retry_minutes": wait}, status=429)
    submission, _created = submission_create(
        answers=questionnaire.answers(),
        contact=questionnaire.contact(),
        idempotency_key=questionnaire.key,
        consent_version=questionnaire.consent_version(),
        language=languages.active_language(),
    )
    questionnaire.mark_submitted(submission.reference)
    results = request.session.get(RESULTS_SESSION_KEY, {})
    results[submission.reference] = int(time.time())
    request.session[RESULTS_SESSION_KEY] = dict(list(results.items())[-10:])
    return redirect("screening:result", reference=submission.reference)


@never_cache
@require_GET
def result(request, reference):
    """The patient's result: only in the session that submitted it, and only for a while."""
    submitted_at = request.session.get(RESULTS_SESSION_KEY, {}).get(reference)
    if submitted_at is None:
        raise Http404("Not this session's result")
    if time.time() - submitted_at > settings.RESULT_PAGE_TTL_MINUTES * 60:
        return render(request, "screening/result_expired.html", status=410)
    submission = get_object_or_404(Submission, reference=reference)
    return render(request, "screening/result_page.html", presenters.result_context(submission))
