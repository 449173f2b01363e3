"""Production settings."""
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
# ruleid: launch.E010
DEBUG = True
ALLOWED_HOSTS = ["example.com"]
