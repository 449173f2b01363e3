from sentry_sdk import capture_message


def test_capture():
    capture_message("hello")
