"""Forms for the economy pages. Labels and messages in Swedish; what the user typed is kept on errors."""
import re

from django import forms

from samordna.associations.models import Member
from samordna.interventions.models import Intervention

from .models import Budget, BudgetLine, BusinessPlan, EconomySettings, Fee, FinancingPlan, PlanGoal, Withdrawal

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_UPLOAD = 5 * 1024 * 1024


class Amounts:
    """Amounts typed the Swedish way: "4 505,5" (decimal comma, spaces between thousands) as well as 4505.5."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        decimals = [name for name, field in self.fields.items() if isinstance(field, forms.DecimalField)]
        for name in decimals:
            field = self.fields[name]
            field.localize = True
            field.widget = forms.TextInput(attrs={"inputmode": "decimal", "class": "amount"})
            field.widget.is_localized = True
            value = self.initial.get(name)
            if value is not None and not isinstance(value, str):
                # 4850.000 from the database reads 4850; a Swedish decimal comma otherwise
                self.initial[name] = f"{value.normalize():f}".replace(".", ",")
        if self.is_bound:
            data = self.data.copy()
            for name in decimals:
                key = self.add_prefix(name)
                if isinstance(data.get(key), str):
                    data[key] = re.sub(r"[\s\u00a0]", "", data[key]).replace("−", "-")
            self.data = data


class SettingsForm(Amounts, forms.ModelForm):
    class Meta:
        model = EconomySettings
        fields = ["unit", "population_reference", "split_state_share", "minimum_equity", "notice_years", "withdrawal_rule"]


class PlanForm(Amounts, forms.ModelForm):
    class Meta:
        model = FinancingPlan
        fields = ["requested_total", "state_allocation", "population_date", "unit", "decision", "note"]
        widgets = {"population_date": DATE, "note": forms.Textarea(attrs={"rows": 3})}


class UploadForm(forms.Form):
    file = forms.FileField(label="Fil")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError("Filen är för stor (högst 5 MB).")
        return upload


class PopulationForm(forms.Form):
    member = forms.ModelChoiceField(label="Kommun", queryset=Member.objects.none())
    date = forms.DateField(label="Datum", widget=DATE)
    population = forms.IntegerField(label="Folkmängd", min_value=0)

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = Member.objects.filter(association=association, kind=Member.Kind.MUNICIPALITY)


class BudgetForm(Amounts, forms.ModelForm):
    class Meta:
        model = Budget
        fields = ["opening_equity", "decision"]


class LineForm(Amounts, forms.ModelForm):
    class Meta:
        model = BudgetLine
        fields = ["section", "category", "label", "intervention", "intervention_label", "member", "participants", "amount",
                  "previous_outcome", "forecast", "accounts", "position"]

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = Member.objects.filter(association=association, kind=Member.Kind.MUNICIPALITY)
        self.fields["intervention"].queryset = Intervention.objects.filter(association=association).order_by("name")
        self.fields["intervention"].help_text = ("Kopplingen ger insatsens utfall i uppföljningen. En insats som "
                                                 "avslutats före budgetåret kan inte väljas.")
        self.fields["intervention_label"].help_text = "När raden gäller flera insatser eller en insats utanför registret."


class FeeForm(Amounts, forms.ModelForm):
    class Meta:
        model = Fee
        fields = ["year", "name", "member", "base", "per_mille", "fixed_amount", "decision"]

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = Member.objects.filter(association=association)


class WithdrawalForm(forms.ModelForm):
    class Meta:
        model = Withdrawal
        fields = ["member", "notice_date", "received_on", "decision"]
        widgets = {"notice_date": DATE, "received_on": DATE}

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = Member.objects.filter(association=association)


class RevokeForm(forms.Form):
    revoked_on = forms.DateField(label="Återkallad", widget=DATE)
    revocation_decision = forms.CharField(label="Beslut om återkallelse", max_length=200)


class BusinessPlanCreateForm(forms.Form):
    year = forms.IntegerField(label="År", min_value=2004, max_value=2100)


class BusinessPlanTextsForm(forms.Form):
    """One text area per section of the plan; what is left empty is left out of the document."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, title, help_text in BusinessPlan.SECTIONS:
            self.fields[key] = forms.CharField(label=title, help_text=help_text, required=False, max_length=20_000,
                                               widget=forms.Textarea(attrs={"rows": 5}))


class PlanGoalForm(forms.ModelForm):
    class Meta:
        model = PlanGoal
        fields = ["level", "text", "indicators", "position"]
        widgets = {"indicators": forms.Textarea(attrs={"rows": 3})}


class AdoptForm(forms.Form):
    paragraph = forms.ModelChoiceField(label="Paragraf i styrelsens protokoll", queryset=None,
                                       empty_label="Välj paragraf",
                                       error_messages={"required": "Välj paragrafen i styrelsens protokoll där planen antogs.",
                                                       "invalid_choice": "Välj en paragraf ur listan."})

    def __init__(self, *args, association, **kwargs):
        from .services_plan import adoptable_paragraphs, paragraph_label

        super().__init__(*args, **kwargs)
        self.fields["paragraph"].queryset = adoptable_paragraphs(association)
        self.fields["paragraph"].label_from_instance = paragraph_label
