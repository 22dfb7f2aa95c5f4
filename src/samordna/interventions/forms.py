"""Forms for interventions and their monthly count reports. Labels in Swedish; what the user typed is kept on errors."""
from django import forms
from django.contrib.auth.models import User

from samordna.accounts.models import AssociationRole
from samordna.associations.models import Member
from samordna.board.models import Paragraph
from samordna.rules import followup

from .models import BudgetLine, Contract, ExitReason, Goal, Intervention, Orientation
from .services import LOCK_REASON, LOCKED_FIELDS, is_locked

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class InterventionForm(forms.ModelForm):
    class Meta:
        model = Intervention
        fields = ["name", "kind", "orientation", "follow_up_method", "esf_funded", "owners", "provider", "municipalities",
                  "description", "target_group", "place", "start", "end", "capacity_at_once", "capacity_per_year",
                  "group_based", "places_per_group", "contact", "referral", "published"]
        widgets = {"owners": forms.CheckboxSelectMultiple, "municipalities": forms.CheckboxSelectMultiple,
                   "start": DATE, "end": DATE, "description": forms.Textarea(attrs={"rows": 3}),
                   "target_group": forms.Textarea(attrs={"rows": 2}), "contact": forms.Textarea(attrs={"rows": 2}),
                   "referral": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["orientation"].queryset = Orientation.objects.filter(association=association)
        self.fields["owners"].queryset = Member.objects.filter(association=association)
        self.fields["municipalities"].queryset = Member.objects.filter(association=association, kind=Member.Kind.MUNICIPALITY)
        self.locked = self.instance.pk is not None and is_locked(self.instance)
        if self.locked:
            # Disabled fields keep the stored value whatever is posted; the service refuses a change as well.
            for name in LOCKED_FIELDS:
                self.fields[name].disabled = True
                self.fields[name].help_text = f"Låst: {LOCK_REASON}"


class ContractForm(forms.ModelForm):
    class Meta:
        model = Contract
        fields = ["provider", "start", "end", "extension_options", "decide_by", "extended_until", "decision_paragraph"]
        widgets = {"start": DATE, "end": DATE, "decide_by": DATE, "extended_until": DATE}

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        paragraphs = Paragraph.objects.filter(meeting__body__association=association, kind="decision")
        self.fields["decision_paragraph"].queryset = paragraphs.select_related("meeting__body").order_by("-meeting__date", "number")
        self.fields["decision_paragraph"].label_from_instance = (
            lambda p: f"{p.meeting.body.name} {p.meeting.date:%Y-%m-%d} § {p.label} {p.title}")


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["indicator", "comparison", "target", "unit"]


class BudgetLineForm(forms.ModelForm):
    class Meta:
        model = BudgetLine
        fields = ["year", "municipality", "amount", "planned_participants"]

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Member.objects.filter(association=association, kind=Member.Kind.MUNICIPALITY)
        self.fields["municipality"].empty_label = "Hela insatsen"


class GroupStartForm(forms.Form):
    date = forms.DateField(label="Gruppstart", widget=DATE)
    places = forms.IntegerField(label="Platser", min_value=1, required=False)


class ReporterForm(forms.Form):
    user = forms.ModelChoiceField(label="Rapportör", queryset=User.objects.none())

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        ids = AssociationRole.objects.filter(association=association, role=AssociationRole.Role.REPORTER).values("user")
        self.fields["user"].queryset = User.objects.filter(id__in=ids).order_by("username")
        self.fields["user"].label_from_instance = lambda u: u.get_full_name() or u.username


class OrientationForm(forms.ModelForm):
    class Meta:
        model = Orientation
        fields = ["kind", "name", "position"]


class ExitReasonForm(forms.ModelForm):
    class Meta:
        model = ExitReason
        fields = ["name", "positive", "position"]


class ThresholdForm(forms.Form):
    threshold = forms.IntegerField(label="Gräns för små tal", help_text="Antal under gränsen visas som ”<gränsen” utanför "
                                   "förbundets kansli, med kompletterande döljning. Lägst 3, normalt 5.",
                                   error_messages={"required": "Ange en gräns.", "invalid": "Ange ett heltal."})


class PeriodLockForm(forms.Form):
    month = forms.DateField(label="Månad", input_formats=["%Y-%m"], widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
                            error_messages={"invalid": "Ange månaden som ÅÅÅÅ-MM, t.ex. 2024-03."})


def _count_field(label, required=False):
    return forms.IntegerField(label=label, required=required, widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
                              error_messages={"required": "Fyll i ett antal (0 om inga).", "invalid": "Ange ett heltal."})


class ReportForm(forms.Form):
    """One month's counts. Field names follow rules.followup so the rules' problems land on the right input."""

    def __init__(self, *args, intervention, **kwargs):
        super().__init__(*args, **kwargs)
        association = intervention.association
        for measure, label in followup.MEASURES:
            self.fields[measure] = _count_field(label, required=True)
        self.fields["queue_end"] = _count_field("Kö vid periodens slut", required=True)
        self.fields["median_wait_days"] = _count_field("Mediantid i kö (dagar)")
        self.breakdowns = []
        for dimension, dimension_label, categories in followup.DIMENSIONS:
            rows = []
            for key, category_label in categories:
                cells = []
                for measure, measure_label in followup.MEASURES:
                    name = followup.breakdown_field(measure, dimension, key)
                    self.fields[name] = _count_field(f"{measure_label}, {category_label.lower()}")
                    cells.append(name)
                rows.append((category_label, cells))
            self.breakdowns.append((dimension, dimension_label, rows))
        self.exit_names = []
        for reason in ExitReason.objects.filter(association=association):
            self.fields[f"exit__{reason.pk}"] = _count_field(reason.name)
            self.exit_names.append(f"exit__{reason.pk}")
        self.goal_rows = []
        for goal in intervention.goals.all():
            self.fields[f"goal__{goal.pk}__reached"] = _count_field(f"{goal.indicator}: antal som nått målet")
            self.fields[f"goal__{goal.pk}__asked"] = _count_field(f"{goal.indicator}: antal tillfrågade")
            self.goal_rows.append((goal, f"goal__{goal.pk}__reached", f"goal__{goal.pk}__asked"))
        self.referral_names = []
        for member in Member.objects.filter(association=association):
            self.fields[f"referral__{member.pk}"] = _count_field(member.name)
            self.referral_names.append(f"referral__{member.pk}")
        self.fields["correction_note"] = forms.CharField(
            label="Förklaring till korrigering", required=False, widget=forms.Textarea(attrs={"rows": 2}),
            help_text="Bara om antalet vid periodens slut inte följer av förra månaden: förklara varför (utan namn).")
        self.fields["comment"] = forms.CharField(label="Kommentar", required=False, widget=forms.Textarea(attrs={"rows": 3}),
                                                 help_text="Skriv aldrig namn eller personnummer.")

    @property
    def bound_exits(self):
        return [self[name] for name in self.exit_names]

    @property
    def bound_referrals(self):
        return [self[name] for name in self.referral_names]

    @property
    def breakdown_tables(self):
        return [(dim, label, [(cat, [self[n] for n in cells]) for cat, cells in rows]) for dim, label, rows in self.breakdowns]

    @property
    def goal_fields(self):
        return [(goal, self[r], self[a]) for goal, r, a in self.goal_rows]


def report_initial(report):
    """The form's initial values from a stored report."""
    values = {"participants_end": report.participants_end, "started": report.started, "ended": report.ended,
              "queue_end": report.queue_end, "median_wait_days": report.median_wait_days,
              "correction_note": report.correction_note, "comment": report.comment}
    for count in report.counts.all():
        values[followup.breakdown_field(count.measure, count.dimension, count.category)] = count.count
    for row in report.exits.all():
        values[f"exit__{row.exit_reason_id}"] = row.count
    for row in report.goal_outcomes.all():
        values[f"goal__{row.goal_id}__reached"], values[f"goal__{row.goal_id}__asked"] = row.reached, row.asked
    for row in report.referrals.all():
        values[f"referral__{row.member_id}"] = row.count
    return values
