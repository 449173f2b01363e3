from django.contrib.auth.models import User
from django.db import connection
from django.db.models.expressions import RawSQL
from django.http import JsonResponse
from django.views import View

from .models import Order

ORDER_COLUMNS = {"date": "created_at", "total": "total"}


def search(request):
    q = request.GET.get("q", "")
    with connection.cursor() as cursor:
        # an f-string with the query string in it
        # ruleid: launch.E122
        cursor.execute(f"SELECT id, name FROM reports_product WHERE name LIKE '%{q}%'")
        # the same query, parameterised: fine
        # ok: launch.E122
        cursor.execute("SELECT id, name FROM reports_product WHERE name LIKE %s", [f"%{q}%"])
        rows = cursor.fetchall()
    return JsonResponse({"rows": rows})


def log_in(request):
    username = request.POST["username"]
    password = request.POST["password"]
    query = """
        SELECT * FROM auth_user WHERE username = '%s' AND password = '%s'
    """ % (username, password)
    # ruleid: launch.E122
    users = list(User.objects.raw(query))
    # ok: launch.E122
    same = list(User.objects.raw("SELECT * FROM auth_user WHERE username = %s", [username]))
    return JsonResponse({"ok": bool(users or same)})


def orders(request):
    status = request.GET["status"]
    sort = ORDER_COLUMNS.get(request.GET.get("sort"), "created_at")
    qs = Order.objects.extra(
        # ruleid: launch.E122
        where=["status = '" + status + "'"],
    )
    # params for the values: fine
    # ok: launch.E122
    qs = qs.extra(where=["status = %s"], params=[status])
    qs = qs.annotate(
        # ruleid: launch.E122
        flagged=RawSQL("SELECT 1 FROM reports_flag WHERE note = '{}'".format(request.GET["note"]), []),
    )
    # a placeholder list built from constants and a count: fine
    ids = [int(x) for x in request.GET.getlist("id")]
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        # ok: launch.E122
        cursor.execute(f"SELECT * FROM reports_order WHERE id IN ({placeholders})", ids)
        # an identifier from a fixed map, a number from int(): fine
        # ok: launch.E122
        cursor.execute(f"SELECT * FROM reports_order ORDER BY {sort} LIMIT {int(request.GET['n'])}")
    return JsonResponse({"n": qs.count()})


def stats(request, table):
    # a URL parameter of unknown shape in a view: a note, not an error
    with connection.cursor() as cursor:
        # note: launch.E122
        cursor.execute(f"SELECT COUNT(*) FROM {table}")
        # model metadata: fine
        # ok: launch.E122
        cursor.execute(f"SELECT COUNT(*) FROM {Order._meta.db_table}")
        return JsonResponse({"n": cursor.fetchone()[0]})


class ExportView(View):
    def get(self, request):
        return JsonResponse({"rows": fetch_rows(request.GET["region"])})


def fetch_rows(region):
    with connection.cursor() as cursor:
        # the helper's parameter is request data, one call up
        # ruleid: launch.E122
        cursor.execute("SELECT * FROM reports_order WHERE region = '%s'" % region)
        return cursor.fetchall()
