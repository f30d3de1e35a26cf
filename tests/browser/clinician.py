"""The clinician's side of the browser journeys, on the desktop: signing in."""

from tests.clinic.factories import TEST_PASSWORD


def send_sign_in(page, username, password=TEST_PASSWORD):
    """Fill in the clinician sign-in form shown and send it."""
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
