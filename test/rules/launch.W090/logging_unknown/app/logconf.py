def build_logging():
    return {"version": 1}
