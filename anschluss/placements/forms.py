"""Forms of the placements app: they parse and validate; the services write."""

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from anschluss.accounts import directory
from anschluss.accounts.models import Role
from anschluss.core.models import Company, School
from anschluss.core.permissions import allowed
from anschluss.core.services import ServiceError
from anschluss.occupations.models import Occupation, OccupationalField

from .models import PlacementAgreement, PlacementRound, RoundPlace
from .services.rounds import validate_round

GRADE_CHOICES = [(g, str(g)) for g in range(7, 11)]


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class RoundForm(forms.ModelForm):
    grades = forms.TypedMultipleChoiceField(
        label=_("Grades"), choices=GRADE_CHOICES, coerce=int, widget=forms.CheckboxSelectMultiple
    )
    schools: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_("Schools"), queryset=School.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = PlacementRound
        fields = [
            "name",
            "iso_year",
            "week_from",
            "week_to",
            "schools",
            "grades",
            "choices_open",
            "choices_close",
            "max_choices",
            "max_commute_km",
            "use_locality",
            "use_interest_fit",
            "seed",
        ]
        widgets = {"choices_open": DateTimeInput(), "choices_close": DateTimeInput()}
        help_texts = {
            "week_from": _("Calendar week (ISO) of the first day."),
            "seed": _("The same number always gives the same lottery."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Project schools, and any school already in the round.
        schools = School.objects.filter(is_project_school=True)
        if self.instance.pk:
            schools = schools | School.objects.filter(pk__in=self.instance.schools.values("pk"))
        cast(forms.ModelChoiceField, self.fields["schools"]).queryset = schools.distinct().order_by("name")
        for name in ("choices_open", "choices_close"):
            cast(forms.DateTimeField, self.fields[name]).input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]

    def clean(self):
        cleaned = super().clean() or {}
        needed = [
            "iso_year",
            "week_from",
            "week_to",
            "choices_open",
            "choices_close",
            "grades",
            "max_choices",
        ]
        if (
            all(cleaned.get(name) is not None for name in needed)
            and cleaned.get("max_commute_km") is not None
        ):
            try:
                validate_round(cleaned)
            except ServiceError as error:
                error.add_to_form(self)
        return cleaned

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("schools")
        return data


class PlaceForm(forms.ModelForm):
    # Declared here: a tenant-owned queryset cannot be built at import (no scope is active then).
    company: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Company"), queryset=Company.objects.none()
    )
    latitude = forms.FloatField(
        label=_("latitude"), required=False, help_text=_("Leave empty to use the company's address.")
    )
    longitude = forms.FloatField(label=_("longitude"), required=False)

    class Meta:
        model = RoundPlace
        fields = [
            "company",
            "title",
            "occupation",
            "field",
            "capacity",
            "supervisor",
            "supervisor_contact",
            "street",
            "postcode",
            "latitude",
            "longitude",
        ]
        help_texts = {
            "title": _("In a few words, for students: what they will do."),
            "street": _("Leave empty to use the company's address."),
        }

    def __init__(self, *args, user, round_, **kwargs):
        super().__init__(*args, **kwargs)
        manages = allowed(user, "placements.manage_round", round_)
        if manages:
            companies = Company.objects.all()
        else:
            companies = Company.objects.filter(pk__in=directory.organisation_ids(user, Role.COMPANY_STAFF))
        cast(forms.ModelChoiceField, self.fields["company"]).queryset = companies.order_by("name")
        if self.instance.pk and not manages:
            self.fields["company"].disabled = True
        elif companies.count() == 1:
            self.fields["company"].initial = companies.first()
        cast(forms.ModelChoiceField, self.fields["occupation"]).queryset = Occupation.objects.filter(
            is_current=True
        ).order_by("name")
        cast(forms.ModelChoiceField, self.fields["field"]).queryset = OccupationalField.objects.all()
        self.fields["occupation"].help_text = _("Choose an occupation or an occupational field.")
        for name in ("latitude", "longitude"):
            if self.instance.pk is None:
                self.initial.pop(name, None)

    def clean(self):
        cleaned = super().clean() or {}
        if not cleaned.get("occupation") and not cleaned.get("field"):
            raise forms.ValidationError(_("Choose an occupation or an occupational field."))
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            raise forms.ValidationError(_("Enter both coordinates or neither."))
        for name, low, high in (("latitude", -90, 90), ("longitude", -180, 180)):
            value = cleaned.get(name)
            if value is not None and not low <= value <= high:
                self.add_error(
                    name, _("Enter a value between %(low)s and %(high)s.") % {"low": low, "high": high}
                )
        return cleaned


class AssignForm(forms.Form):
    student = forms.IntegerField(widget=forms.HiddenInput)
    place = forms.TypedChoiceField(label=_("Place"), coerce=int, choices=[])
    accept_long_commute = forms.BooleanField(
        label=_("Place here although the way is longer than allowed"), required=False
    )

    def __init__(self, *args, places, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["place"]).choices = [(p.pk, str(p)) for p in places]


class PartyForm(forms.Form):
    party = forms.ChoiceField(choices=[(p, p) for p in PlacementAgreement.PARTIES])


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How was it?"),
        coerce=int,
        choices=[
            (5, _("5 – very good")),
            (4, _("4 – good")),
            (3, _("3 – okay")),
            (2, _("2 – not so good")),
            (1, _("1 – bad")),
        ],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("What do you want to tell us?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
    )


class HostAgainForm(forms.Form):
    hosts_again = forms.TypedChoiceField(
        label=_("Will you host students again?"),
        coerce=lambda value: value == "yes",
        choices=[("yes", _("Yes, we will host students again")), ("no", _("No, not next time"))],
        widget=forms.RadioSelect,
    )
