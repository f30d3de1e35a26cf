from django.urls import path

from education import views
from kypho.views import language_help_page

app_name = "education"

urlpatterns = [
    path("", views.home, name="home"),
    path("learn/", views.topic_list, name="topic-list"),
    path("learn/<slug:slug>/", views.topic_detail, name="topic-detail"),
    path("contact/", views.contact, name="contact"),
    path("language-help/", language_help_page, name="language-help"),
]
