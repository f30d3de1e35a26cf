"""Dates as the US writes them: month, day and year boxes in, "March 27, 2026" out."""

import datetime
import re

import pytest
from django import forms
from django.urls import reverse

from screening.eligibility import QUESTIONS_BY_KEY
from screening.fields import DatePartsField
from screening.summary import display_answer
from tests.screening.journey import (
    answer_until,
    complete,
    patient_steps,
    post_step,
    step_url,
)

pytestmark = pytest.mark.django_db

MARCH_27 = datetime.date(2026, 3, 27)


def boxes(month="3", day="27", year="1950"):
    return {"date_of_birth_month": month, "date_of_birth_day": day, "date_of_birth_year": year}


def birth_date_page(client, data=None):
    answer_until(client, patient_steps(), "date-of-birth")
    if data is None:
        return client.get(step_url("date-of-birth")).content.decode()
    return post_step(client, step_url("date-of-birth"), data).content.decode()


def test_the_boxes_come_month_then_day_then_year_each_with_its_label(client):
    html = birth_date_page(client)
    label = r'<label class="form-label date-parts__label" for="([^"]+)">(\w+)</label>'
    labels = re.findall(label, html)
    assert labels == [
        ("id_date_of_birth_0", "Month"),
        ("id_date_of_birth_1", "Day"),
        ("id_date_of_birth_2", "Year"),
    ]
    assert html.index('name="date_of_birth_month"') < html.index('name="date_of_birth_day"')
    assert html.index('name="date_of_birth_day"') < html.index('name="date_of_birth_year"')


def test_the_month_box_fills_the_birth_month_and_the_year_box_takes_four_digits(client):
    html = birth_date_page(client)
    month = re.search(r'<input[^>]*name="date_of_birth_month"[^>]*>', html).group(0)
    year = re.search(r'<input[^>]*name="date_of_birth_year"[^>]*>', html).group(0)
    assert 'autocomplete="bday-month"' in month and 'maxlength="2"' in month
    assert 'autocomplete="bday-year"' in year and 'maxlength="4"' in year


def test_month_and_day_are_read_in_us_order():
    field = DatePartsField(name="Date of birth")
    assert field.clean(["3", "27", "1950"]) == datetime.date(1950, 3, 27)
    with pytest.raises(forms.ValidationError, match="Date of birth must be a real date"):
        field.clean(["27", "3", "1950"])  # day and month swapped: there is no 27th month


def test_a_date_typed_is_shown_again_in_the_same_boxes_after_an_error(client):
    html = birth_date_page(client, boxes(year="19x0"))
    assert "Date of birth must be a real date" in html
    assert re.search(r'name="date_of_birth_month"[^>]*value="3"', html)
    assert re.search(r'name="date_of_birth_day"[^>]*value="27"', html)
    assert re.search(r'name="date_of_birth_year"[^>]*value="19x0"', html)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (boxes(month=""), "Date of birth must include a month"),
        (boxes(day=""), "Date of birth must include a day"),
        (boxes(year=""), "Date of birth must include a year"),
        (boxes(month="", day=""), "Date of birth must include a month and a day"),
        (boxes(month="", year=""), "Date of birth must include a month and a year"),
        (boxes(month="2", day="30"), "Date of birth must be a real date"),
        (boxes(month="13", day="1"), "Date of birth must be a real date"),
        (boxes(month="", day="", year=""), "Enter your date of birth"),
    ],
)
def test_each_date_error_names_the_date_and_what_to_fix(client, typed, message):
    html = birth_date_page(client, typed)
    assert f"Error:</span> {message}" in html
    assert "Enter a complete value" not in html


def test_a_registry_date_is_shown_as_the_us_writes_it():
    assert QUESTIONS_BY_KEY["date_of_birth"].display(MARCH_27) == "March 27, 2026"
    assert QUESTIONS_BY_KEY["date_of_birth"].display(datetime.date(1941, 7, 4)) == "July 4, 1941"


def test_any_other_date_answer_is_shown_the_same_way():
    assert display_answer(forms.DateField(), MARCH_27) == "March 27, 2026"


def test_the_check_page_shows_the_birth_date_as_the_us_writes_it(client):
    complete(client, patient_steps(date_of_birth=datetime.date(1941, 7, 4)))
    html = client.get(reverse("screening:check")).content.decode()
    assert "July 4, 1941" in html
    assert "4 July 1941" not in html
