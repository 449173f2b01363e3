from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views import View
from django.views.generic import DeleteView
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


@require_POST
def flag(request):
    next_url = request.POST.get("next", "/")
    # a posted form behind CsrfViewMiddleware (kitsune's flag view): no link can set it — a note
    # note: launch.W123
    return HttpResponseRedirect(next_url)


def go(request):
    next_url = request.GET.get("next", "/")
    # the query string: any link sets it
    # ruleid: launch.W123
    return HttpResponseRedirect(next_url)


@csrf_exempt
def hook(request):
    next_url = request.POST.get("next", "/")
    # CSRF is off for this view: another site's form can post here
    # ruleid: launch.W123
    return HttpResponseRedirect(next_url)


class LoginView(View):
    def get(self, request):
        # the login page puts the link's ?next= into its form...
        return render(request, "login.html", {"next": request.GET.get("next", "/")})

    def post(self, request):
        target = request.POST.get("next", "/")
        # ...so a link chooses where the posted form goes, CSRF or not
        # ruleid: launch.W123
        return redirect(target)


def subscribe(request):
    if request.method == "POST":
        # one function: its GET branch renders the form with the link's ?next=
        # ruleid: launch.W123
        return redirect(request.POST.get("next", "/"))
    return render(request, "subscribe.html", {"next": request.GET.get("next", "/")})


def delete_confirmed(request):
    # a lone "/" on a posted form field, and CsrfViewMiddleware keeps other sites from posting (netbox): a note
    return_url = request.POST.get("return_url")
    if return_url and return_url.startswith("/"):
        # note: launch.W123
        return redirect(return_url)
    return redirect("home")


class FlagDeleteView(DeleteView):
    def form_valid(self, form):
        self.object.delete()
        # a class view reads the posted form through self.request, and CsrfViewMiddleware covers it: a note
        if self.request.POST.get("next"):
            # note: launch.W123
            return HttpResponseRedirect(self.request.POST["next"])
        return redirect("home")
