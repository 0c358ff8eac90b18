from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from anschluss.accounts import directory
from anschluss.accounts.models import Role, User
from anschluss.core.spreadsheets import validate_not_formula

from ..models import SchoolClass, current_school_year

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ClassForm(forms.ModelForm):
    teachers = forms.ModelMultipleChoiceField(
        label=_("Teachers"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("They see this class and its students."),
    )

    class Meta:
        model = SchoolClass
        fields = ["name", "grade", "school_year", "teachers"]

    def __init__(self, *args, school, **kwargs):
        super().__init__(*args, **kwargs)
        self.school = school
        # Teachers and the school coordinator, who often teaches a class too.
        staff = directory.members(school.pk, Role.TEACHER, Role.SCHOOL_COORDINATOR)
        cast(forms.ModelMultipleChoiceField, self.fields["teachers"]).queryset = staff.order_by(
            "last_name", "first_name", "pk"
        )
        self.fields["grade"].widget.attrs.update({"min": 5, "max": 13})
        self.fields["name"].validators.append(validate_not_formula)
        if not self.instance.pk:
            self.initial.setdefault("school_year", current_school_year())

    def clean_grade(self):
        grade = self.cleaned_data["grade"]
        if not 5 <= grade <= 13:
            raise forms.ValidationError(_("The grade must be a number from 5 to 13."))
        return grade

    def clean_school_year(self):
        value = self.cleaned_data["school_year"].strip()
        start, _sep, end = value.partition("/")
        if not (start.isdigit() and end.isdigit() and len(start) == 4 and len(end) == 2):
            raise forms.ValidationError(_("Write the school year like 2025/26."))
        if (int(start) + 1) % 100 != int(end):
            raise forms.ValidationError(_("Write the school year like 2025/26."))
        return value

    def clean(self):
        cleaned = super().clean() or {}
        name, year = cleaned.get("name"), cleaned.get("school_year")
        others = SchoolClass.objects.filter(school=self.school, name=name, school_year=year)
        if name and year and others.exclude(pk=self.instance.pk).exists():
            self.add_error("name", _("This class already exists in this school year."))
        return cleaned


class StudentForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=100, validators=[validate_not_formula])
    last_name = forms.CharField(label=_("Last name"), max_length=100, validators=[validate_not_formula])
    date_of_birth = forms.DateField(label=_("Date of birth"), required=False, widget=DATE_INPUT)
    external_id = forms.CharField(
        label=_("ID in the school administration"),
        max_length=40,
        required=False,
        help_text=_(
            "For example the internal ID of SchILD-NRW; helps to recognise the student on an import."
        ),
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "A SchILD-NRW text export or a CSV file. The first line names the columns: Nachname, Vorname, "
            "and if available Geburtsdatum, Klasse, Jahrgang, Interne ID-Nummer."
        ),
    )
    school_class: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Class"),
        queryset=SchoolClass.objects.none(),
        required=False,
        empty_label=_("The classes named in the file"),
        help_text=_("Choose a class if the file has no column “Klasse”. Missing classes are created."),
    )

    def __init__(self, *args, school, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["school_class"]).queryset = SchoolClass.objects.filter(
            school=school
        )
