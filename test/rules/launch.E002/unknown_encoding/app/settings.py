# ruleid: launch.E002
# -*- coding: klingon -*-
DEBUG = False
