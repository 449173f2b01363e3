import dj_database_url

# ok: launch.W041
DATABASES = {"default": dj_database_url.config(default="postgres://localhost/app", conn_max_age=600, conn_health_checks=True)}
