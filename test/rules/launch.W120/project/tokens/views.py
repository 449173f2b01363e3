from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt

from tokens.decorators import require_token, token_if_given


# note: launch.W120
@csrf_exempt
@require_token
def update_release(request):
    request.user.email = request.POST["email"]
    request.user.save()
    return JsonResponse({"by": request.user.username})


# ruleid: launch.W120
@csrf_exempt
@token_if_given
def update_profile(request):
    request.user.email = request.POST["email"]
    request.user.save()
    return JsonResponse({"by": request.user.username})
