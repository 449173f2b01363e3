"""Production settings: the served domain as shipped, then a config file outside the repository may replace any setting."""
import os

import yaml

DEBUG = False
# ok: launch.E020
ALLOWED_HOSTS = ["shop.example.com"]

with open(os.environ["SHOP_CFG"]) as f:
    vars().update(yaml.safe_load(f))
