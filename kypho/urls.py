"""The project's URLconf: each app mounts its own, named, routes."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from kypho import views

# Patient pages: English at /..., Spanish at /es/... (kypho/languages.py).
patient_patterns = i18n_patterns(
    path("", include("education.urls")),
    path("screening/", include("screening.urls")),
    prefix_default_language=False,
)

urlpatterns = [
    *patient_patterns,
    path("clinic/", include("clinic.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
]

handler400 = "kypho.views.bad_request"
handler404 = "kypho.views.page_not_found"
handler500 = "kypho.views.server_error"
