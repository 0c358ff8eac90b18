from django import template

from anschluss.core.models import Notification
from anschluss.core.permissions import allowed as allowed_check

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


@register.simple_tag(takes_context=True)
def allowed(context, perm: str, obj=None) -> bool:
    """`{% allowed "offers.change_offer" offer as can_change %}`: core.permissions.allowed for the page's user."""
    return allowed_check(context["request"].user, perm, obj)


@register.simple_tag(takes_context=True)
def inbox_summary(context) -> dict:
    """The newest unread notifications of the page's user and how many are unread (start page section)."""
    user = context["request"].user
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    return {"unread": list(unread[:5]), "unread_count": unread.count()}
