from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AuditEntry


class AccessibilityFeedbackForm(forms.Form):
    page_url = forms.CharField(
        label=_("On which page did you find the barrier?"), max_length=500, required=False
    )
    message = forms.CharField(
        label=_("What does not work for you?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        help_text=_("Describe the problem in your own words. Screenshots are not needed."),
    )
    contact = forms.CharField(
        label=_("How can we answer you?"),
        max_length=200,
        required=False,
        help_text=_("An e-mail address or phone number. Leave empty to stay anonymous."),
    )
    # A field people never see: bots fill it in.
    website = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Your message could not be sent."))
        return ""


class AuditFilterForm(forms.Form):
    action = forms.CharField(label=_("Action contains"), required=False, max_length=80)
    actor = forms.CharField(label=_("Who (username)"), required=False, max_length=150)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All")), *AuditEntry.Kind.choices]
    )
    target_type = forms.CharField(label=_("Object type"), required=False, max_length=80)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def clean(self):
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The start date must not be after the end date."))
        return cleaned

    def filter(self, queryset):
        data = self.cleaned_data or {}
        if data.get("action"):
            queryset = queryset.filter(action__icontains=data["action"])
        if data.get("actor"):
            queryset = queryset.filter(actor_label__iexact=data["actor"])
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("target_type"):
            queryset = queryset.filter(target_type__icontains=data["target_type"])
        if data.get("date_from"):
            queryset = queryset.filter(created__date__gte=data["date_from"])
        if data.get("date_to"):
            queryset = queryset.filter(created__date__lte=data["date_to"])
        return queryset
