from traceback import format_exc

from .staff import send_problem_report


class ErrorReportMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        send_problem_report(f"{request.path}\n{format_exc()}")
