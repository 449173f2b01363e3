# The older server deploy's settings (IS_PRODUCTION); Heroku runs app.settings.default.
from .base import *
