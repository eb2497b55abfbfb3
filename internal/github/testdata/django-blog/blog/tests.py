from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils import timezone

from .models import Post


class PostApiTests(TestCase):
    def setUp(self):
        user = get_user_model().objects.create_user("ana", password="s3cret-pass")
        Post.objects.create(title="Hello", body="First", author=user, published_at=timezone.now())
        Post.objects.create(title="Draft", body="Later", author=user)

    def test_lists_only_published_posts(self):
        response = self.client.get("/api/posts/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual([p["title"] for p in response.json()], ["Hello"])
