from django import forms


class UploadForm(forms.Form):
    # ok: launch.W070
    file = forms.FileField()
