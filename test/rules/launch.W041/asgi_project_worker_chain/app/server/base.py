from uvicorn_worker import UvicornH11Worker as H11Worker


class BaseWorker(H11Worker):
    CONFIG_KWARGS = {"loop": "asyncio"}
