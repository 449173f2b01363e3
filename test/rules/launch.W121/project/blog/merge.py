from django import forms
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils.safestring import mark_safe
from django.views.generic import FormView

from .models import Post


class PostChoiceField(forms.ModelChoiceField):
    """A project's own model choice field (Geniza's PersonChoiceField): its cleaned value is a row, chosen by id."""

    def label_from_instance(self, obj):
        return f"{obj} (id = {obj.pk})"


class PostMergeForm(forms.Form):
    primary = PostChoiceField(queryset=Post.objects.all())
    note = forms.CharField()


class PostMerge(FormView):
    form_class = PostMergeForm
    template_name = "merge.html"

    def form_valid(self, form):
        primary = form.cleaned_data["primary"]
        # the row's own text, from the database, not the request's
        # ok: launch.W121
        messages.success(self.request, mark_safe(f"Merged into <b>{primary}</b>."))
        # the note is the posted text itself
        # ruleid: launch.W121
        messages.info(self.request, mark_safe(f"Note: {form.cleaned_data['note']}"))
        return HttpResponseRedirect("/")
