from django.http import HttpResponseRedirect
from django.views.decorators.http import require_POST


@require_POST
def done(request):
    next_url = request.POST.get("next", "/")
    # MIDDLEWARE is set by globals().update(...): CSRF protection is not known either way — a note that says so
    # note: launch.W123
    return HttpResponseRedirect(next_url)


def search(request):
    # The query string decides the target whatever the middleware: a warning
    # ruleid: launch.W123
    return HttpResponseRedirect(request.GET["next"])
