from django.urls import path

from .views import health, inbox, public, staff

app_name = "core"

# Pages of one municipality live under /<municipality>/ (see MunicipalityScopeMiddleware).
M = "<slug:municipality>/"

urlpatterns = [
    path("", public.platform_home, name="platform_home"),
    path("healthz", health.healthz, name="healthz"),
    path("imprint/", public.platform_legal, {"page": "imprint"}, name="platform_imprint"),
    path("privacy/", public.platform_legal, {"page": "privacy"}, name="platform_privacy"),
    path("accessibility/", public.platform_legal, {"page": "accessibility"}, name="platform_accessibility"),
    path(M, public.home, name="home"),
    path(M + "schools/", public.school_list, name="school_list"),
    path(M + "imprint/", public.legal, {"page": "imprint"}, name="imprint"),
    path(M + "privacy/", public.legal, {"page": "privacy"}, name="privacy"),
    path(M + "accessibility/", public.legal, {"page": "accessibility"}, name="accessibility"),
    path(M + "feedback/", public.accessibility_feedback, name="feedback"),
    path(M + "feedback/inbox/", staff.feedback_inbox, name="feedback_inbox"),
    path(M + "feedback/<int:pk>/handled/", staff.feedback_mark_handled, name="feedback_handled"),
    path(M + "audit/", staff.audit_log, name="audit_log"),
    path(M + "inbox/", inbox.inbox, name="inbox"),
    path(M + "inbox/<int:pk>/", inbox.open_notification, name="notification"),
    path(M + "inbox/read/", inbox.mark_all_read, name="inbox_read"),
]
