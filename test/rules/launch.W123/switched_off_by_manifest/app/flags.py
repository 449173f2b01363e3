import os


class Flags:
    def read(self, name):
        return os.environ.get(name, "").lower() in ("1", "true", "yes")


flags = Flags()
