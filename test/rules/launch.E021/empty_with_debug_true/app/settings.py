# startproject's settings launched as they are (StudyBud, Try-Django): with DEBUG on Django accepts only
# localhost, so the site's own domain gets 400; launch.E010 reports DEBUG itself.
DEBUG = True
# ruleid: launch.E021
ALLOWED_HOSTS = []
