"""The admin site, behind the same second factor as the clinician workspace.

Django's admin checks only the password. This site also asks for the code of the staff
member's authenticator app whenever the account has one, and of every account when
CLINIC_REQUIRE_2FA is on; a signed-in staff member who still owes it is sent to the
clinic's verify (or set-up) page and comes back here after it. It is django-otp's
`OTPAdminSite` rule (`is_verified()` in `has_permission`), with the code asked on the
clinic's page instead of in the admin's sign-in form.

Authenticator apps can be listed and deleted here (for a lost phone), never added or
changed: an administrator who could set a key could sign in as anyone. A deletion goes
through `clinic.devices`, so it is audited and the owner is told, as in the clinic.
"""

from django.contrib import admin
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic import devices
from clinic.access import redirect_to_step, second_factor_step
from kypho.net import client_ip


class DeviceAdmin(admin.ModelAdmin):
    """Authenticator apps: listed and deleted only; the key is never shown."""

    list_display = ["user", "name", "created_at", "last_used_at", "confirmed"]
    list_filter = ["confirmed"]
    search_fields = ["user__username", "user__email"]
    fields = ["user", "name", "confirmed", "created_at", "last_used_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        """Delete one app, audited and the owner emailed."""
        devices.totp_device_remove(device=obj, actor=request.user, ip_address=client_ip(request))

    def delete_queryset(self, request, queryset):
        """Delete the chosen apps one by one, each audited and its owner emailed."""
        for device in queryset:
            self.delete_model(request, device)


# Whatever admin a device app registers for its model, this one takes its place.
DEVICE_ADMINS = {TOTPDevice: DeviceAdmin}


class KyphoAdminSite(admin.AdminSite):
    """Django's admin, opened only past the second factor."""

    def register(self, model_or_iterable, admin_class=None, **options):
        """Register as Django does, but with our admin for authenticator apps."""
        models = (
            model_or_iterable
            if isinstance(model_or_iterable, list | tuple)
            else [model_or_iterable]
        )
        for model in models:
            super().register(model, DEVICE_ADMINS.get(model, admin_class), **options)

    def has_permission(self, request):
        return super().has_permission(request) and second_factor_step(request) is None

    def login(self, request, extra_context=None):
        """Staff signed in with a password only: ask for the code, then come back."""
        user = request.user
        if user.is_active and user.is_staff:
            step = second_factor_step(request)
            if step:
                target = request.GET.get("next") or reverse("admin:index", current_app=self.name)
                return redirect_to_step(step, target)
        return super().login(request, extra_context)
