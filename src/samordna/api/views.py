"""The user's own API tokens: create (shown once), list and revoke."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from samordna.board.views_common import apply_errors

from . import services
from .forms import TokenForm
from .models import ApiToken


@never_cache
@login_required
def tokens(request):
    form = TokenForm(request.POST if request.method == "POST" else None, user=request.user)
    created = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            token, plain = services.create_token(request.user, data["association"], name=data["name"],
                                                 scopes=data["scopes"], days=data["days"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            created = (token, plain)
            form = TokenForm(user=request.user)
    context = {"form": form, "created": created,
               "tokens": ApiToken.objects.filter(user=request.user).select_related("association")}
    return render(request, "api/tokens.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def token_revoke(request, token_id):
    token = ApiToken.objects.filter(pk=token_id, user=request.user).first()
    if token is None:
        raise Http404("Nyckeln finns inte.")
    services.revoke_token(token)
    messages.success(request, f"Nyckeln ”{token.name}” är återkallad och fungerar inte längre.")
    return redirect("api_tokens")
