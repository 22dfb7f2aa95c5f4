"""Forms for the register's pages; choices are always limited to the acting association."""
from django import forms

from samordna.board.models import AgendaItem, Body, Person

from . import selectors
from .models import Assignment, Case, DelegatedDecision, DelegationPoint, Document, Notification, RegistrySettings

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MeetingChoice(forms.ModelChoiceField):
    def label_from_instance(self, meeting):
        label = f" ({meeting.label})" if meeting.label else ""
        return f"{meeting.body.name} {meeting.date:%Y-%m-%d}{label}"


class ParagraphChoice(forms.ModelChoiceField):
    def label_from_instance(self, p):
        return f"{p.meeting.body.name} {p.meeting.date:%Y-%m-%d} § {p.label} {p.title}"


class DecisionChoice(forms.ModelChoiceField):
    def label_from_instance(self, d):
        p = d.paragraph
        return f"{p.meeting.body.name} {p.meeting.date:%Y-%m-%d} § {p.label}: att {d.text[:90]}"


class CaseForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = ["number", "title", "received_on", "handling_officer", "status", "description"]
        widgets = {"received_on": DATE, "description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"number": "Föreslås enligt förbundets format. Nummer från ett annat diarium skrivs som de står, t.ex. 2019KS742."}

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handling_officer"].queryset = Person.objects.filter(association=association)


class RecipientForm(forms.Form):
    name = forms.CharField(label="Mottagare", max_length=200, help_text="Organisation och vid behov enhet, t.ex. ”Härryda kommun, kommunstyrelsen”.")
    email = forms.EmailField(label="E-post", error_messages={"invalid": "Skriv en giltig e-postadress, t.ex. registrator@kommun.se."})


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=Case.Status.choices)


class DocumentForm(forms.Form):
    file = forms.FileField(label="Fil", help_text="PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt) eller text (.txt), högst 20 MB.")
    kind = forms.ChoiceField(label="Typ av handling", choices=Document.Kind.choices)
    title = forms.CharField(label="Rubrik", max_length=300, required=False, help_text="Lämna tomt för att använda filnamnet.")
    confidential = forms.BooleanField(label="Sekretess – visas bara för förbundschef, sekreterare och revisorer", required=False)


class AgendaForm(forms.Form):
    meeting = MeetingChoice(label="Sammanträde", queryset=None, empty_label="Välj sammanträde")
    kind = forms.ChoiceField(label="Slag", choices=AgendaItem.Kind.choices)
    title = forms.CharField(label="Rubrik på föredragningslistan", max_length=300)
    proposal = forms.CharField(label="Förslag till beslut", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = selectors.open_meetings(association)


class SettingsForm(forms.ModelForm):
    class Meta:
        model = RegistrySettings
        fields = ["case_number_format"]


class DelegationPointForm(forms.ModelForm):
    class Meta:
        model = DelegationPoint
        fields = ["code", "title", "delegate", "active"]


class AssignmentForm(forms.ModelForm):
    decision = DecisionChoice(label="Beslut", queryset=None, required=False, empty_label="Inget (fristående uppdrag)")
    report_to = MeetingChoice(label="Återrapporteras vid sammanträde", queryset=None, required=False, empty_label="Inget bestämt")

    class Meta:
        model = Assignment
        fields = ["title", "decision", "owner_body", "owner", "due_on", "report_to", "status", "completed_on", "note"]
        widgets = {"due_on": DATE, "completed_on": DATE, "note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"title": "T.ex. Arbetsutskottet återkopplar hanteringen av ärendet till styrelsen."}

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = selectors.decision_choices(association)
        self.fields["report_to"].queryset = selectors.open_meetings(association)
        if self.instance.pk and self.instance.report_to_id:
            current = self.instance.report_to
            self.fields["report_to"].queryset = (self.fields["report_to"].queryset | type(current).objects.filter(pk=current.pk)).distinct()
        self.fields["owner"].queryset = Person.objects.filter(association=association)
        self.fields["owner_body"].queryset = Body.objects.filter(association=association)


class DelegatedDecisionForm(forms.ModelForm):
    paragraph = ParagraphChoice(label="Anmäld vid paragraf", queryset=None, required=False, empty_label="Ännu inte anmäld",
                                help_text="Fylls i av sig självt när beslutet anmälts via föredragningslistan och protokollet.")

    class Meta:
        model = DelegatedDecision
        fields = ["point", "decided_by", "decided_on", "subject", "case_number", "announce", "paragraph"]
        widgets = {"decided_on": DATE, "subject": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        points = DelegationPoint.objects.filter(association=association)
        if not self.instance.pk:
            points = points.filter(active=True)
        self.fields["point"].queryset = points
        self.fields["decided_by"].queryset = Person.objects.filter(association=association)
        self.fields["paragraph"].queryset = selectors.paragraph_choices(association)


class NotificationForm(forms.ModelForm):
    paragraph = ParagraphChoice(label="Behandlad vid paragraf", queryset=None, required=False, empty_label="Ännu inte behandlad")

    class Meta:
        model = Notification
        fields = ["category", "received_on", "sender", "subject", "case_number", "paragraph", "action"]
        widgets = {"received_on": DATE, "action": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paragraph"].queryset = selectors.paragraph_choices(association)
