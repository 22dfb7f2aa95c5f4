"""Forms for the board's pages. Labels and messages in Swedish; what the user typed is kept on errors."""
from django import forms

from samordna.associations.models import Member

from .models import AgendaItem, Attendance, Body, Mandate, Meeting, Paragraph, Person, PresidiumTerm, Role, SeatGroup, StandardItem

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class BodyForm(forms.ModelForm):
    class Meta:
        model = Body
        fields = ["name", "slug", "kind", "numbering", "first_number"]


class SeatGroupForm(forms.ModelForm):
    class Meta:
        model = SeatGroup
        fields = ["name", "seats", "members"]
        widgets = {"members": forms.CheckboxSelectMultiple}

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = Member.objects.filter(association=association)


class PresidiumTermForm(forms.ModelForm):
    class Meta:
        model = PresidiumTerm
        fields = ["year", "chair_member", "vice_chair_member"]

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("chair_member", "vice_chair_member"):
            self.fields[name].queryset = Member.objects.filter(association=association)


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["name", "party", "title", "employer", "email"]


class MandateForm(forms.ModelForm):
    class Meta:
        model = Mandate
        fields = ["body", "member", "role", "function", "substitute_order", "term_start", "term_end"]
        widgets = {"term_start": DATE, "term_end": DATE}

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.filter(association=association)
        self.fields["member"].queryset = Member.objects.filter(association=association)

    def clean(self):
        data = super().clean()
        if data.get("role") in (Role.MEMBER, Role.SUBSTITUTE) and not data.get("member"):
            self.add_error("member", "Ange vilken förbundsmedlem ledamoten eller ersättaren företräder.")
        start, end = data.get("term_start"), data.get("term_end")
        if start and end and end < start:
            self.add_error("term_end", "Mandatperiodens slut kan inte ligga före dess början.")
        return data


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["date", "start", "end", "place", "remote_participation", "public", "label", "first_number"]
        widgets = {"date": DATE, "start": TIME, "end": TIME}

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end <= start:
            self.add_error("end", "Sluttiden måste vara efter starttiden.")
        return data


class OfficersForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["chair", "secretary", "adjusters"]
        widgets = {"adjusters": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        people = Person.objects.filter(attendances__meeting=self.instance, attendances__status="present").distinct()
        for name in ("chair", "secretary", "adjusters"):
            self.fields[name].queryset = people
        self.fields["adjusters"].help_text = "Justerare väljs bland de närvarande."


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "kind", "case_number", "proposal"]
        widgets = {"proposal": forms.Textarea(attrs={"rows": 3})}


class AttendanceForm(forms.Form):
    status = forms.ChoiceField(label="Närvaro", choices=Attendance.Status.choices)
    remote = forms.BooleanField(label="Deltar på distans", required=False)
    replaces = forms.ModelChoiceField(label="Ersätter", queryset=Person.objects.none(), required=False, empty_label="Enligt turordningen")
    note = forms.CharField(label="Anteckning", required=False, max_length=200)

    def __init__(self, *args, replaceable=None, **kwargs):
        super().__init__(*args, **kwargs)
        if replaceable is None:
            del self.fields["replaces"]
        else:
            self.fields["replaces"].queryset = replaceable


class PresenceForm(forms.Form):
    start = forms.TimeField(label="Från kl.", required=False, widget=TIME)
    end = forms.TimeField(label="Till kl.", required=False, widget=TIME)
    from_paragraph = forms.IntegerField(label="Från §", required=False, min_value=1)
    to_paragraph = forms.IntegerField(label="Till och med §", required=False, min_value=1)

    def has_interval(self):
        return any(self.cleaned_data.get(k) is not None for k in ("start", "end", "from_paragraph", "to_paragraph"))


PresenceFormSet = forms.formset_factory(PresenceForm, extra=2, max_num=10)


class GuestForm(forms.Form):
    name = forms.CharField(label="Namn", max_length=200)
    title = forms.CharField(label="Titel", max_length=200, required=False)
    employer = forms.CharField(label="Organisation", max_length=200, required=False)
    role = forms.ChoiceField(label="Roll", choices=[(Role.OFFICIAL, "Tjänsteperson"), (Role.GUEST, "Gäst/föredragande")])
    note = forms.CharField(label="Anteckning", required=False, max_length=200, help_text="T.ex. under § 41")


class ParagraphForm(forms.ModelForm):
    decisions_text = forms.CharField(
        label="Beslut",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Ett beslut per rad. Inledande ”att” kan skrivas eller utelämnas.",
    )

    class Meta:
        model = Paragraph
        fields = ["number", "sub", "title", "kind", "case_number", "start", "end", "text", "tabled", "adjusted_immediately"]
        widgets = {"start": TIME, "end": TIME, "text": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].required = False
        self.fields["number"].help_text = "Lämna tomt så får paragrafen nästa nummer enligt förbundsordningen."
        if self.instance.pk and "decisions_text" not in self.initial:
            self.initial["decisions_text"] = "\n".join(d.text for d in self.instance.decisions.all())

    def _post_clean(self):
        # The service validates number, quorum and uniqueness in one transaction; skip the model's own pass.
        pass


class StandardItemForm(forms.ModelForm):
    class Meta:
        model = StandardItem
        fields = ["position", "title", "kind", "text", "decision"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "decision": forms.Textarea(attrs={"rows": 2})}
