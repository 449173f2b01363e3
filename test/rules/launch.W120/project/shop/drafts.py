from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt


# a name that only contains a protocol word is not a protocol endpoint
# ruleid: launch.W120
@csrf_exempt
def autocomplete_save(request):
    request.session["draft"] = request.POST["text"]
    return HttpResponse("saved")


# a view that only starts like social-auth's complete is not a protocol endpoint
# ruleid: launch.W120
@csrf_exempt
def complete_order(request):
    request.session["order"] = request.POST["order"]
    return HttpResponse("ordered")
