# ok: launch.W100
from split_settings.tools import include

include("components/*.py")
