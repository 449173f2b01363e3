"""Production settings."""
# ruleid: launch.E021
DEBUG = False
SECRET_KEY = "not-checked-by-this-rule"
