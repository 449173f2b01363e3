import requests
from django.views.generic import TemplateView


class AboutPage(TemplateView):
    template_name = "about.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # ruleid: launch.W080
        context["stars"] = requests.get("https://api.github.com/repos/django/django", timeout=5).json()
        return context
