"""`manage.py load_synthetic --count N`: bulk-load synthetic submissions for benchmarks.

The same synthetic patients as the demo, evaluated by the real rules engine, inserted in
batches with `bulk_create` so that 100,000 rows take seconds, not hours. No outbox
messages or audit entries are written: this is load for measuring, not clinical history.
"""

import random
import uuid
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from clinic.demo import SCENARIOS, demo_answers, demo_contact, demo_language, setup_people
from screening.eligibility import evaluate
from screening.models import Submission

BATCH = 2000


def synthetic_submission(rng, index, locations, today):
    """One unsaved Submission from synthetic answers and the engine's verdict on them."""
    as_of = today - timedelta(days=rng.randint(0, 83))
    answers = demo_answers(rng, SCENARIOS[index % len(SCENARIOS)], as_of)
    return Submission(
        idempotency_key=uuid.UUID(int=rng.getrandbits(128), version=4),
        as_of=as_of,
        **Submission.fields_from(answers, evaluate(answers, as_of)),
        **demo_contact(rng, index, locations[index % len(locations)]),
        consent_version="synthetic",
        language=demo_language(index),
        consented_at=timezone.now(),
    )


class Command(BaseCommand):
    help = "Bulk-load synthetic submissions (benchmarks); outcomes come from the real engine."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, count, seed, **options):
        """Insert `count` submissions in batches and report the table's new size."""
        rng = random.Random(seed + Submission.objects.count())
        locations, _users = setup_people()
        today = timezone.localdate()
        for start in range(0, count, BATCH):
            rows = [
                synthetic_submission(rng, index, locations, today)
                for index in range(start, min(start + BATCH, count))
            ]
            with transaction.atomic():
                Submission.objects.bulk_create(rows)
        self.stdout.write(
            f"Loaded {count} synthetic submissions; {Submission.objects.count()} in all."
        )
