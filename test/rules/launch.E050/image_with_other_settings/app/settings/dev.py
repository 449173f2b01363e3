DEBUG = True
SECRET_KEY = "x"
