from django.http import HttpResponse

from app.models import Invoice, Receipt, VoterList


def upload_receipt(request, pk):
    receipt = Receipt.objects.get(pk=pk)
    receipt.pdf = request.FILES["pdf"]
    receipt.save()
    return HttpResponse("ok")


def new_invoice(request):
    Invoice.objects.create(attachment=request.FILES["file"])
    return HttpResponse("ok")


def voters(request, pk):
    # a local name spelled like the field writes nothing
    legacy_file = VoterList.objects.get(pk=pk).legacy_file
    VoterList.objects.create(content=request.POST["content"])
    return HttpResponse(legacy_file.url if legacy_file else "")
