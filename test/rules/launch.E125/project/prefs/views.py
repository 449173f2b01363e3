import base64
import json
import pickle

import yaml
from django.core import signing
from django.http import JsonResponse
from django.views import View


def load_prefs(request):
    raw = base64.b64decode(request.COOKIES["prefs"])
    # ruleid: launch.E125
    prefs = pickle.loads(raw)
    # signed by the server: a client cannot forge it
    # ok: launch.E125
    signed = pickle.loads(signing.loads(request.COOKIES["prefs2"]))
    # JSON builds no objects
    # ok: launch.E125
    plain = json.loads(request.body)
    return JsonResponse({"prefs": prefs, "signed": signed, "plain": plain})


def import_config(request):
    upload = request.FILES["config"]
    # ruleid: launch.E125
    config = yaml.load(upload, Loader=yaml.Loader)
    # ruleid: launch.E125
    again = yaml.unsafe_load(upload.read())
    # SafeLoader builds plain data only
    # ok: launch.E125
    safe = yaml.load(request.body, Loader=yaml.SafeLoader)
    # ok: launch.E125
    safer = yaml.safe_load(request.body)
    # FullLoader: safe since PyYAML 5.4, not meant for untrusted input — a note
    # note: launch.E125
    full = yaml.load(request.body, Loader=yaml.FullLoader)
    return JsonResponse({"n": len([config, again, safe, safer, full])})


class Restore(View):
    def post(self, request):
        return JsonResponse({"state": restore_state(request.body)})


def restore_state(blob):
    # request data one call up
    # ruleid: launch.E125
    return pickle.loads(blob)


def load_cache(path):
    with open(path, "rb") as f:
        # a file the server wrote itself: not request data
        # ok: launch.E125
        return pickle.load(f)
