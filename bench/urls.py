"""The product's URLs plus `/bench/bare`, the ceiling every figure is compared with.

Benchmark-only: this URLconf is used by `bench.settings` and never by the product.
"""

from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.http import require_GET


@require_GET
def bare(request):
    """A fixed short response through the same middleware: the stack's ceiling."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [
    path("bench/bare", bare, name="bench-bare"),
    path("", include("kypho.urls")),
]
