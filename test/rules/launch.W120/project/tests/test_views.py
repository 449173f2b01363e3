from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt


# test code never runs in production
# ok: launch.W120
@csrf_exempt
def fake_view(request):
    return HttpResponse(request.user.pk)
