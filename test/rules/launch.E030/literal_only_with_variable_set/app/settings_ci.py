# the CI run's settings, switched on by CI_RUN (Sefaria): the literal key is here, and the finding points here
# ruleid: launch.E030
SECRET_KEY = "ci-only-key-0123456789abcdefghijklmnopqrstuvwxyz"
