from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StudentsConfig(AppConfig):
    name = "anschluss.students"
    label = "students"
    verbose_name = _("Students")

    def ready(self) -> None:
        # What an applicant shares with companies, on the company's page of an application (offers imports no
        # students app, nor the other way round: the page's slot is named in core.sections).
        from anschluss.core import sections

        from .sections import application_profile_section

        sections.register("offers.application", application_profile_section)
