# ok: launch.E020
ALLOWED_HOSTS = ["example.com"]
# ruleid: launch.E020
ALLOWED_HOSTS.append("*")
