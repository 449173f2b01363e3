import os


def get_string(name, default):
    # Not a plain fallback: the default is only a seed for a per-host key.
    return os.environ.get(name) or default + os.uname().nodename
