from django.urls import path, re_path
from rest_framework import routers

from . import views

router = routers.DefaultRouter()
router.register(r"questions", views.QuestionViewSet)

app_name = "polls"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:question_id>/", views.detail, name="detail"),
    re_path(r"^archive/(?P<year>[0-9]{4})/$", views.archive),
    # path("old/", views.old),
]
urlpatterns += router.urls
