from django.forms.renderers import TemplatesSetting


class KernFormRenderer(TemplatesSetting):
    """Renders every form with the KERN UX markup of templates/forms/."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
