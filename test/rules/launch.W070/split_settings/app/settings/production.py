from .base import *  # noqa: F401,F403

STORAGES = {
    "default": {"BACKEND": "storages.backends.gcloud.GoogleCloudStorage"},
    "staticfiles": {"BACKEND": "storages.backends.gcloud.GoogleCloudStorage"},
}
