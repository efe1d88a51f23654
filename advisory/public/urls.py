from django.urls import path, re_path

from advisory.public import views

app_name = "advisory_public"
urlpatterns = [
    path("", views.landing, name="landing"),
    path("spoerg/", views.ask, name="ask"),
    path("spoerg/tak/", views.receipt, name="receipt"),
    path("spoerg/forslag/", views.suggestions_json, name="suggestions"),
    path("persondata/", views.privacy, name="privacy"),
    re_path(r"^sag/(?P<token>[A-Za-z0-9_-]{1,100})/$", views.track, name="track"),
]
