from django import forms
from django.utils.translation import gettext_lazy as _

from ..purposes import PURPOSES


class ConsentPolicyForm(forms.Form):
    guardian_age = forms.IntegerField(
        label=_("A guardian decides for students younger than"),
        min_value=0,
        max_value=18,
        help_text=_("In years. 16 is common; 0 means students always decide themselves."),
    )
    guardian_purposes = forms.MultipleChoiceField(
        label=_("Purposes that need a guardian below that age"),
        choices=[(p.key, p.name) for p in PURPOSES],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class GuardianInviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the guardian"),
        required=False,
        help_text=_("Optional. Without one, print the letter and give it to the student."),
    )
