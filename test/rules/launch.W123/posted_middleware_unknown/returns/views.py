from django.shortcuts import redirect


def delete_confirmed(request):
    # a lone "/" on a posted form field; whether CsrfViewMiddleware is still installed is not known (netbox): a note
    return_url = request.POST.get("return_url")
    if return_url and return_url.startswith("/"):
        # note: launch.W123
        return redirect(return_url)
    return redirect("home")


def back(request):
    # the same check on the query string: any link chooses it
    back_url = request.GET.get("back", "")
    if back_url.startswith("/"):
        # ruleid: launch.W123
        return redirect(back_url)
    return redirect("home")
