import environ

env = environ.Env(DEBUG=(bool, True))
# ruleid: launch.E010
DEBUG = env("DEBUG")
