# note: launch.W100
import yaml

ALLOWED_HOSTS = ["example.com"]
with open("/etc/app/config.yaml") as f:
    globals().update(yaml.safe_load(f))
