from split_settings.tools import include, optional

include(
    "components/base.py",
    "components/*.py",
    optional("local_settings.py"),
)
