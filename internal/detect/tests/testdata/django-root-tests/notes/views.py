from django.http import JsonResponse

from .models import Note


def note_list(request):
    return JsonResponse({"notes": list(Note.objects.values("id", "title"))})
