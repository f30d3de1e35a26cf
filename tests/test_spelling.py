"""One spelling everywhere: the words people read are US English.

The default clinic is in the US, so pages, emails, settings' defaults, command output and
the education content use US spelling and usage ("anesthesia", "call us at", "right
away"), and give a temperature in °F with °C after it. This scans the templates, the
education content, the READMEs and every string in the Python sources that is not a
docstring (identifiers such as `anonymised_at` and `hospitalised_or_unable_to_walk` are
stored keys, not words anyone reads, and are left alone).
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("clinic", "education", "kypho", "screening")
NOT_YET_SCANNED: set[str] = set()  # every patient-facing source is scanned

# British form (a regular expression, case-insensitive) -> the US form used instead.
BRITISH = {
    r"anaesthe\w*": "anesthesia, anesthetic",
    r"colour(s|ed|ing)?": "color",
    r"centre(s|d)?": "center",
    r"harbour": "harbor",
    r"recognis(e|ed|es|ing)": "recognize",
    r"organis(e|ed|es|ing|ation|ations)": "organize, organization",
    r"behaviour(s|al)?": "behavior",
    r"paediatric\w*": "pediatric",
    r"orthopaedic\w*": "orthopedic",
    r"neighbour(s|ing|hood)?": "neighbor, neighboring",
    r"favour(s|ite|able)?": "favor, favorite",
    r"honour(s|ed)?": "honor",
    r"labour": "labor",
    r"hospitalis(e|ed|ation)": "hospitalized, hospitalization",
    r"prioritis(e|ed|es|ing)": "prioritize",
    r"anonymis(e|ed|es|ing|ation)": "anonymize",
    r"enrol(s|led|ling|ment)?": "enroll, enrollment",
    r"oedema": "edema",
    r"haem\w+": "hem- (hemorrhage, hematoma)",
    r"an(a)?aemi\w*": "anemia",
    r"tumours?": "tumor",
    r"diarrhoea": "diarrhea",
    r"oesophag\w*": "esophagus",
    r"licence": "license",
    r"practise(d|s)?": "practice",
    r"programmes?": "program",
    r"cheques?": "check",
    r"grey": "gray",
    r"towards": "toward",
    r"afterwards": "afterward",
    r"whilst": "while",
    r"amongst": "among",
    r"learnt": "learned",
    r"fortnight": "two weeks",
    r"post ?code": "ZIP code",
    r"surname": "last name",
    r"mobile phone": "cell phone",
    r"straight away": "right away",
    r"(call|phone|ring) (us|the clinic) on": "call us at",
    r"in hospital": "in the hospital",
    r"(has|have|had) not got (better|worse)": "has not gotten better",
    r"tick(ed)? ?box(es)?|\bticked": "check box, checked",
    r"working days?": "business days",
    r"opening hours": "hours",
    r"A&E|accident and emergency": "the emergency room",
    r"degrees? (celsius|centigrade)": "°F, then °C in parentheses",
}
BRITISH_PATTERN = re.compile(
    "|".join(rf"(?P<w{n}>\b(?:{form})\b)" for n, form in enumerate(BRITISH)), re.IGNORECASE
)
FORMS = list(BRITISH)
GP = re.compile(r"\bGPs?\b")  # "general practitioner": case matters ("gp" is not a word)
# A Celsius temperature is only ever the second of a pair: "100.4 °F (38 °C)".
CELSIUS = re.compile(r"\d+(?:\.\d+)?\s?°\s?C\b")
AFTER_FAHRENHEIT = re.compile(r"\d+(?:\.\d+)?\s?°\s?F\s?\($")


def british_forms(text):
    """[(what was found, the US form to use)] in `text`."""
    found = [
        (match.group(0), BRITISH[FORMS[int(match.lastgroup[1:])]])
        for match in BRITISH_PATTERN.finditer(text)
    ]
    found += [(match.group(0), "primary care doctor") for match in GP.finditer(text)]
    found += [
        (match.group(0), "°F first, then °C in parentheses")
        for match in CELSIUS.finditer(text)
        if not AFTER_FAHRENHEIT.search(text[: match.start()])
    ]
    return found


def docstring_nodes(tree):
    owners = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, owners)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def python_strings(path):
    """The strings of a source file that people may read: not docstrings, not single words."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = docstring_nodes(tree)
    return "\n".join(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and re.search(r"\s", node.value)
    )


def python_sources():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" not in relative and relative not in NOT_YET_SCANNED:
                yield path


def read_text(path):
    if path.suffix == ".py":
        return python_strings(path)
    return path.read_text(encoding="utf-8")


SCANNED = sorted(
    [
        *(ROOT / "templates").rglob("*.html"),
        *(ROOT / "templates").rglob("*.txt"),
        *(ROOT / "education" / "content").glob("*.md"),
        ROOT / "README.md",
        *ROOT.glob("*/README.md"),
        ROOT / ".env.example",
        *python_sources(),
    ]
)


def test_the_scan_covers_templates_content_and_code():
    names = {path.relative_to(ROOT).as_posix() for path in SCANNED}
    assert "templates/base.html" in names
    assert "education/content/getting-ready.md" in names
    assert "kypho/settings.py" in names and "screening/fields.py" in names
    assert "screening/eligibility/flags.py" in names
    assert not names & NOT_YET_SCANNED


@pytest.mark.parametrize("path", SCANNED, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_no_british_spelling(path):
    assert british_forms(read_text(path)) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Local anaesthesia numbs your back.", "anaesthesia"),
        ("Call us on 555 010 0100.", "Call us on"),
        ("Tell us straight away.", "straight away"),
        ("She stayed in hospital.", "in hospital"),
        ("The pain has not got better.", "has not got better"),
        ("Option labels keep their colour.", "colour"),
        ("Harbour Spine Centre", "Harbour"),
        ("Ask your GP.", "GP"),
        ("A fever of 38 °C or more.", "38 °C"),
        ("A fever of 38°C or more.", "38°C"),
        ("Within 2 working days.", "working days"),
    ],
)
def test_the_scan_finds_each_kind_of_british_form(text, found):
    assert found in [form for form, _us in british_forms(text)]


@pytest.mark.parametrize(
    "text",
    [
        "A temperature of 100.4 °F (38 °C) or higher.",
        "Call us at 555 010 0100 right away.",
        "hospitalised_or_unable_to_walk and anonymised_at are stored keys.",
        "aria-labelledby and the review queue.",
        "Your pain has not gotten better. You are in the hospital.",
    ],
)
def test_the_scan_leaves_us_english_alone(text):
    assert british_forms(text) == []
