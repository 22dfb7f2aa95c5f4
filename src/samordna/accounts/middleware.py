"""A person who owes the second factor may only reach the login, two-factor and password pages until it is given."""
from django.shortcuts import redirect

from .auth import pending_step, step_url

OPEN_URL_NAMES = {
    "login", "logout", "two_factor_verify", "two_factor_enrol",
    "password_reset", "password_reset_done", "password_reset_confirm", "password_reset_complete",
}
# The anonymous exit survey must work whoever opens it.
OPEN_PREFIXES = ("/e/", "/static/")


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated or request.path.startswith(OPEN_PREFIXES):
            return None
        match = request.resolver_match
        if match is not None and match.url_name in OPEN_URL_NAMES:
            return None
        step = pending_step(request)
        if step is None:
            return None
        return redirect(step_url(step, request.get_full_path()))
