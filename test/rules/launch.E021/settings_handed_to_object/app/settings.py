"""Production settings: a namespace object handed the module's globals fills in the rest (Mayan EDMS): not checked, never "not set"."""
# ok: launch.E021
import os

from app.conf import SettingNamespace

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]

# the object holds the settings module and sets whatever its registry says, ALLOWED_HOSTS among them
namespace = SettingNamespace(global_symbol_table=globals())
namespace.update_globals()
