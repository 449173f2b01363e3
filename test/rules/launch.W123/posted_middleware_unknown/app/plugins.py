import importlib
import os


def enabled_plugins():
    return [importlib.import_module(name) for name in os.environ.get("PLUGINS", "").split(",") if name]
