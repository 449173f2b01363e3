import dj_database_url

# note: launch.E040
DATABASES = {"default": dj_database_url.config(default="sqlite://:memory:")}
