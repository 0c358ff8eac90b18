"""Placements' own start-page notices become core notifications (one inbox, rule 6), then the Notice model goes.

Each Notice becomes a core.Notification of the kind "placements.<old kind>" with the parameters its text needs
(the round's name, the company's name, the student's first name), a link to the page it is about, its target
(the placement, else the round) and its creation time. Notices had no read state: the notifications are unread.
The links are written out as the URL patterns were when this migration was made, so that a later change of
the URLs cannot break it. Going back recreates the (empty) table; the notifications stay."""

from django.db import migrations
from django_scopes import scopes_disabled


def _links(notice, slug: str, agreement_ids: dict[int, int]) -> str:
    base = f"/{slug}/placements/"
    kind, round_id = notice.kind, notice.round_id
    if kind == "choice_reminder":
        return f"{base}rounds/{round_id}/choose/"
    if kind in ("placement_confirmed", "child_placed"):
        agreement_id = agreement_ids.get(notice.placement_id)
        return f"{base}agreements/{agreement_id}/" if agreement_id else f"/{slug}/start/"
    if kind in ("company_placements", "school_placements"):
        return f"{base}rounds/{round_id}/agreements/"
    return base  # host_again: the signed one-click link was in the mail; the round list is where rounds are


def notices_to_notifications(apps, schema_editor):
    Notice = apps.get_model("placements", "Notice")
    PlacementAgreement = apps.get_model("placements", "PlacementAgreement")
    Notification = apps.get_model("core", "Notification")
    with scopes_disabled():
        notices = list(
            Notice.objects.select_related(
                "round__municipality", "placement__student", "placement__place__company"
            ).order_by("pk")
        )
        if not notices:
            return
        agreement_ids = dict(PlacementAgreement.objects.values_list("placement_id", "pk"))
        created = []
        for notice in notices:
            params = {"round": notice.round.name}
            placement = notice.placement
            if placement is not None:
                params["company"] = placement.place.company.name
                if notice.kind == "child_placed":
                    params["student"] = placement.student.first_name
            target = placement if placement is not None else notice.round
            created.append(
                Notification(
                    municipality_id=notice.municipality_id,
                    user_id=notice.user_id,
                    kind=f"placements.{notice.kind}",
                    params=params,
                    target_type="placements.placement"
                    if placement is not None
                    else "placements.placementround",
                    target_id=str(target.pk),
                    url=_links(notice, notice.round.municipality.slug, agreement_ids),
                    read_at=None,
                )
            )
        created = Notification.objects.bulk_create(created)
        # `created` is set on insert (auto_now_add): give each notification the time of its notice.
        for notification, notice in zip(created, notices, strict=True):
            notification.created = notice.created
        Notification.objects.bulk_update(created, ["created"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_notification"),
        ("placements", "0003_matchrun_input_fingerprint"),
    ]

    operations = [
        migrations.RunPython(notices_to_notifications, migrations.RunPython.noop),
        migrations.DeleteModel(name="Notice"),
    ]
