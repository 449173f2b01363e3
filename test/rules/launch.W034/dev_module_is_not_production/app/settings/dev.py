# ok: launch.W034
SECRET_KEY_FALLBACKS = ["old-key"]
