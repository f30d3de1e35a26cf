"""Benchmark settings: exactly the project's, with one extra URLconf for the bare view."""

from kypho.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
