from django.http import HttpResponseRedirect


def done(request):
    # ruleid: launch.W123
    return HttpResponseRedirect(request.GET["next"])
