from django.http import HttpResponseRedirect
from django.views.decorators.http import require_POST


@require_POST
def done(request):
    next_url = request.POST.get("next", "/")
    # after the override, one path removes CsrfViewMiddleware: it is not known to be installed
    # ruleid: launch.W123
    return HttpResponseRedirect(next_url)

