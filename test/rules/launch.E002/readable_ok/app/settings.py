# -*- coding: utf-8 -*-
# ok: launch.E002
SITE_NAME = "Café"
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
