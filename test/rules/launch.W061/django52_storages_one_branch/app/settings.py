# Only one branch of an undecided test sets STORAGES: on the other, Django 5.2 ignores the old setting and
# falls back to its default static files backend.
import os

if os.environ.get("USE_S3") == "1":
    STORAGES = {
        "staticfiles": {"BACKEND": "storages.backends.s3boto3.S3ManifestStaticStorage"},
    }
# ruleid: launch.W061
STATICFILES_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
