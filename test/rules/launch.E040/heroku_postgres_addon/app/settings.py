import dj_database_url

# The app's heroku-postgresql add-on sets DATABASE_URL (app.json): the SQLite default is for local runs only
# (Wagtail's user guide).
# ok: launch.E040
DATABASES = {"default": dj_database_url.config(default="sqlite:///db.sqlite3", conn_max_age=600)}
