"""Production settings: '*' as shipped, then a config file outside the repository may replace any setting (Open edX's YAML)."""
import os

import yaml

DEBUG = False
# note: launch.E020
ALLOWED_HOSTS = ["*"]

with open(os.environ["SHOP_CFG"]) as f:
    vars().update(yaml.safe_load(f))
