from django.urls import path

from screening import views

app_name = "screening"

urlpatterns = [
    path("", views.start, name="start"),
    path("step/<slug:slug>/", views.step, name="step"),
    path("get-help-now/", views.urgent_advice, name="urgent-advice"),
    path("check/", views.check, name="check"),
    path("result/<str:reference>/", views.result, name="result"),
]
