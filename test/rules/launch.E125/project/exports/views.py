import yaml

from django.http import HttpResponse


def export_settings(request):
    # the server's own data, dumped: nothing is loaded
    # ok: launch.E125
    body = yaml.safe_dump({"theme": request.GET.get("theme", "light")})
    # ok: launch.E125
    echoed = yaml.safe_load(request.GET.get("doc", "{}"))
    return HttpResponse(body + str(echoed), content_type="application/yaml")
