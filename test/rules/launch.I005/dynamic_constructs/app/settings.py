import json
import sys

ALLOWED_HOSTS = ["example.com"]
# ok: launch.I005
globals().update({"DEBUG": False})
with open("/etc/app.json") as f:
    # ruleid: launch.I005
    globals().update(json.load(f))
for key, value in json.load(open("/etc/extra.json")).items():
    # ok: launch.I005
    globals()[key] = value
# ok: launch.I005
exec(open("/etc/app/more.py").read())
# ok: launch.I005
setattr(sys.modules[__name__], "X" + "Y", 1)
# ok: launch.I005
setattr(sys.modules[__name__], "SITE_ID", 1)
