"""The project's URLconf: each app mounts its own, named, routes."""

from django.contrib import admin
from django.urls import include, path

from kypho import views

urlpatterns = [
    path("", include("education.urls")),
    path("screening/", include("screening.urls")),
    path("clinic/", include("clinic.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
]

handler400 = "kypho.views.bad_request"
handler404 = "kypho.views.page_not_found"
handler500 = "kypho.views.server_error"
