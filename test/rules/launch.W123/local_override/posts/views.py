from django.http import HttpResponseRedirect
from django.views.decorators.http import require_POST


@require_POST
def done(request):
    next_url = request.POST.get("next", "/")
    # CsrfViewMiddleware is in MIDDLEWARE before a star-import of a module that is not in the repository: a note that names it
    # note: launch.W123
    return HttpResponseRedirect(next_url)

