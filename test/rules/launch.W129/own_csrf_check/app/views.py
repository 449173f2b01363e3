from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_protect


@csrf_protect
def change_email(request):
    if request.method == "POST":
        request.user.email = request.POST["email"]
        request.user.save()
        return redirect("/account/")
    return render(request, "account/email.html")
