import shop
from django.core.wsgi import get_wsgi_application

shop.setup()
application = get_wsgi_application()
