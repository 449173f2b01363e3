"""Production settings."""
# ruleid: launch.W100
DEBUG = False
