"""One stylesheet for every page: Bootstrap (from its pinned package) then Kypho's CSS.

Two stylesheets are two render-blocking requests before a patient sees anything; this
finder serves `css/site.css`, the two files joined, built on demand into `build/` (and
copied by collectstatic like any other static file, so production gets it hashed and
compressed). It is rebuilt whenever either source is newer than the bundle.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

BUNDLE = "css/site.css"
SOURCES = ("bootstrap/css/bootstrap.min.css", "css/kypho.css")


class BundleFinder(BaseFinder):
    """Finds `css/site.css`, building it from SOURCES when it is missing or stale."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.root = Path(settings.BASE_DIR) / "build" / "static"
        self.storage = FileSystemStorage(location=self.root)

    def build(self):
        """Write the bundle if a source changed since it was last written; return its path."""
        target = self.root / BUNDLE
        sources = [Path(finders.find(name, find_all=False)) for name in SOURCES]
        newest = max(source.stat().st_mtime for source in sources)
        if not target.exists() or target.stat().st_mtime < newest:
            parts = [strip_source_map(source.read_text()) for source in sources]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("\n".join(parts))
        return target

    def find(self, path, find_all=False, **kwargs):
        if path != BUNDLE:
            return [] if find_all else None
        found = str(self.build())
        return [found] if find_all else found

    def list(self, ignore_patterns):
        self.build()
        yield BUNDLE, self.storage


def strip_source_map(css):
    """Drop `sourceMappingURL` comments: the maps are not shipped with the bundle."""
    return "\n".join(line for line in css.splitlines() if "sourceMappingURL" not in line)
