import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# What is loaded by now lives as long as the process. Out of the garbage collector's sight,
# a full collection no longer walks all of it: that stalled about one search in twenty by
# a tenth of a second (bench/search.py).
gc.freeze()
