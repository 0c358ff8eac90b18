"""Forms of the offer portal. They parse and validate; the services write."""

from typing import cast

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from anschluss.core.models import Company, District
from anschluss.core.permissions import allowed
from anschluss.occupations.models import Occupation, OccupationalField

from .models import ApplicationStatus, Offer, OfferKind
from .rules import company_ids_of
from .search import SearchParams
from .search.origin import Origin, own_school
from .search.params import GRADES, RADII_KM, SORT_VALUES, ParsedSearch, parse_search

RADIUS_CHOICES = [("", _("Any distance")), *[(str(km), f"{km} km") for km in RADII_KM]]
SORT_LABELS = {
    "distance": _("Nearest first"),
    "newest": _("Newest first"),
    "deadline": _("Deadline soonest"),
}
SORT_CHOICES = [("", _("Best match")), *[(value, SORT_LABELS[value]) for value in SORT_VALUES]]
GRADE_CHOICES = [("", _("Any grade")), *[(str(g), str(g)) for g in GRADES]]
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OfferSearchForm(forms.Form):
    """The search's filters from the URL (shareable). Invalid filters are reported and left out."""

    q = forms.CharField(
        label=_("What are you looking for?"),
        required=False,
        max_length=200,
        help_text=_("For example: Kfz, Elektroniker, Büro"),
    )
    kind = forms.ChoiceField(
        label=_("Kind of offer"), required=False, choices=[("", _("All kinds")), *OfferKind.choices]
    )
    field = forms.ChoiceField(label=_("Occupational field"), required=False)
    occupation = forms.ChoiceField(label=_("Occupation"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    grade = forms.TypedChoiceField(
        label=_("Your grade"), required=False, choices=GRADE_CHOICES, coerce=int, empty_value=None
    )
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE_WIDGET)
    date_to = forms.DateField(label=_("Until"), required=False, widget=DATE_WIDGET)
    near = forms.CharField(
        label=_("Near"), required=False, max_length=200, help_text=_("Postcode, part of town or school")
    )
    from_school = forms.BooleanField(label=_("Near my school"), required=False)
    radius = forms.TypedChoiceField(
        label=_("Distance"), required=False, choices=RADIUS_CHOICES, coerce=int, empty_value=None
    )
    sort = forms.ChoiceField(label=_("Sort"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, municipality, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.user = user
        self.origin: Origin | None = None
        self._parsed: ParsedSearch | None = None
        cast(forms.ChoiceField, self.fields["field"]).choices = [
            ("", _("All fields")),
            *OccupationalField.objects.values_list("slug", "name"),
        ]
        cast(forms.ChoiceField, self.fields["district"]).choices = [
            ("", _("All districts")),
            *District.objects.filter(municipality=municipality).values_list("slug", "name"),
        ]
        used = Occupation.objects.filter(
            offers__municipality=municipality, offers__status="published"
        ).distinct()
        choices = list(used.values_list("slug", "name"))
        selected = self.data.get("occupation") if self.is_bound else None
        # A NUL character cannot be looked up on PostgreSQL; the choice field reports it as invalid.
        if selected and "\x00" not in selected and selected not in {slug for slug, _name in choices}:
            extra = Occupation.objects.filter(slug=selected).values_list("slug", "name").first()
            if extra:
                choices.append(extra)
        cast(forms.ChoiceField, self.fields["occupation"]).choices = [
            ("", _("All occupations")),
            *sorted(choices, key=lambda c: c[1]),
        ]
        self.school = own_school(user) if user is not None else None
        if self.school is None:
            del self.fields["from_school"]
        else:
            # The school in the label itself: a hint beside a checkbox squeezes into a narrow column on phones.
            self.fields["from_school"].label = gettext("Near my school (%(school)s)") % {
                "school": self.school.name
            }

    def parsed(self) -> ParsedSearch:
        """The search as `search.params.parse_search` reads it (the one parser of a search)."""
        if self._parsed is None:
            self._parsed = parse_search(self.data, municipality=self.municipality, school=self.school)
            self.origin = self._parsed.origin
        return self._parsed

    def clean(self):
        cleaned = super().clean() or {}
        for name, message in self.parsed().errors.items():
            if name in self.fields and not self.has_error(name):
                self.add_error(name, message)
        return cleaned

    def params(self) -> SearchParams:
        """The valid part of the search (an invalid filter is left out; errors() says which)."""
        if not self.is_bound:
            return SearchParams()
        self.is_valid()
        return self.parsed().params


class OfferForm(forms.ModelForm):
    """What a company (or the municipality's staff for it) enters for an offer."""

    # Declared, so that the tenant-scoped queryset is made per request (not when the class is built).
    company: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Company"), queryset=None)

    class Meta:
        model = Offer
        fields = [
            "kind",
            "title",
            "company",
            "occupations",
            "description",
            "start_date",
            "end_date",
            "places",
            "min_grade",
            "max_grade",
            "school_certificate",
            "application_deadline",
            "street",
            "postcode",
            "city",
            "contact_name",
            "contact_email",
            "contact_phone",
            "apply_method",
            "external_url",
        ]
        widgets = {
            "start_date": DATE_WIDGET,
            "end_date": DATE_WIDGET,
            "application_deadline": DATE_WIDGET,
            "description": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "title": _("Short and clear, e.g. “Internship in the electrical workshop”."),
            "description": _("What will young people do? Write short sentences in plain German."),
            "street": _("Leave empty to use the company's address."),
            "occupations": _("Hold Ctrl (or Cmd) to choose more than one."),
        }

    def __init__(self, *args, municipality, user, **kwargs):
        super().__init__(*args, **kwargs)
        companies = Company.objects.filter(municipality=municipality)
        if not allowed(user, "offers.moderate_offer", municipality):
            companies = companies.filter(pk__in=company_ids_of(user))
        cast(forms.ModelChoiceField, self.fields["company"]).queryset = companies
        self.fields["company"].required = True
        cast(forms.ModelChoiceField, self.fields["occupations"]).queryset = Occupation.objects.filter(
            is_current=True
        )
        if companies.count() == 1:
            self.fields["company"].initial = companies.first()

    def save(self, commit=True):  # pragma: no cover - the services write
        raise NotImplementedError("Offers are written through anschluss.offers.services.")


class ApplicationForm(forms.Form):
    message = forms.CharField(
        label=_("Your message to the company"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=3000,
        help_text=_("Say who you are and why you are interested. A few sentences are enough."),
    )
    documents: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_("Documents"),
        required=False,
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose documents from your library, e.g. your CV."),
    )

    def __init__(self, *args, student=None, **kwargs):
        super().__init__(*args, **kwargs)
        if student is None:
            del self.fields["documents"]
        else:
            documents = student.documents.all()
            cast(forms.ModelChoiceField, self.fields["documents"]).queryset = documents
            if not documents.exists():
                del self.fields["documents"]


class AnswerForm(forms.Form):
    status = forms.ChoiceField(label=_("Answer"), choices=[])
    note = forms.CharField(
        label=_("Message to the applicant"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["status"]).choices = [
            (s, ApplicationStatus(s).label) for s in application.allowed_transitions("company")
        ]


class RejectForm(forms.Form):
    note = forms.CharField(
        label=_("What should the company change?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class SaveSearchForm(forms.Form):
    query = forms.CharField(required=False, max_length=1000, widget=forms.HiddenInput)
    name = forms.CharField(label=_("Name of the search"), required=False, max_length=200)
