bind = "0.0.0.0:8000"
workers = 4
raw_env = ["DJANGO_SETTINGS_MODULE=app.settings.live"]
