"""References: Crockford's base32 in three groups, read back however they are typed."""

import re

import pytest

from screening import references
from screening.models import Submission
from tests.clinic.factories import make_submission

FORMAT = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")


def test_new_references_use_no_look_alike_letters():
    made = {references.new_reference() for _ in range(500)}
    assert len(made) == 500
    assert all(FORMAT.match(reference) for reference in made)
    assert not set("ILOU") & set("".join(made))


@pytest.mark.parametrize(
    "typed",
    ["K7F3-9QXM-2AB0", "k7f39qxm2ab0", "K7F3 9QXM 2AB0", " k7f3-9qxm-2abo ", "K7F3--9QXM 2ABo"],
)
def test_typed_reference_reads_as_stored(typed):
    assert references.canonical(typed) == "K7F3-9QXM-2AB0"


def test_i_and_l_read_as_one():
    assert references.canonical("ilI1-0000-0000") == "1111-0000-0000"


@pytest.mark.parametrize("typed", ["K7F3-9QXM", "K7F3-9QXM-2AB0-1", "K7F3-9QXM-2ABU", "Margaret"])
def test_text_that_is_no_reference_reads_as_none(typed):
    assert references.canonical(typed) is None


def test_spoken_reference_is_read_one_character_at_a_time():
    assert references.spoken("K7F3-9QXM-2AB0") == "K 7 F 3, 9 Q X M, 2 A B 0"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed", ["10A0-BC1D-EFGH", "loa0 bcid efgh", "IOAOBCLDEFGH", "10a0bc1d-efgh", "10A0"]
)
def test_search_finds_a_reference_however_typed(typed):
    wanted = make_submission(reference="10A0-BC1D-EFGH")
    make_submission(reference="20A0-BC1D-EFGH")
    assert list(Submission.objects.search(typed)) == [wanted]


@pytest.mark.django_db
def test_search_still_finds_an_old_reference_by_part():
    old = make_submission(reference="ABCD-EFGH-JKMN")
    assert list(Submission.objects.search("efgh-jk")) == [old]
