"""Test-only tweaks on top of the real settings."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-not-for-production")
os.environ.setdefault("DJANGO_SECURE", "0")

from config.settings import *  # noqa: E402, F403
from config.settings import DATABASES, STATIC_ROOT, VAR_DIR  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = VAR_DIR / "test-media" / str(os.getpid())
ALLOWED_HOSTS = ["*"]
# Concurrent test runs share one server: give each run its own database.
DATABASES["default"]["TEST"] = {"NAME": f"test_vidensbanken_{os.getpid()}"}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns about a missing root
