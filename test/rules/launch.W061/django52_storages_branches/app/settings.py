# FAC's shape: each branch of an undecided test sets STORAGES with a staticfiles backend, and a loop over the
# platform's bound services sets the old STATICFILES_STORAGE — dead configuration on Django 5.2, not a lost backend.
import json
import os

if os.environ.get("ENVIRONMENT") not in ["STAGING", "PRODUCTION"]:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
else:
    STORAGES = {
        "default": {"BACKEND": "storages.backends.s3boto3.S3Boto3Storage"},
        "staticfiles": {"BACKEND": "storages.backends.s3boto3.S3ManifestStaticStorage"},
    }
    # ok: launch.W061
    for service in json.loads(os.environ["VCAP_SERVICES"])["s3"]:
        if service["instance_name"] == "public-s3":
            STATICFILES_STORAGE = "storages.backends.s3boto3.S3Boto3Storage"
