# -*- coding: latin-1 -*-
SITE_NAME = "Café du Coin"
ALLOWED_HOSTS = ["example.com"]
# ruleid: launch.E010
DEBUG = True
