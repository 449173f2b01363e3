#!/usr/bin/env python
"""The old stock-keeping admin, copied in from its own repository."""
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "legacy.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
