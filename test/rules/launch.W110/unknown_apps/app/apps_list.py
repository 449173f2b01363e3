import json
import os

EXTRA_APPS = json.loads(os.environ.get("EXTRA_APPS", "[]"))
