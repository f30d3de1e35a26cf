"""The clinician workspace, mounted at /clinic/. Submissions are addressed by reference,
never by anything personal."""

from django.contrib.auth import views as auth_views
from django.urls import path

from clinic.forms import SignInForm
from clinic.views import queue

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
    path("", queue.queue, name="queue"),
]
