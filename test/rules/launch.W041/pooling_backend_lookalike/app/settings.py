# A project backend whose name only mentions a pool is Django's PostgreSQL backend underneath: no pool of its own.
# ruleid: launch.W041
DATABASES = {"default": {"ENGINE": "app.db.pool_postgresql", "NAME": "app"}}
