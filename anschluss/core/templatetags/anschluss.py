from django import template

register = template.Library()

_WIDGET_CLASSES = {
    "select": "kern-form-input__select",
    "selectmultiple": "kern-form-input__select",
    "checkbox": "kern-form-check__checkbox",
    "radioselect": "",
    "checkboxselectmultiple": "",
}


@register.filter
def kern_widget(bound_field):
    """Render a form field's widget with KERN classes and aria-describedby for its hint and errors."""
    attrs = {}
    css = _WIDGET_CLASSES.get(bound_field.widget_type, "kern-form-input__input")
    if css:
        attrs["class"] = css
    described_by = []
    if bound_field.help_text:
        described_by.append(f"{bound_field.auto_id}_helptext")
    if bound_field.errors:
        described_by.append(f"{bound_field.auto_id}_error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return bound_field.as_widget(attrs=attrs)
