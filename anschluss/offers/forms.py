"""Forms of the offer portal. They parse and validate; the services write."""

from typing import cast

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from anschluss.core.models import Company, District
from anschluss.occupations.models import Occupation, OccupationalField

from .models import ApplicationStatus, Offer, OfferKind
from .places import Origin, own_school, resolve_place, school_origin
from .search import SearchParams

RADIUS_CHOICES = [
    ("", _("Any distance")),
    ("2", "2 km"),
    ("5", "5 km"),
    ("10", "10 km"),
    ("20", "20 km"),
    ("50", "50 km"),
]
SORT_CHOICES = [
    ("", _("Best match")),
    ("distance", _("Nearest first")),
    ("newest", _("Newest first")),
    ("deadline", _("Deadline soonest")),
]
GRADE_CHOICES = [("", _("Any grade")), *[(str(g), str(g)) for g in range(7, 14)]]
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

    def clean_near(self):
        near = self.cleaned_data["near"].strip()
        if near:
            self.origin = resolve_place(near, self.municipality)
            if self.origin is None:
                raise forms.ValidationError(
                    _("We do not know the place “%(place)s”. Try a postcode in %(city)s, e.g. 44137."),
                    params={"place": near, "city": self.municipality.name},
                )
        return near

    def clean(self):
        cleaned = super().clean() or {}
        if cleaned.get("from_school") and self.school is not None:
            self.origin = school_origin(self.school) or self.origin
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("“Until” must not be before “From”."))
        if cleaned.get("radius") and self.origin is None and not self.has_error("near"):
            self.add_error("radius", _("Enter a place or choose “Near my school” to search by distance."))
        return cleaned

    def params(self) -> SearchParams:
        """The valid part of the search (an invalid filter is left out; errors() says which)."""
        if not self.is_bound:
            return SearchParams()
        self.is_valid()
        data = self.cleaned_data
        return SearchParams(
            q=data.get("q") or "",
            kind=data.get("kind") or "",
            field=data.get("field") or "",
            occupation=data.get("occupation") or "",
            district=data.get("district") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            grade=data.get("grade"),
            latitude=self.origin.latitude if self.origin else None,
            longitude=self.origin.longitude if self.origin else None,
            radius_km=data.get("radius") if self.origin else None,
            sort=data.get("sort") or "",
        )


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
        if not (user.has_perm("offers.moderate_offer", municipality)):
            from .rules import company_ids_of

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
        from anschluss.students.models import Document

        if student is None:
            del self.fields["documents"]
        else:
            documents = Document.objects.filter(student=student)
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
