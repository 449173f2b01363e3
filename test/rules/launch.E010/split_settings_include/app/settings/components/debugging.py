# ruleid: launch.E010
DEBUG = True
