# Django refuses to start with an empty key: loud, not a leak.
# ok: launch.E030
SECRET_KEY = ""
