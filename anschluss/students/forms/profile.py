from django import forms
from django.utils.translation import gettext_lazy as _

from ..strengths import STRENGTHS


class StrengthsForm(forms.Form):
    keys = forms.MultipleChoiceField(
        label=_("What are you good at?"),
        choices=list(STRENGTHS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick everything that fits you."),
    )


class TeacherStrengthForm(forms.Form):
    key = forms.ChoiceField(label=_("Strength"), choices=list(STRENGTHS.items()))
    note = forms.CharField(
        label=_("Note"),
        max_length=300,
        required=False,
        help_text=_("For example: seen in the Potenzialanalyse."),
    )


class SharingForm(forms.Form):
    share_cv = forms.BooleanField(label=_("my CV"), required=False)
    share_interests = forms.BooleanField(label=_("my interest profile"), required=False)
    share_strengths = forms.BooleanField(label=_("my strengths"), required=False)
    share_milestones = forms.BooleanField(
        label=_("my career orientation steps and certificates"), required=False
    )
