# A project backend built on Django's SQLite one (bugsink's timed_sqlite_backend): a file, no connection to keep.
# ok: launch.W041
DATABASES = {"default": {"ENGINE": "app.timed_sqlite_backend", "NAME": "/data/db.sqlite3"}}
