"""Retire cached education pages whenever the content behind them changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from education.cache import content_version_bump
from education.models import Location, Topic


@receiver([post_save, post_delete], sender=Topic)
@receiver([post_save, post_delete], sender=Location)
def content_changed(sender, **kwargs):
    """A topic or location was saved or deleted: every cached page is now stale."""
    content_version_bump()
