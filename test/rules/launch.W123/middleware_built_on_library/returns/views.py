from django.http import HttpResponseRedirect


def manage_sources(request):
    # a posted target: a note that whether CSRF covers it is not known, never "CSRF does not cover this view"
    redirect_url = request.POST.get("redirect-url", "/sources/")
    # note: launch.W123
    return HttpResponseRedirect(redirect_url)
