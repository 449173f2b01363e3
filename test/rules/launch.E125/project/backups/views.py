import marshal

from django.http import JsonResponse


def restore(request):
    # marshal builds code objects from the bytes it is given
    # ruleid: launch.E125
    state = marshal.loads(request.body)
    return JsonResponse({"keys": len(state)})
