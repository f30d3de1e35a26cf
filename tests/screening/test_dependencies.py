"""Dependencies run one way: the patient side (`screening`) imports nothing of `clinic`.

Every import in every module, at the top or inside a function, is read from the source;
migrations too (none of screening's refers to clinic).
"""

import ast
import sys
from pathlib import Path

import screening

SCREENING = Path(screening.__file__).parent


def imported_modules(path):
    """Every module `path` imports, by its dotted name."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def test_screening_imports_nothing_from_clinic():
    offenders = sorted(
        f"{path.relative_to(SCREENING.parent)}: {module}"
        for path in SCREENING.rglob("*.py")
        for module in imported_modules(path)
        if module == "clinic" or module.startswith("clinic.")
    )
    assert offenders == []


def test_the_walk_sees_screenings_modules():
    modules = {path.name for path in SCREENING.rglob("*.py")}
    assert {"services.py", "views.py", "models.py", "signals.py"} <= modules


ENGINE = SCREENING / "eligibility"
# The one Django touch the engine allows: reading the thresholds from settings, lazily.
ENGINE_MAY_IMPORT = {"django.conf", "django.conf.settings"}


def test_the_engine_imports_nothing_outside_itself_but_the_standard_library():
    """The questionnaire, the `screen` command and the tests share a pure engine."""
    stdlib = set(sys.stdlib_module_names)
    offenders = sorted(
        f"{path.name}: {module}"
        for path in ENGINE.rglob("*.py")
        for module in imported_modules(path)
        if module.split(".")[0] not in stdlib and module not in ENGINE_MAY_IMPORT
    )
    assert offenders == []
    assert (ENGINE / "vocabulary.py").exists() and not (SCREENING / "vocabulary.py").exists()
