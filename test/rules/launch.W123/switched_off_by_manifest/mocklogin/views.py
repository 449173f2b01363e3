from django.http import HttpResponseRedirect


def done(request):
    # Routed only when MOCK_LOGIN is on, which production settings turn off.
    # note: launch.W123
    return HttpResponseRedirect(request.GET["next"])
