"""The admin app, configured to use Kypho's admin site (see kypho/admin.py)."""

from django.contrib.admin.apps import AdminConfig


class KyphoAdminConfig(AdminConfig):
    default_site = "kypho.admin.KyphoAdminSite"
