from django.contrib.admin.views.decorators import staff_member_required
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from .models import Cart


# Exempt for API-key clients; the logged-in user's branch goes through csrf_protect (Sefaria's APIs): a note
# note: launch.W120
@csrf_exempt
def notes_api(request):
    if not request.user.is_authenticated:
        if request.POST.get("apikey") != "k":
            return JsonResponse({"error": "key"}, status=403)
        return JsonResponse({"saved": True})

    @csrf_protect
    def protected_post(request):
        Cart.objects.filter(owner=request.user).update(note=request.POST["note"])
        return JsonResponse({"saved": True})

    return protected_post(request)


@csrf_protect
@staff_member_required
def protected_tags_post(request):
    Cart.objects.filter(owner=request.user).update(tags=request.POST["tags"])
    return JsonResponse({"saved": True})


# the same through a module-level function decorated with csrf_protect
# note: launch.W120
@csrf_exempt
def tags_api(request):
    if request.user.is_authenticated:
        return protected_tags_post(request)
    return JsonResponse({"error": "log in"}, status=403)
