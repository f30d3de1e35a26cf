"""Start-up check: the screening thresholds lie inside the contract's ranges.

A threshold outside them (a recent window longer than the limit, a pain minimum above
the severe score) would sort every submission quietly wrong, so the app refuses to
start: `runserver`, `migrate`, the task worker and `check --deploy` stop with an error
naming the setting. The ranges themselves belong to the engine (`Thresholds.problems`).
"""

from django.core import checks

from screening.eligibility import Thresholds


@checks.register("screening")
def check_thresholds(app_configs=None, **kwargs):
    """One error per screening threshold setting outside its range."""
    return [
        checks.Error(
            f"The screening threshold {setting} {problem}.",
            hint="See the thresholds in docs/screening-contract.md section 2; change one "
            "only on the clinical lead's advice.",
            obj=setting,
            id="screening.E001",
        )
        for setting, problem in Thresholds.from_settings().problems()
    ]
