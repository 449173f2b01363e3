from ninja import NinjaAPI

from app.api import rates  # noqa: F401  (registers its operations on the router)
from app.api.router import router

api = NinjaAPI()
api.add_router("/rates/", router)


@api.get("/health")
# ok: launch.W124
def health(request):
    return {"ok": True}
