from django.http import JsonResponse


def add_rule(request):
    request.user.rules.create(title=request.POST["title"])
    return JsonResponse({"status": "success"})
