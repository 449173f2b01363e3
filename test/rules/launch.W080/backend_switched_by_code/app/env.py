def boolcheck(value):
    return str(value).lower() in ("1", "true", "yes")
