import environ

env = environ.Env()
# ruleid: launch.E040
DATABASES = {"default": env.db("DATABASE_URL", default="sqlite:///db.sqlite3")}
