"""A patient's walk through the questionnaire with the Django test client.

`patient_steps(**overrides)` (from `screening.demo`) gives the form data of each step;
`complete(client, steps)` walks them through the Django test client the way a browser
would, and `post_step` sends one page's form with the questionnaire's key in its hidden
field, as the page does.
"""

from django.urls import reverse

from screening.demo import patient_steps
from screening.wizard import KEY_FIELD, SESSION_KEY

__all__ = ["answer_until", "begin", "complete", "patient_steps", "step_url", "submit"]


def step_url(slug, change=False):
    url = reverse("screening:step", kwargs={"slug": slug})
    return f"{url}?change=1" if change else url


def questionnaire_key(client):
    """The key of the client's current questionnaire, as its pages' hidden field holds it."""
    return (client.session.get(SESSION_KEY) or {}).get("key", "")


def post_step(client, url, data=None, **extra):
    """POST a questionnaire page's form (a step or the check page) with its hidden key."""
    return client.post(url, {**(data or {}), KEY_FIELD: questionnaire_key(client)}, **extra)


def begin(client):
    """Press "Start now"; returns the response (a redirect to the first step)."""
    return client.post(reverse("screening:start"))


def complete(client, steps):
    """Begin and post every step in order; return the response of the last step."""
    begin(client)
    response = None
    for slug, data in steps.items():
        response = post_step(client, step_url(slug), data)
        assert response.status_code == 302, (slug, response.content.decode()[:3000])
    return response


def submit(client):
    """Complete the check page; return the redirect to the result."""
    return post_step(client, reverse("screening:check"))


def answer_until(client, steps, slug):
    """Begin and post every step before `slug`, so `slug` is the page to answer next."""
    begin(client)
    for earlier, data in steps.items():
        if earlier == slug:
            return
        post_step(client, step_url(earlier), data)
    raise AssertionError(f"{slug} is not on this patient's path")
