# ruleid: launch.I035
SECRET_KEY = "django-insecure-7d#k2@x9!m4p&w0z^q6r(c1v)t8b3n5j*h2l+f7s"
DEBUG = True
