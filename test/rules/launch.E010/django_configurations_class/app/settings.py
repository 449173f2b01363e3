from configurations import Configuration, values


class Base(Configuration):
    ALLOWED_HOSTS = ["example.com"]
    SECRET_KEY = values.SecretValue()


class Dev(Base):
    # ok: launch.E010
    DEBUG = True


class Prod(Base):
    # ruleid: launch.E010
    DEBUG = values.BooleanValue(True)
