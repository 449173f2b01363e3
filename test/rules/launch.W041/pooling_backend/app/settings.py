# django-db-connection-pool's backend keeps its own pool (UKHSA's data dashboard): Django's close returns the
# connection to it, so no request opens its own.
# ok: launch.W041
DATABASES = {
    "default": {
        "ENGINE": "dj_db_conn_pool.backends.postgresql",
        "NAME": "app",
        "POOL_OPTIONS": {"POOL_SIZE": 10, "MAX_OVERFLOW": 10},
    }
}
