from typing import cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import kaoa
from .classes import DATE_INPUT


class MilestoneForm(forms.Form):
    detail = forms.ChoiceField(label=_("What did you do?"))
    level4 = forms.ChoiceField(label=_("More detail"), required=False)
    date = forms.DateField(label=_("When?"), widget=DATE_INPUT)
    note = forms.CharField(
        label=_("Note"),
        max_length=300,
        required=False,
        help_text=_("For example the company or the occupational field."),
    )
    evidence = forms.FileField(
        label=_("Certificate"),
        required=False,
        help_text=_("A photo or scan: PDF, JPEG or PNG, at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )

    def __init__(self, *args, for_student: bool, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["detail"]).choices = [
            ("", _("Please choose")),
            *kaoa.grouped_details(for_student=for_student),
        ]
        level4 = [e for e in kaoa.catalogue().values() if e.level == 4]
        cast(forms.ChoiceField, self.fields["level4"]).choices = [
            ("", _("None")),
            *((e.key, e.label) for e in level4),
        ]
        if for_student:
            self.fields["level4"].widget = forms.HiddenInput()

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return date

    def clean(self):
        cleaned = super().clean() or {}
        level4, detail = cleaned.get("level4"), cleaned.get("detail")
        if level4 and detail and kaoa.entry(level4).parent != detail:  # type: ignore[union-attr]
            self.add_error("level4", _("This detail does not belong to the step you chose."))
        return cleaned
