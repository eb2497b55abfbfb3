from django.test import TestCase

from notes.models import Note


class NoteApiTests(TestCase):
    def setUp(self):
        Note.objects.create(title="first", body="hello")

    def test_list_returns_notes(self):
        response = self.client.get("/notes/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["notes"][0]["title"], "first")

    def test_str(self):
        note = Note.objects.get(title="first")
        self.assertEqual(note.body, "hello")
