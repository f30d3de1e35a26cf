"""`manage.py createclinician USERNAME`: an account in the Clinicians group.

The password is asked for twice (or read from CLINICIAN_PASSWORD with --no-input, as
`createsuperuser` reads DJANGO_SUPERUSER_PASSWORD) and checked by the password validators.
An existing account is added to the group and keeps its password.
"""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

GROUP = "Clinicians"


class Command(BaseCommand):
    help = "Create a clinician account (member of the Clinicians group), or promote one."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument(
            "--no-input",
            action="store_true",
            help="take the password from the CLINICIAN_PASSWORD environment variable",
        )

    def handle(self, *args, username, email, first_name, last_name, no_input, **options):
        group = Group.objects.filter(name=GROUP).first()
        if group is None:
            raise CommandError(f'The "{GROUP}" group is missing: run manage.py migrate first.')
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user:
            user.groups.add(group)
            self.stdout.write(f"{username} already exists; added to {GROUP}.")
            return
        user = User(username=username, email=email, first_name=first_name, last_name=last_name)
        password = self.read_password(user, no_input)
        user.set_password(password)
        user.save()
        user.groups.add(group)
        self.stdout.write(self.style.SUCCESS(f"Clinician {username} created."))

    def read_password(self, user, no_input):
        if no_input:
            password = os.environ.get("CLINICIAN_PASSWORD", "")
            if not password:
                raise CommandError("Set CLINICIAN_PASSWORD to use --no-input.")
        else:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The two passwords differ.")
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        return password
