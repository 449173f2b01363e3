"""The project's own environment helpers."""
import os


def get_string(name, default):
    return os.environ.get(name, default)


def get_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise ValueError(f"{name} must be true or false")
