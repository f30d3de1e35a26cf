"""Ruleset 2027.01: the medical yes/no answers become "yes", "no" or "unsure".

Submissions stored under 2026.11 keep their outcome, findings, texts and ruleset; only
their stored yes/no answers of the keys that are now tri-state are rewritten, True as
"yes" and False as "no", so they display under the new vocabulary. Each answer moves
through a new column (add, copy, drop the old, rename) rather than a type change, so
the copy reads real booleans on every database instead of whatever text a cast makes
of them. Going back turns "yes" and "unsure" into True (the flag stays raised) and
anything else into False.
"""

from django.db import migrations, models

# The answer keys that ruleset 2027.01 asks as yes / no / I'm not sure.
TRI_STATE_KEYS = (
    "cancer_history",
    "long_term_steroids",
    "active_infection",
    "blood_thinners",
    "bleeding_disorder",
    "cement_or_contrast_allergy",
    "pregnant",
)
TRI_STATE = [("yes", "Yes"), ("no", "No"), ("unsure", "I'm not sure")]
PREGNANCY = [*TRI_STATE, ("not_asked", "Not asked (because of age)")]
RAISED = ("yes", "unsure")


def new_column(key):
    return f"{key}_answer"


def words_from_booleans(apps, schema_editor):
    """Write each stored boolean of a tri-state key as "yes" or "no"."""
    submissions = apps.get_model("screening", "Submission").objects
    for key in TRI_STATE_KEYS:
        submissions.filter(**{key: True}).update(**{new_column(key): "yes"})
        submissions.filter(**{key: False}).update(**{new_column(key): "no"})


def booleans_from_words(apps, schema_editor):
    """Going back: "yes" and "unsure" as True, anything else as False."""
    submissions = apps.get_model("screening", "Submission").objects
    for key in TRI_STATE_KEYS:
        submissions.filter(**{f"{new_column(key)}__in": RAISED}).update(**{key: True})
        submissions.exclude(**{f"{new_column(key)}__in": RAISED}).update(**{key: False})


def final_field(key):
    choices = PREGNANCY if key == "pregnant" else TRI_STATE
    return models.CharField(max_length=10, choices=choices)


class Migration(migrations.Migration):
    dependencies = [("screening", "0004_helper_and_note")]

    operations = [
        *(
            migrations.AddField(
                "submission", new_column(key), models.CharField(max_length=10, null=True)
            )
            for key in TRI_STATE_KEYS
        ),
        migrations.RunPython(words_from_booleans, booleans_from_words),
        # A default, so that going back can add the boolean column to a table with rows.
        *(
            migrations.AlterField("submission", key, models.BooleanField(default=False))
            for key in TRI_STATE_KEYS
        ),
        *(migrations.RemoveField("submission", key) for key in TRI_STATE_KEYS),
        *(migrations.RenameField("submission", new_column(key), key) for key in TRI_STATE_KEYS),
        *(migrations.AlterField("submission", key, final_field(key)) for key in TRI_STATE_KEYS),
        migrations.AlterField(
            model_name="submission",
            name="onset_event",
            field=models.CharField(
                choices=[
                    ("minor_fall", "A small fall, such as from standing height"),
                    ("lifting_bending", "Lifting or bending"),
                    (
                        "major_trauma",
                        "A serious accident, such as a car crash or a fall from a height",
                    ),
                    ("gradual", "It came on slowly, over time"),
                    ("no_clear_cause", "Nothing I can think of"),
                    ("unsure", "I'm not sure"),
                ],
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="submission",
            name="imaging_result",
            field=models.CharField(
                choices=[
                    ("fracture", "A broken bone (fracture) in my spine"),
                    ("no_fracture", "No broken bone"),
                    ("unsure", "I'm not sure what it showed"),
                    ("waiting", "I'm waiting for the result"),
                    ("not_done", "I have not had a scan"),
                ],
                max_length=20,
            ),
        ),
    ]
