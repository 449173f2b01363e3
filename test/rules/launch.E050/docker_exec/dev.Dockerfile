FROM python:3.12-slim
# ok: launch.E050
CMD python manage.py runserver_plus 0.0.0.0:8000
