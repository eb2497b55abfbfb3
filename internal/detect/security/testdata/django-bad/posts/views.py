from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .models import Post


@login_required
def drafts(request):
    return render(request, "posts/drafts.html", {"posts": Post.objects.filter(author=request.user)})
