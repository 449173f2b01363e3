from django.http import HttpResponseRedirect
from django.views.decorators.http import require_POST


@require_POST
def done(request):
    next_url = request.POST.get("next", "/")
    # CsrfViewMiddleware was never in MIDDLEWARE: the override cannot be what makes this safe
    # ruleid: launch.W123
    return HttpResponseRedirect(next_url)

