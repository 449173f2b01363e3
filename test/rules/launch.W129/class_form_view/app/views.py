from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import UpdateView

from .models import Publisher


class PublisherUpdate(LoginRequiredMixin, UpdateView):
    model = Publisher
    fields = ["name", "website"]
