"""The offer portal's own notifications move into the one notification model of the core.

Each row becomes a core notification of the kind "offers.message" with its text as the parameter "text"
(registered in offers/notifications.py as "%(text)s", so that the stored German texts still show), keeping
recipient, municipality, link, time and read state. Then the offers model goes.
"""

from django.db import migrations

BATCH = 1000


def copy_into_core(apps, schema_editor):
    old_model = apps.get_model("offers", "Notification")
    new_model = apps.get_model("core", "Notification")
    rows = old_model.objects.order_by("pk").values(
        "pk", "municipality_id", "user_id", "text", "url", "created", "read_at"
    )
    batch: list[dict] = []

    def flush():
        created = new_model.objects.bulk_create(
            [
                new_model(
                    municipality_id=row["municipality_id"],
                    user_id=row["user_id"],
                    kind="offers.message",
                    params={"text": row["text"]},
                    url=row["url"],
                    read_at=row["read_at"],
                )
                for row in batch
            ]
        )
        # `created` is set on insert (auto_now_add): give each copy its original time.
        for notification, row in zip(created, batch, strict=True):
            new_model.objects.filter(pk=notification.pk).update(created=row["created"])
        batch.clear()

    for row in rows.iterator():
        batch.append(row)
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()


def copy_back(apps, schema_editor):
    old_model = apps.get_model("offers", "Notification")
    new_model = apps.get_model("core", "Notification")
    for row in new_model.objects.filter(kind="offers.message").values(
        "municipality_id", "user_id", "params", "url", "created", "read_at"
    ):
        copy = old_model.objects.create(
            municipality_id=row["municipality_id"],
            user_id=row["user_id"],
            text=str(row["params"].get("text", ""))[:300],
            url=row["url"],
            read_at=row["read_at"],
        )
        old_model.objects.filter(pk=copy.pk).update(created=row["created"])
    new_model.objects.filter(kind="offers.message").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0003_search_geo_cells"),
        ("core", "0003_notification"),
    ]

    operations = [
        migrations.RunPython(copy_into_core, copy_back),
        migrations.DeleteModel(name="Notification"),
    ]
