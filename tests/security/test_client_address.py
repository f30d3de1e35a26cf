"""The client's address: X-Forwarded-For counts only when a trusted proxy passed it on."""

from ipaddress import ip_network

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from kypho.net import client_ip
from screening.models import Submission
from tests.screening.journey import complete, patient_steps, post_step
from tests.security.test_sign_in import sign_in

PROXY = "127.0.0.1"
ATTACKER = "203.0.113.7"


@pytest.fixture
def behind_a_proxy(settings):
    """A deployment behind its own proxy at 127.0.0.1 and the network 10.0.0.0/8."""
    settings.TRUSTED_PROXIES = [ip_network(PROXY), ip_network("10.0.0.0/8")]
    settings.TRUST_X_FORWARDED_FOR = True  # the older switch, so the tests hold against it


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        # A client that reaches the server directly: its header is ignored.
        (ATTACKER, "198.51.100.1", ATTACKER),
        (ATTACKER, f"198.51.100.1, {PROXY}", ATTACKER),
        # Through the proxy: the hop it added is the client.
        (PROXY, "198.51.100.1", "198.51.100.1"),
        # A client's forged hops sit left of the real one, which wins.
        (PROXY, "6.6.6.6, 198.51.100.1", "198.51.100.1"),
        # Through two trusted proxies (10.0.0.0/8 and 127.0.0.1): walk past both.
        (PROXY, "6.6.6.6, 198.51.100.1, 10.1.2.3", "198.51.100.1"),
        # Nothing trustworthy to the left of a malformed hop.
        (PROXY, "198.51.100.1, nonsense", PROXY),
        (PROXY, "", PROXY),
        # Only proxies in the chain: the leftmost.
        (PROXY, "10.9.9.9", "10.9.9.9"),
    ],
)
def test_client_address_behind_a_proxy(behind_a_proxy, remote, forwarded, expected):
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert client_ip(request) == PROXY


def test_no_valid_address_gives_none():
    request = RequestFactory().get("/")
    request.META.pop("REMOTE_ADDR", None)
    assert client_ip(request) is None


@pytest.mark.django_db
def test_a_direct_client_cannot_escape_the_rate_limit_by_forging(client, settings, behind_a_proxy):
    settings.SUBMISSION_RATE_LIMIT = 2
    statuses = []
    for n in range(3):
        complete(client, patient_steps())
        forged = {"REMOTE_ADDR": ATTACKER, "HTTP_X_FORWARDED_FOR": f"198.51.100.{n}"}
        statuses.append(post_step(client, reverse("screening:check"), **forged).status_code)
    assert statuses == [302, 302, 429]
    assert Submission.objects.count() == 2


@pytest.mark.django_db
def test_a_direct_client_cannot_escape_the_lock_out_by_forging(settings, behind_a_proxy):
    for n in range(settings.AXES_FAILURE_LIMIT):
        forged = {"HTTP_X_FORWARDED_FOR": f"198.51.100.{n}"}
        sign_in(Client(**forged), "dr-target", "wrong", address=ATTACKER)
    forged = Client(HTTP_X_FORWARDED_FOR="198.51.100.99")
    locked = sign_in(forged, "dr-target", "wrong", address=ATTACKER)
    assert locked.status_code == 429
