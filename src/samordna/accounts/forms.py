from django import forms

from .models import AssociationRole


class InvitationForm(forms.Form):
    email = forms.EmailField(label="E-postadress", error_messages={
        "required": "Skriv en e-postadress.", "invalid": "Skriv en giltig e-postadress, till exempel namn@kommun.se."})
    role = forms.ChoiceField(label="Roll", choices=AssociationRole.Role.choices,
                             error_messages={"required": "Välj en roll.", "invalid_choice": "Välj en roll i listan."})


class RoleForm(forms.Form):
    role = forms.ChoiceField(label="Ny roll", choices=AssociationRole.Role.choices,
                             error_messages={"required": "Välj en roll.", "invalid_choice": "Välj en roll i listan."})


class AcceptInvitationForm(forms.Form):
    first_name = forms.CharField(label="Förnamn", max_length=150, required=False)
    last_name = forms.CharField(label="Efternamn", max_length=150, required=False)
    username = forms.CharField(label="Användarnamn", max_length=150,
                               error_messages={"required": "Välj ett användarnamn."},
                               widget=forms.TextInput(attrs={"autocomplete": "username"}))
    password1 = forms.CharField(label="Välj lösenord", strip=False, error_messages={"required": "Välj ett lösenord."},
                                help_text="Minst åtta tecken och inte ett vanligt lösenord.",
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password2 = forms.CharField(label="Upprepa lösenordet", strip=False,
                                error_messages={"required": "Skriv lösenordet en gång till."},
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password2") and data["password1"] != data["password2"]:
            self.add_error("password2", "Lösenorden är inte likadana.")
        return data


class TokenForm(forms.Form):
    token = forms.CharField(label="Kod", max_length=20, error_messages={"required": "Skriv koden."},
                            widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text",
                                                          "spellcheck": "false"}))


class DisableSecondFactorForm(forms.Form):
    """Turning two-factor off asks for the password again, so an unattended open session is not enough."""
    password = forms.CharField(label="Ditt lösenord", strip=False, error_messages={"required": "Skriv ditt lösenord."},
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("Lösenordet stämmer inte.")
        return password
