import dj_database_url

# ok: launch.E040
DATABASES = {"default": dj_database_url.config(default="postgres://localhost/app", conn_max_age=600)}
