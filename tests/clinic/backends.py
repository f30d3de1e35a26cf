"""Email backends standing in for mail servers in the outbox tests."""

import os
import smtplib
import threading
import time
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


class FailingEmailBackend(BaseEmailBackend):
    """A server that is always down."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPConnectError(421, "mail.example-clinic.org: service not available")


class SlowRecordingEmailBackend(BaseEmailBackend):
    """A slow relay: `delay` seconds a message; records the subject of each it accepts."""

    delay = 0.05
    accepted = []
    lock = threading.Lock()

    def send_messages(self, email_messages):
        for message in email_messages:
            time.sleep(self.delay)
            with self.lock:
                self.accepted.append(message.subject)
        return len(email_messages)


class HangingEmailBackend(BaseEmailBackend):
    """A relay that takes the message and never answers; touches `$HANG_MARKER` first."""

    def send_messages(self, email_messages):
        Path(os.environ["HANG_MARKER"]).touch()
        time.sleep(120)
        return 0


class SlowToConfirmEmailBackend(BaseEmailBackend):
    """A relay that takes each message (its Message-ID goes to `$RELAY_LOG` at once) and
    then takes `$RELAY_SECONDS` to say so: a sender stopped meanwhile has already sent it."""

    def send_messages(self, email_messages):
        for message in email_messages:
            with open(os.environ["RELAY_LOG"], "a") as log:
                log.write(f"{message.extra_headers['Message-ID']}\n")
            time.sleep(float(os.environ["RELAY_SECONDS"]))
        return len(email_messages)
