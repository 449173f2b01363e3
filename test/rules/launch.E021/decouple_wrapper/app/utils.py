from typing import Any

from decouple import Csv, config as _config, undefined


def config(option: str, default: Any = undefined, *args, **kwargs):
    """The project's thin wrapper: split=True reads a comma-separated list, the default's type is the cast."""
    if "split" in kwargs:
        kwargs.pop("split")
        kwargs["cast"] = Csv()
        if isinstance(default, list):
            default = ",".join(default)
    if default is not undefined and default is not None:
        kwargs.setdefault("cast", type(default))
    return _config(option, default=default, *args, **kwargs)
