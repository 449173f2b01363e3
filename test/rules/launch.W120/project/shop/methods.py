"""Views behind the project's own copy of require_http_methods (gPodder's @allowed_methods)."""
from functools import wraps

from django.http import HttpResponseNotAllowed, JsonResponse
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django.views.generic import DeleteView

from .models import Cart


def allowed_methods(methods):
    def decorator(fn):
        @wraps(fn)
        def tmp(request, *args, **kwargs):
            if request.method in methods:
                return fn(request, *args, **kwargs)
            else:
                return HttpResponseNotAllowed(methods)

        return tmp

    return decorator


def only_methods(methods):
    def decorator(view):
        def wrapper(request, *args, **kwargs):
            if request.method not in methods:
                return HttpResponseNotAllowed(methods)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def logged(methods):
    """Looks at the method only to log it: every method reaches the view."""

    def decorator(fn):
        def tmp(request, *args, **kwargs):
            if request.method in methods:
                print("seen", request.method)
            return fn(request, *args, **kwargs)

        return tmp

    return decorator


# the project's gate lets only GET through: CSRF protection never applies to it
# ok: launch.W120
@csrf_exempt
@allowed_methods(["GET"])
def cart_items(request):
    return JsonResponse({"items": Cart.objects.get(owner=request.user).count()})


# ok: launch.W120
@csrf_exempt
@only_methods(("GET", "HEAD"))
def cart_count(request):
    return JsonResponse({"items": Cart.objects.get(owner=request.user).count()})


# POST gets through the gate too, and the view changes the logged-in user's cart
# ruleid: launch.W120
@csrf_exempt
@allowed_methods(["GET", "POST"])
def cart_put(request):
    Cart.objects.get(owner=request.user).add(request.POST["sku"])
    return JsonResponse({})


# a decorator that tests the method without refusing any: not a gate
# ruleid: launch.W120
@csrf_exempt
@logged(["GET"])
def cart_drop(request):
    Cart.objects.filter(owner=request.user).delete()
    return JsonResponse({})


# Django's require_http_methods lets only DELETE reach the view (Portail RSE's suppression_enjeu): a form cannot
# send it, and fetch() sends it to another origin only after a CORS preflight
# note: launch.W120
@csrf_exempt
@require_http_methods(["DELETE"])
def cart_clear(request):
    Cart.objects.filter(owner=request.user).delete()
    return JsonResponse({})


# …but with POST in the list a cross-site form can
# ruleid: launch.W120
@csrf_exempt
@require_http_methods(["POST", "DELETE"])
def cart_clear_or_post(request):
    Cart.objects.filter(owner=request.user).delete()
    return JsonResponse({})


class CartEntry(View):
    """Only DELETE changes anything: a form cannot send it, and fetch() sends it to another origin only after a preflight."""

    def get(self, request, pk):
        return JsonResponse({"sku": Cart.objects.get(owner=request.user, pk=pk).sku})

    def delete(self, request, pk):
        Cart.objects.filter(owner=request.user, pk=pk).delete()
        return JsonResponse({})


class CartEntryRemove(DeleteView):
    """DeleteView answers POST itself (its post() deletes the object): a cross-site form can."""

    model = Cart

    def get_queryset(self):
        return Cart.objects.filter(owner=self.request.user)

    def delete(self, request, *args, **kwargs):
        return super().delete(request, *args, **kwargs)
