"""Login, the second factor, the user's own account page and accepting an invitation."""
import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import devices_for_user, match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import auth, services
from .forms import AcceptInvitationForm, DisableSecondFactorForm, TokenForm
from .models import AssociationRole, RecoveryCodeDevice


def _add_errors(form, error):
    for field, messages_ in error.message_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]:
        for message in messages_:
            form.add_error(field if field in form.fields else None, message)


class LoginView(auth_views.LoginView):
    """Password login; the second factor (if the user has or needs one) follows before anything else."""
    template_name = "accounts/login.html"

    def form_valid(self, form):
        target = auth.complete_login(self.request, form.get_user(), next_url=self.get_redirect_url())
        return redirect(target)


def _next(request):
    return auth.safe_next(request, request.POST.get("next") or request.GET.get("next"))


@login_required
def two_factor_verify(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"].strip().replace(" ", "")
        if not all(d.verify_is_allowed()[0] for d in devices_for_user(request.user)):
            form.add_error("token", "För många felaktiga koder i rad. Vänta en stund och försök igen.")
            return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _next(request)})
        device = match_token(request.user, token)
        if device is not None:
            auth.mark_second_factor(request, device)
            if isinstance(device, RecoveryCodeDevice):
                messages.warning(request, f"Du loggade in med en reservkod. {device.remaining()} reservkoder återstår – "
                                          "skapa nya på din kontosida om de börjar ta slut.")
            return redirect(_next(request))
        form.add_error("token", "Koden stämmer inte. Skriv koden från appen eller en oanvänd reservkod.")
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _next(request)})


def _qr_svg(device):
    return segno.make(device.config_url, error="m").svg_inline(scale=4, title="QR-kod för autentiseringsappen")


def _base32(device):
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


@never_cache
@login_required
def two_factor_enrol(request):
    if auth.has_second_factor(request.user) and not auth.is_verified(request):
        # Replacing the phone needs the old one (or a recovery code) first, or a stolen password would be enough.
        return redirect(auth.step_url("two_factor_verify", request.get_full_path()))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _device, codes = services.confirm_enrolment(request.user, request.POST.get("device"),
                                                        form.cleaned_data["token"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            auth.mark_second_factor(request, _device)
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": _next(request),
                                                                    "first_time": True})
    device = services.start_enrolment(request.user)
    return render(request, "accounts/two_factor_enrol.html", {
        "form": form, "device": device, "qr": _qr_svg(device), "secret": _base32(device), "next": _next(request),
        "required": auth.second_factor_required(request.user)})


@never_cache
@login_required
@require_POST
def recovery_codes(request):
    if not TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        messages.error(request, "Slå på tvåstegsverifiering först.")
        return redirect("account")
    codes = services.new_recovery_codes(request.user)
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": reverse("account")})


@never_cache
@login_required
def two_factor_disable(request):
    """A person whose roles do not require two-factor authentication may turn it off after giving the password."""
    has_totp = TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
    required = auth.second_factor_required(request.user)
    form = DisableSecondFactorForm(request.user, request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and has_totp:
        if required:
            status = 403
        elif form.is_valid():
            try:
                services.disable_second_factor(request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                auth.forget_second_factor(request.session)
                messages.success(request, "Tvåstegsverifieringen är avstängd. Du loggar nu in med bara lösenordet.")
                return redirect("account")
    return render(request, "accounts/account_two_factor_disable.html",
                  {"form": form, "has_totp": has_totp, "required": required}, status=status)


@login_required
def account(request):
    roles = AssociationRole.objects.filter(user=request.user).select_related("association") \
        .order_by("association__name", "role")
    recovery = RecoveryCodeDevice.objects.filter(user=request.user).first()
    return render(request, "accounts/account.html", {
        "roles": roles,
        "admin_of": sorted({r.association for r in roles if r.role == AssociationRole.Role.ADMIN}, key=lambda a: a.name),
        "has_totp": TOTPDevice.objects.filter(user=request.user, confirmed=True).exists(),
        "recovery_left": recovery.remaining() if recovery else 0,
        "required": auth.second_factor_required(request.user),
    })


def invitation(request, token):
    found = services.find_invitation(token)
    if found is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    if request.user.is_authenticated:
        if request.method == "POST":
            try:
                services.accept_as_existing_user(found, request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect("invitation", token=token)
            messages.success(request, f"Du har nu rollen {found.get_role_display().lower()} i {found.association.name}.")
            return redirect(auth.complete_step_or(request, reverse("association", args=[found.association.slug])))
        return render(request, "accounts/invitation_existing.html", {"invitation": found})
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.accept_as_new_user(found, username=data["username"], first_name=data["first_name"],
                                               last_name=data["last_name"], password=data["password1"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            target = auth.complete_login(request, user, backend="django.contrib.auth.backends.ModelBackend",
                                         next_url=reverse("association", args=[found.association.slug]))
            messages.success(request, f"Välkommen! Ditt konto är skapat och du är {found.get_role_display().lower()} "
                                      f"i {found.association.name}.")
            return redirect(target)
    return render(request, "accounts/invitation_new.html", {"invitation": found, "form": form})


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("account")

    def form_valid(self, form):
        messages.success(self.request, "Ditt lösenord är bytt.")
        return super().form_valid(form)


password_reset = auth_views.PasswordResetView.as_view(
    template_name="accounts/password_reset.html", email_template_name="accounts/password_reset_email.txt",
    subject_template_name="accounts/password_reset_subject.txt")
password_reset_done = auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html")
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(template_name="accounts/password_reset_confirm.html")
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html")
