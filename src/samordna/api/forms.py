from django import forms

from samordna.associations.models import Association

from .models import SCOPES
from .services import LIFETIMES


class TokenForm(forms.Form):
    name = forms.CharField(label="Namn på nyckeln", max_length=100,
                           help_text="Vad nyckeln används till, t.ex. ”Intranätets mötesplan”.")
    association = forms.ModelChoiceField(label="Förbund", queryset=Association.objects.none(), empty_label=None)
    scopes = forms.MultipleChoiceField(label="Behörigheter", choices=list(SCOPES.items()), widget=forms.CheckboxSelectMultiple,
                                       initial=["read"],
                                       help_text="Nyckeln ger aldrig mer än din roll i förbundet ger.")
    days = forms.TypedChoiceField(label="Giltig i", coerce=int, choices=list(LIFETIMES.items()), initial=90)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["association"].queryset = Association.objects.filter(roles__user=user).distinct().order_by("name")
        self.fields["name"].error_messages["required"] = "Ge nyckeln ett namn, så att du känner igen den senare."
        self.fields["scopes"].error_messages["required"] = "Välj minst en behörighet."
