import dj_database_url

# Only the CI test run gets a heroku-postgresql add-on (environments.test): production's DATABASE_URL is not
# provided by anything in the repository.
# ruleid: launch.E040
DATABASES = {"default": dj_database_url.config(default="sqlite:///db.sqlite3", conn_max_age=600)}
