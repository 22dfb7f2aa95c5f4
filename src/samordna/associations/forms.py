from django import forms

from .models import Charter, Member, PopulationFigure


class MemberForm(forms.ModelForm):
    class Meta:
        model = Member
        fields = ["name", "short_name", "kind", "municipality_code"]


class PopulationForm(forms.ModelForm):
    class Meta:
        model = PopulationFigure
        fields = ["date", "population"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class CharterForm(forms.ModelForm):
    class Meta:
        model = Charter
        fields = ["numbering", "substitute_order", "quorum_all_groups", "meetings_public", "adjusters"]
        widgets = {"numbering": forms.RadioSelect, "substitute_order": forms.RadioSelect}
