# SQLite chosen knowingly (a single-server app like ArchiveBox): tuned for concurrent writers and kept on the
# /data volume the compose file mounts — a note, not an error.
# note: launch.E040
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "/data/index.sqlite3",
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA busy_timeout = 30000; PRAGMA journal_mode = WAL;",
        },
    }
}
