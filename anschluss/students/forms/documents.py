import re

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import CoverLetter, CurriculumVitae, CvEntry, Document

MONTH_YEAR = re.compile(r"^(0[1-9]|1[0-2])/(19|20)\d\d$")
FILE_TYPES = {"accept": "application/pdf,image/jpeg,image/png"}


class DocumentForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=200, help_text=_("For example: Internship certificate.")
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=Document.Kind.choices, initial=Document.Kind.CERTIFICATE
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, JPEG or PNG, at most 5 MB."),
        widget=forms.ClearableFileInput(attrs=FILE_TYPES),
    )


class CvPersonalForm(forms.ModelForm):
    class Meta:
        model = CurriculumVitae
        fields = ["street", "postcode", "city", "phone", "email", "place_of_birth"]
        widgets = {
            "street": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "postcode": forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def clean_postcode(self):
        value = self.cleaned_data["postcode"].strip()
        if value and not (value.isdigit() and len(value) == 5):
            raise forms.ValidationError(_("A postcode has five digits."))
        return value


class CvSkillsForm(forms.ModelForm):
    class Meta:
        model = CurriculumVitae
        fields = ["languages", "computer_skills", "other_skills"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in fields}
        help_texts = {
            "languages": _("For example: German (mother tongue), English (good), Turkish (fluent)."),
            "computer_skills": _("For example: Word, PowerPoint, ten-finger typing."),
            "other_skills": _("For example: first-aid course, driving licence for mopeds."),
        }


class CvHobbiesForm(forms.ModelForm):
    class Meta:
        model = CurriculumVitae
        fields = ["hobbies"]
        widgets = {"hobbies": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "hobbies": _("For example: football in a club, drawing, looking after my little brother.")
        }


class PhotoForm(forms.Form):
    photo = forms.FileField(
        label=_("Photo"),
        help_text=_("Optional. A friendly passport-style photo, JPEG or PNG, at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
    )


class CvEntryForm(forms.ModelForm):
    class Meta:
        model = CvEntry
        fields = ["start", "end", "title", "organisation", "place", "description"]
        widgets = {
            "start": forms.TextInput(attrs={"placeholder": "08/2021", "inputmode": "numeric"}),
            "end": forms.TextInput(attrs={"placeholder": "07/2025", "inputmode": "numeric"}),
        }

    def _month_year(self, name: str) -> str:
        value = self.cleaned_data[name].strip()
        if value and not MONTH_YEAR.match(value):
            raise forms.ValidationError(_("Write month and year like 08/2021."))
        return value

    def clean_start(self):
        return self._month_year("start")

    def clean_end(self):
        return self._month_year("end")

    def clean(self):
        cleaned = super().clean() or {}
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            key = lambda v: (v[3:], v[:2])  # noqa: E731
            if key(end) < key(start):
                self.add_error("end", _("The end is before the start."))
        return cleaned


class CoverLetterForm(forms.ModelForm):
    class Meta:
        model = CoverLetter
        fields = [
            "company",
            "contact_person",
            "company_street",
            "company_city",
            "subject",
            "introduction",
            "motivation",
            "qualities",
            "closing",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 4})
            for name in ["introduction", "motivation", "qualities", "closing"]
        }
        help_texts = {
            "contact_person": _(
                "For example: Frau Beispiel. Find the name in the job advert or call the company."
            ),
            "subject": _("For example: Bewerbung um einen Ausbildungsplatz als Elektronikerin"),
        }
