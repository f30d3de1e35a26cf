"""Create the "Clinicians" group holding screening.review_submission.

Permissions are normally created after all migrations run, so this one makes sure the
permission (declared in Submission.Meta) exists first; reversing removes only the group.
"""

from django.db import migrations

GROUP = "Clinicians"


def create_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="screening", model="submission")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="review_submission",
        defaults={"name": "Can review screening submissions"},
    )
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(permission)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("clinic", "0001_initial"),
        ("screening", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
