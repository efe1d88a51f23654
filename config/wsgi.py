import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()
get_resolver().url_patterns  # noqa: B018 - imports every view before the freeze below

# What is loaded by now lives as long as the process. Out of the garbage collector's sight,
# a full collection no longer walks all of it: that stalled about one search in twenty by
# a tenth of a second (bench/search.py).
gc.freeze()
