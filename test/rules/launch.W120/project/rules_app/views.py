from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt


def audited(view):
    return view


# an earlier copy of the view urls.py now routes from apis.py, under the same name: nothing names this one
# ok: launch.W120
@csrf_exempt
def add_rule(request):
    request.user.rules.create(title=request.POST["title"])
    return JsonResponse({"status": "success"})


# routed from urls.py
# ruleid: launch.W120
@csrf_exempt
def toggle_rule(request):
    rule = request.user.rules.get(pk=request.POST["rule"])
    rule.enabled = not rule.enabled
    rule.save()
    return JsonResponse({"enabled": rule.enabled})


# unrouted, but called from a routed view in this file: still judged
# ruleid: launch.W120
@csrf_exempt
def clear_rules(request):
    request.user.rules.all().delete()
    return JsonResponse({"status": "cleared"})


# a decorator from outside Django may register a view somewhere: judged, routed or not
# ruleid: launch.W120
@csrf_exempt
@audited
def export_rules(request):
    request.user.rules.update(exported=True)
    return JsonResponse({"status": "exported"})


# routed; replacing the rules calls clear_rules() for the user
# ruleid: launch.W120
@csrf_exempt
def import_rules(request):
    if request.POST.get("replace"):
        return clear_rules(request)
    return JsonResponse({"status": "kept"})
