"""Each submission keeps the language the patient read; those stored before were English."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("screening", "0005_ruleset_2027_01_answers"),
    ]

    operations = [
        migrations.AddField(
            model_name="submission",
            name="language",
            field=models.CharField(
                choices=[("en", "English"), ("es", "Spanish")],
                default="en",
                help_text="The language the patient read the questionnaire in.",
                max_length=10,
            ),
        ),
    ]
