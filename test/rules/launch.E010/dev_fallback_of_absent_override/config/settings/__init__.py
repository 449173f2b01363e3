# Harvard LIL's CAP: the server has config/settings/settings.py (importing settings_prod); without it this is a
# vanilla development environment. production deploys the absent module, so the development values are notes.
try:
    from .settings import *  # noqa
except ImportError as e:
    if e.msg == "No module named 'config.settings.settings'":
        from .settings_dev import *  # noqa
    else:
        raise
