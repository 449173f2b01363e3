# django-ninja operations (BCIERS' shape: a Router made in router.py, imported by each API module): views
import requests

from app.api.router import router


@router.get("/exchange/{currency}")
def exchange_rate(request, currency: str):
    # ruleid: launch.W124
    answer = requests.get(f"https://rates.example.com/{currency}")
    return answer.json()


@router.post("/refresh")
def refresh(request):
    # ok: launch.W124
    requests.post("https://rates.example.com/refresh", timeout=5)
    return {"ok": True}


def helper_not_a_view(currency):
    # not an operation: no router decorator, never routed
    return requests.get(f"https://rates.example.com/{currency}/raw", timeout=None)
