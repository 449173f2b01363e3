from gevent import monkey

monkey.patch_all()

from psycogreen.gevent import patch_psycopg  # noqa: E402

patch_psycopg()

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
