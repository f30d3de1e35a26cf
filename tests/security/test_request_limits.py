"""Bodies no page needs are refused before anything reads them (kypho/limits.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.urls import reverse

from screening.demo import STEP_SLUGS
from screening.wizard import SESSION_KEY
from tests.screening.journey import begin, patient_steps, post_step, step_url

FIRST = STEP_SLUGS[0]  # the questionnaire's first page

pytestmark = pytest.mark.django_db

RECEIVED = []


class RecordingUploadHandler(FileUploadHandler):
    """Counts every byte of an uploaded file that reaches Django's upload handling."""

    def receive_data_chunk(self, raw_data, start):
        RECEIVED.append(len(raw_data))
        return raw_data

    def file_complete(self, file_size):
        return None


@pytest.fixture
def recording_uploads(settings, tmp_path):
    settings.FILE_UPLOAD_HANDLERS = [f"{__name__}.RecordingUploadHandler"]
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    RECEIVED.clear()
    return tmp_path


@pytest.mark.parametrize("where", ["start", "step"])
def test_a_50_mb_upload_is_refused_before_it_is_read(client, recording_uploads, where):
    begin(client)
    url = reverse("screening:start") if where == "start" else step_url(FIRST)
    upload = SimpleUploadedFile("scan.pdf", b"x" * (50 * 1024 * 1024))
    response = post_step(client, url, {**patient_steps()[FIRST], "file": upload})
    assert response.status_code == 413
    assert "We could not read what was sent" in response.content.decode()
    assert RECEIVED == [] and list(recording_uploads.iterdir()) == []
    assert client.session[SESSION_KEY]["steps"] == {}


def test_a_small_file_is_skipped_unread_and_the_step_still_saves(client, recording_uploads):
    begin(client)
    upload = SimpleUploadedFile("note.txt", b"hello")
    response = post_step(client, step_url(FIRST), {**patient_steps()[FIRST], "file": upload})
    assert response.status_code == 302
    assert RECEIVED == [] and list(recording_uploads.iterdir()) == []
    assert FIRST in client.session[SESSION_KEY]["steps"]


def test_a_normal_step_post_still_works(client):
    begin(client)
    response = post_step(client, step_url(FIRST), patient_steps()[FIRST])
    assert response.status_code == 302
    assert FIRST in client.session[SESSION_KEY]["steps"]


def test_a_body_without_a_length_is_refused(client):
    begin(client)
    response = client.post(
        step_url(FIRST), patient_steps()[FIRST], HTTP_TRANSFER_ENCODING="chunked"
    )
    assert response.status_code == 411
    assert "We could not read what was sent" in response.content.decode()


@pytest.mark.parametrize("length", ["-1", "12abc", str(10**12)])
def test_an_odd_or_huge_declared_length_is_refused(client, length):
    response = client.post(reverse("screening:start"), {}, CONTENT_LENGTH=length)
    assert response.status_code in {400, 413}


@pytest.mark.parametrize(
    "url",
    [
        "/clinic/submissions/%00/",
        "/clinic/?q=%00",
        "/admin/clinic/auditentry/?action=%00",
        "/screening/step/pain%00/",
        "/%00",
    ],
)
def test_a_nul_character_in_a_url_is_a_plain_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "We could not read what was sent" in response.content.decode()
    assert response["X-Frame-Options"] == "DENY"
