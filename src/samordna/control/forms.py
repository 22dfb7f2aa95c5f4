"""Forms for the internal control pages. Range checks against the matrix live in the services (one message source)."""
from django import forms

from samordna.rules import risk as rules

from .models import ControlSettings, FollowUp, Risk
from .selectors import coming_meetings, paragraphs_for, people_for

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
PURPOSE_CHOICES = [("adoption", "Planen ska antas (beslutsärende)"),
                   ("follow_up", "Uppföljningen ska redovisas (informationsärende)")]


def _paragraph_label(paragraph):
    return f"§ {paragraph.label} {paragraph.title} ({paragraph.meeting.body.name} {paragraph.meeting.date:%Y-%m-%d})"


def _steps(labels, blank=None):
    choices = [(step, f"{step} – {label}") for step, label in enumerate(labels, start=1)]
    return ([("", blank)] + choices) if blank else choices


class SettingsForm(forms.Form):
    matrix_size = forms.TypedChoiceField(label="Riskmatrisens storlek", coerce=int,
                                         choices=[(size, f"{size} × {size}") for size in rules.SIZES])
    probability_labels = forms.CharField(label="Benämningar för sannolikhet", required=False,
                                         widget=forms.Textarea(attrs={"rows": 5}),
                                         help_text=ControlSettings._meta.get_field("probability_labels").help_text)
    consequence_labels = forms.CharField(label="Benämningar för konsekvens", required=False,
                                         widget=forms.Textarea(attrs={"rows": 5}),
                                         help_text=ControlSettings._meta.get_field("consequence_labels").help_text)


class PlanForm(forms.Form):
    year = forms.IntegerField(label="År", min_value=2000, max_value=2100)
    adopted_at = forms.ModelChoiceField(label="Antagen vid", required=False, queryset=None, empty_label="Inte antagen ännu")
    reported_at = forms.ModelChoiceField(label="Uppföljningen redovisad vid", required=False, queryset=None,
                                         empty_label="Inte redovisad ännu")
    note = forms.CharField(label="Kommentar", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, association, year, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("adopted_at", "reported_at"):
            self.fields[name].queryset = paragraphs_for(association, year)
            self.fields[name].label_from_instance = _paragraph_label


class NewPlanForm(forms.Form):
    year = forms.IntegerField(label="År", min_value=2000, max_value=2100)


class RiskForm(forms.Form):
    title = forms.CharField(label="Vad kan gå fel?", max_length=300)
    process = forms.CharField(label="Process eller område", max_length=200, required=False,
                              help_text="T.ex. uppföljning, ekonomi, personal")
    probability = forms.IntegerField(label="Sannolikhet")
    consequence = forms.IntegerField(label="Konsekvens")
    action_plan = forms.CharField(label="Åtgärdsplan", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    control_method = forms.CharField(label="Kontrollmetod", required=False, widget=forms.Textarea(attrs={"rows": 3}),
                                     help_text="Hur kontrollen görs")
    frequency = forms.ChoiceField(label="Frekvens", choices=Risk.Frequency.choices, initial=Risk.Frequency.YEARLY)
    responsible = forms.ModelChoiceField(label="Ansvarig", required=False, queryset=None, empty_label="Ingen vald")

    def __init__(self, *args, association, settings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = people_for(association)
        self.fields["probability"].widget = forms.Select(choices=_steps(settings.probability_steps, "Välj"))
        self.fields["consequence"].widget = forms.Select(choices=_steps(settings.consequence_steps, "Välj"))


class FollowUpForm(forms.Form):
    date = forms.DateField(label="Datum", widget=DATE)
    status = forms.ChoiceField(label="Status", choices=FollowUp.Status.choices, widget=forms.RadioSelect)
    assessment = forms.CharField(label="Bedömning", widget=forms.Textarea(attrs={"rows": 4}))
    new_probability = forms.IntegerField(label="Ny sannolikhet", required=False,
                                         help_text="Fyll i om uppföljningen ändrar bedömningen av risken. "
                                                   "Ändrar du bara den ena behåller den andra sitt nuvarande värde.")
    new_consequence = forms.IntegerField(label="Ny konsekvens", required=False)

    def __init__(self, *args, settings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_probability"].widget = forms.Select(choices=_steps(settings.probability_steps, "Oförändrad"))
        self.fields["new_consequence"].widget = forms.Select(choices=_steps(settings.consequence_steps, "Oförändrad"))


class AgendaForm(forms.Form):
    meeting = forms.ModelChoiceField(label="Sammanträde", queryset=None, empty_label="Välj sammanträde")
    purpose = forms.ChoiceField(label="Vad ska tas upp?", choices=PURPOSE_CHOICES, widget=forms.RadioSelect,
                                initial="adoption")

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = coming_meetings(association)
        self.fields["meeting"].label_from_instance = (
            lambda meeting: f"{meeting.body.name} {meeting.date:%Y-%m-%d} kl. {meeting.start:%H:%M}")


class CopyForm(forms.Form):
    year = forms.IntegerField(label="Till år", min_value=2000, max_value=2100)
