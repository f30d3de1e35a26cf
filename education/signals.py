"""Retire cached education pages whenever the content behind them changes."""

from django.core.signals import setting_changed
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from education.cache import content_version_bump, deployment_fingerprint, forget_version
from education.models import Location, Topic


@receiver([post_save, post_delete], sender=Topic)
@receiver([post_save, post_delete], sender=Location)
def content_changed(sender, **kwargs):
    """A topic or location was saved or deleted: every cached page is now stale."""
    content_version_bump()


@receiver(setting_changed)
def clinic_setting_changed(setting, **kwargs):
    """Tests change the clinic's settings at run time; pages rendered before are stale."""
    if setting.startswith("CLINIC_") or setting == "STATIC_ROOT":
        deployment_fingerprint.cache_clear()
        forget_version()
