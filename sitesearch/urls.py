"""Mounted by portal/urls.py at the translated path "search/"."""

from django.urls import path

from sitesearch import views

urlpatterns = [
    path("", views.search, name="search"),
]
