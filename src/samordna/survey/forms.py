"""Staff forms for the survey. The participants' page is built from the questions, not from a Form:
its fields come from the published version and must never need a CSRF cookie."""
from django import forms
from django.utils.text import slugify

from samordna.rules.privacy import MIN_THRESHOLD

from .indicators import AUDIENCES
from .models import Distribution, Question, Questionnaire
from .services import MAX_CODES


class NewQuestionnaireForm(forms.Form):
    name = forms.CharField(label="Namn", max_length=200, initial="Avslutsenkät")
    kind = forms.ChoiceField(label="Typ", choices=Questionnaire.Kind.choices, initial=Questionnaire.Kind.EXIT)
    audience = forms.ChoiceField(label="Målgrupp (för indikatorenkät)", required=False,
                                 choices=[("", "–")] + [(k, v[0]) for k, v in AUDIENCES.items()],
                                 help_text="Indikatorenkäter får fast formulering som inte kan ändras efter publicering.")
    with_defaults = forms.BooleanField(label="Börja med standardfrågorna", required=False, initial=True,
                                       help_text="Hälsa, aktivitetsförmåga, närmare arbete, bemötande, "
                                                 "rekommendation och bakgrund i breda grupper.")


    def clean(self):
        data = super().clean()
        if data.get("kind") == Questionnaire.Kind.INDICATOR and not data.get("audience"):
            self.add_error("audience", "Välj målgrupp för indikatorenkäten.")
        return data


class QuestionnaireForm(forms.ModelForm):
    class Meta:
        model = Questionnaire
        fields = ["name", "intro", "min_group"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 3})}

    def clean_min_group(self):
        value = self.cleaned_data["min_group"]
        if value is not None and value < MIN_THRESHOLD:
            raise forms.ValidationError(f"Minsta grupp får inte vara lägre än {MIN_THRESHOLD}.")
        return value


class QuestionForm(forms.ModelForm):
    choices_text = forms.CharField(
        label="Svarsalternativ", required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Ett per rad, för ett- och flervalsfrågor. Skriv gärna ”svenska | lättläst | engelska”.")

    class Meta:
        model = Question
        fields = ["kind", "text", "text_easy", "text_en", "low_label", "high_label", "key", "background"]
        help_texts = {"key": "Lämna tomt så skapas en kod av frågan."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].required = False

    def clean(self):
        data = super().clean()
        choices = []
        for line in (data.get("choices_text") or "").splitlines():
            parts = [p.strip() for p in line.split("|")]
            if parts and parts[0]:
                sv = parts[0]
                choices.append([slugify(sv)[:40] or f"alt{len(choices) + 1}", sv,
                                parts[1] if len(parts) > 1 else "", parts[2] if len(parts) > 2 else ""])
        codes = [c[0] for c in choices]
        if len(set(codes)) != len(codes):
            self.add_error("choices_text", "Svarsalternativ: två alternativ har samma text.")
        data["choices"] = choices
        if not data.get("key") and data.get("text"):
            data["key"] = slugify(data["text"])[:40] or "fraga"
        return data


class DistributionForm(forms.ModelForm):
    class Meta:
        model = Distribution
        fields = ["questionnaire", "intervention", "label", "requires_code"]

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["questionnaire"].queryset = association.questionnaires.all()
        self.fields["intervention"].queryset = association.interventions.all()
        self.fields["intervention"].required = False


class CodesForm(forms.Form):
    count = forms.IntegerField(label="Antal koder", min_value=1, max_value=MAX_CODES, initial=20)
