from django.http import HttpResponseRedirect
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


@require_POST
def flag(request):
    next_url = request.POST.get("next", "/")
    # a posted form behind CsrfViewMiddleware (kitsune's flag view): no link can set it — a note
    # note: launch.W123
    return HttpResponseRedirect(next_url)


def go(request):
    next_url = request.GET.get("next", "/")
    # the query string: any link sets it
    # ruleid: launch.W123
    return HttpResponseRedirect(next_url)


@csrf_exempt
def hook(request):
    next_url = request.POST.get("next", "/")
    # CSRF is off for this view: another site's form can post here
    # ruleid: launch.W123
    return HttpResponseRedirect(next_url)
