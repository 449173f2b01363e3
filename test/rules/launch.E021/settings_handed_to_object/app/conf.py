import os


class SettingNamespace:
    def __init__(self, global_symbol_table):
        self.globals = global_symbol_table

    def update_globals(self):
        self.globals["ALLOWED_HOSTS"] = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")
