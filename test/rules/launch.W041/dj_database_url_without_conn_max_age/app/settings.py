import dj_database_url

# ruleid: launch.W041
DATABASES = {"default": dj_database_url.config(default="postgres://localhost/app")}
