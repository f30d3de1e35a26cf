"""The clinician workspace, mounted at /clinic/. Submissions are addressed by reference,
never by anything personal."""

from django.contrib.auth import views as auth_views
from django.urls import path

from clinic.forms import SignInForm
from clinic.views import actions, queue, submission, two_factor

app_name = "clinic"

# Pages anyone may open; every other route here requires the review permission
# (tests/clinic/test_access.py walks this URLconf to hold that).
PUBLIC_ROUTES = {"login", "logout"}

urlpatterns = [
    path(
        "sign-in/",
        auth_views.LoginView.as_view(
            template_name="clinic/login_form.html",
            authentication_form=SignInForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("two-factor/setup/", two_factor.two_factor_setup, name="two-factor-setup"),
    path("two-factor/verify/", two_factor.two_factor_verify, name="two-factor-verify"),
    path("", queue.queue, name="queue"),
    path("queue.csv", queue.queue_export, name="queue-export"),
    path("dashboard/", queue.dashboard_view, name="dashboard"),
    path("fhir/questionnaire.json", submission.questionnaire_fhir, name="questionnaire-fhir"),
    path("submissions/<str:reference>/", submission.submission_detail, name="submission-detail"),
    path(
        "submissions/<str:reference>/print/", submission.submission_print, name="submission-print"
    ),
    path(
        "submissions/<str:reference>/fhir.json", submission.submission_fhir, name="submission-fhir"
    ),
    path(
        "submissions/<str:reference>/assign/", actions.submission_assign, name="submission-assign"
    ),
    path(
        "submissions/<str:reference>/status/", actions.submission_status, name="submission-status"
    ),
    path(
        "submissions/<str:reference>/decision/",
        actions.submission_decision,
        name="submission-decision",
    ),
    path("submissions/<str:reference>/notes/", actions.submission_note, name="submission-note"),
    path(
        "submissions/<str:reference>/override/",
        actions.submission_override,
        name="submission-override",
    ),
]
