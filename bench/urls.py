"""The product's URLs plus `/bench/bare`, the ceiling every figure is compared with.

Benchmark-only: this URLconf is used by `bench.settings` and never by the product.
"""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_GET

from kypho import urls as product


@require_GET
def bare(request):
    """A fixed short response through the same middleware: the stack's ceiling."""
    return HttpResponse(b"ok", content_type="text/plain")


# The product's own list, not an include: its language-prefixed patient pages
# (i18n_patterns) must sit at the top level of a URLconf.
urlpatterns = [path("bench/bare", bare, name="bench-bare"), *product.urlpatterns]
handler400, handler404, handler500 = product.handler400, product.handler404, product.handler500
