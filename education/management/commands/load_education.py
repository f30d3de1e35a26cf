"""`manage.py load_education`: load the shipped topics, keeping the clinic's own edits."""

from django.core.management.base import BaseCommand, CommandError

from education.loader import CONTENT_DIR, ContentError, load_topics


class Command(BaseCommand):
    help = "Load education topics from Markdown files; safe to run again at any time."

    def add_arguments(self, parser):
        parser.add_argument("--dir", default=str(CONTENT_DIR), help="Folder of *.md topics.")

    def handle(self, *args, **options):
        """Load the topics and print what changed."""
        try:
            report = load_topics(options["dir"])
        except ContentError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Topics: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, "
            f"{len(report.kept_admin_edits)} kept as edited in the admin."
        )
        for slug in report.kept_admin_edits:
            self.stdout.write(f"  kept admin edit: {slug}")
