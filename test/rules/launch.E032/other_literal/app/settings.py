# A committed key (launch.E030), but not the startproject one.
# ok: launch.E032
SECRET_KEY = "q8v!2m#t0r@w6x^k1p&z9c*f4n(j7h)s3b-l5d+g_y=e8a%u2o"
