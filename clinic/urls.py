"""The clinician workspace, mounted at /clinic/. Submissions are addressed by reference,
never by anything personal; the queue's search text is POSTed and kept in the session."""

from django.contrib.auth import views as auth_views
from django.urls import path

from clinic.forms import SignInForm
from clinic.views import actions, queue, session, submission, two_factor

app_name = "clinic"

# Pages anyone may open; every other route here requires the review permission
# (tests/clinic/test_access.py walks this URLconf to hold that).
PUBLIC_ROUTES = {"login", "logout"}
# Pages about the signed-in account's own second factor: admin staff may use them too,
# since the admin asks for the same second factor. They show no patient data.
ACCOUNT_ROUTES = {
    "two-factor-setup",
    "two-factor-verify",
    "two-factor-devices",
    "two-factor-remove",
}

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
    path("two-factor/apps/", two_factor.two_factor_devices, name="two-factor-devices"),
    path(
        "two-factor/apps/<int:pk>/remove/",
        two_factor.two_factor_remove,
        name="two-factor-remove",
    ),
    path("session/", session.session_status, name="session-status"),
    path("session/extend/", session.session_extend, name="session-extend"),
    path("", queue.queue, name="queue"),
    path("search/", queue.queue_search, name="queue-search"),
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
