import sys


class Settings:
    ALLOWED_HOSTS = ["example.com"]
    # ruleid: launch.E010
    DEBUG = True

    @property
    def SECRET_KEY(self):
        return "x" * 0


def load():
    settings = Settings()
    module = sys.modules[__name__]
    for name in dir(settings):
        if name.isupper():
            setattr(module, name, getattr(settings, name))


load()
