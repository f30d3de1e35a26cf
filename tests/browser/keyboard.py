"""A patient who uses the keyboard alone: Tab to move, arrows and Space to choose, typing,
and Enter to follow a link or send a form. No clicks, no filling by selector.

`answer_step(page, data)` walks the form from wherever focus is, answers the fields named
in `data` (the questionnaire's POST data, as in tests/screening/journey.py), leaves the
others as they are, and presses Enter on the submit button. A line break in a text area's
answer is typed with Enter, as a person would. Every stop on the way must
show a focus ring.
"""

MAX_TAB_STOPS = 150
TEXT_TYPES = {"text", "tel", "email", "number", "password", "search", "url", "textarea"}


def focused(page):
    return page.checker.focused()


def tab(page, backwards=False):
    """Press Tab (or Shift+Tab); return what took focus, which must show a focus ring."""
    page.keyboard.press("Shift+Tab" if backwards else "Tab")
    state = focused(page)
    assert state is not None, "focus fell to the page body"
    assert state["ring"], f"no visible focus ring on {state}"
    return state


def tab_to(page, text, *, tag="a", backwards=False):
    """Tab until a link or button whose text contains `text` has focus."""
    text = str(text)  # a form's label may be a lazy translation
    for _ in range(MAX_TAB_STOPS):
        state = tab(page, backwards)
        if state["tag"] == tag and text in state["text"]:
            return state
    raise AssertionError(f"no {tag} with {text!r} in the Tab order")


def press_enter(page):
    """Press Enter on what has focus, and wait for the page it loads."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def activate(page, text, *, tag="a", backwards=False):
    """Tab to a link or button by its text and press Enter."""
    tab_to(page, text, tag=tag, backwards=backwards)
    press_enter(page)


def answer_step(page, data):
    """Answer the fields in `data` by keyboard, then press Enter on the submit button."""
    state = focused(page)
    done = set()
    for _ in range(MAX_TAB_STOPS):
        if state and state["tag"] == "button" and state["type"] == "submit":
            press_enter(page)
            return
        if state and state["tag"] in ("input", "textarea") and state["name"] in data:
            answer_field(page, state, data[state["name"]], done)
        state = tab(page)
    raise AssertionError("no submit button in the Tab order")


def answer_field(page, state, wanted, done):
    """Answer the focused input: type text, tick or untick a box, or choose a radio."""
    kind = state["type"]
    if kind in TEXT_TYPES:
        if state["value"] != str(wanted):
            page.keyboard.press("Control+a")
            page.keyboard.press("Backspace")
            page.keyboard.type(str(wanted))
    elif kind == "checkbox":
        want = state["value"] in wanted if isinstance(wanted, list) else wanted in ("on", True)
        if want != state["checked"]:
            page.keyboard.press("Space")
    elif kind == "radio" and state["name"] not in done:
        choose_radio(page, state, str(wanted))
        done.add(state["name"])


def choose_radio(page, state, wanted):
    """Arrow through a radio group (arrows wrap round) to `wanted`, and choose it."""
    for _ in range(40):
        if state["value"] == wanted:
            if not state["checked"]:
                page.keyboard.press("Space")
            return
        page.keyboard.press("ArrowDown")
        state = focused(page)
    raise AssertionError(f"no {wanted!r} in the radio group {state['name']}")
