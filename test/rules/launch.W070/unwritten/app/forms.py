from django import forms

from app.models import Document


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["scan"]
