from django.shortcuts import render
from django.utils.html import format_html
from django.views.generic import TemplateView

from .models import Post


def search(request):
    q = request.GET.get("q", "")
    return render(request, "blog/search.html", {"query": q, "count": Post.objects.count(), "banner": format_html("<b>{}</b>", q)})


def hello(request):
    context = {}
    context["name"] = request.POST.get("name", "")
    return render(request, "blog/hello.html", context)


class PostView(TemplateView):
    template_name = "blog/post.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["post"] = Post.objects.get(pk=self.kwargs["pk"])
        context["ref"] = self.request.GET.get("ref", "")
        return context
