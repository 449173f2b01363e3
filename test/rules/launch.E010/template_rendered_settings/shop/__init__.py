import os


def setup():
    os.environ["DJANGO_SETTINGS_MODULE"] = "shop_config"
