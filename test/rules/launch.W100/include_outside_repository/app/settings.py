from split_settings.tools import include, optional

# ok: launch.W100
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
include(optional("/etc/app/conf.d/*.py"))
