import re

from django import forms
from django.utils.translation import gettext_lazy as _

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,29}$")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Your code"),
        max_length=20,
        help_text=_("It is on the paper from your teacher, for example ABCD-2345."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class PasswordFields(forms.Form):
    password1 = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters. Do not tell anyone."),
    )
    password2 = forms.CharField(
        label=_("Password again"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self):
        cleaned = super().clean() or {}
        if cleaned.get("password1") and cleaned.get("password1") != cleaned.get("password2"):
            self.add_error("password2", _("The two passwords are not the same."))
        return cleaned


class StudentAccountForm(PasswordFields):
    code = forms.CharField(widget=forms.HiddenInput)
    username = forms.CharField(
        label=_("Your username"),
        max_length=30,
        help_text=_("You sign in with it. Write it down. Small letters, numbers and dots."),
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )
    field_order = ["code", "username", "password1", "password2"]

    def clean_username(self):
        value = self.cleaned_data["username"].strip().lower()
        if not USERNAME.match(value):
            raise forms.ValidationError(_("Use 3 to 30 small letters, numbers, dots or dashes."))
        return value


class GuardianJoinForm(PasswordFields):
    code = forms.CharField(
        label=_("Code from the letter"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("You sign in with it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    field_order = ["code", "first_name", "last_name", "email", "password1", "password2"]


class GuardianCodeForm(forms.Form):
    """For a guardian who is already signed in: only the code."""

    code = forms.CharField(label=_("Code from the letter"), max_length=20)
