from django.urls import path

from screening import views

app_name = "screening"

urlpatterns = [
    path("", views.start, name="start"),
    path("start-again/", views.start_again, name="start-again"),
    path("expired/", views.session_expired, name="session-expired"),
    path("step/<slug:slug>/", views.step, name="step"),
    path("check/", views.check, name="check"),
    path("result/<str:reference>/", views.result, name="result"),
]
