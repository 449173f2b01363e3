"""Production settings: copy this file to production.py and fill in the hosts and the key."""
# note: launch.E021
DEBUG = False
SECRET_KEY = "not-checked-by-this-rule"
