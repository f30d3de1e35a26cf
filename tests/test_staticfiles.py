"""Patient pages block rendering on one stylesheet: Bootstrap and Kypho's CSS, joined."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse


@pytest.mark.django_db
def test_public_pages_link_exactly_one_stylesheet(client):
    for url in (reverse("education:home"), reverse("screening:start")):
        html = client.get(url).content.decode()
        head = html[: html.index("</head>")]
        assert re.findall(r'<link rel="stylesheet" href="([^"]+)"', head) == [
            "/static/css/site.css"
        ]


def test_bundle_holds_bootstrap_then_kypho_and_no_source_map():
    bundle, bootstrap, kypho = (
        Path(finders.find(name)).read_text()
        for name in ("css/site.css", "bootstrap/css/bootstrap.min.css", "css/kypho.css")
    )
    assert bootstrap.splitlines()[0] in bundle
    assert bundle.index(".btn{") < bundle.index(".skip-link")
    assert kypho.splitlines()[-1] in bundle
    assert "sourceMappingURL" not in bundle
