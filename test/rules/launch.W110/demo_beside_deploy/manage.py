#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    # the demo project, for trying the app out locally
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "demo.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
