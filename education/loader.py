"""Load the education topics shipped as Markdown files into the database.

English pages are `content/*.md`; each other language has a folder of the same files
(`content/es/*.md`), one row per page and language. Loading is idempotent and respects
the admin: a topic is created when missing, updated when its file changed and nobody
edited it in the admin since the last load, and left alone when the clinic edited it (its
fields no longer match the checksum recorded at load time). Running it twice never
duplicates a row. A translated file must have its English twin (the same file name).
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import frontmatter
from django.conf import settings
from django.db import transaction

from education.models import ENGLISH, Topic, content_checksum

CONTENT_DIR = Path(__file__).resolve().parent / "content"
REQUIRED_KEYS = ("title", "summary", "order", "reviewed_by", "last_reviewed")


class ContentError(ValueError):
    """A content file is missing a key or has a value of the wrong kind."""


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    kept_admin_edits: list = field(default_factory=list)


def read_topic_file(path):
    """Parse one Markdown file with front matter into the fields of a Topic."""
    post = frontmatter.load(path)
    missing = [key for key in REQUIRED_KEYS if key not in post.metadata]
    if missing:
        raise ContentError(f"{path.name}: missing {', '.join(missing)} in the front matter.")
    last_reviewed = post["last_reviewed"]
    if not isinstance(last_reviewed, date):
        raise ContentError(f"{path.name}: last_reviewed must be a date (YYYY-MM-DD).")
    return {
        "slug": post.get("slug", path.stem),
        "title": str(post["title"]).strip(),
        "summary": str(post["summary"]).strip(),
        "body": post.content.strip() + "\n",
        "order": int(post["order"]),
        "reviewed_by": str(post["reviewed_by"]).strip(),
        "last_reviewed": last_reviewed,
    }


def topic_files(directory=CONTENT_DIR):
    """[(language, path)] of every content file: English first, then each translation.

    Raises ContentError for a translated file with no English file of the same name.
    """
    directory = Path(directory)
    english = sorted(directory.glob("*.md"))
    files = [(ENGLISH, path) for path in english]
    names = {path.name for path in english}
    for code, _name in settings.LANGUAGES:
        if code == ENGLISH:
            continue
        for path in sorted((directory / code).glob("*.md")):
            if path.name not in names:
                raise ContentError(f"{code}/{path.name}: no English page of that name.")
            files.append((code, path))
    return files


def label(slug, language):
    """How the report names a row: its slug, with the language unless it is English."""
    return slug if language == ENGLISH else f"{slug} ({language})"


@transaction.atomic
def load_topics(directory=CONTENT_DIR):
    """Create or update topics from every content file under `directory`; return a LoadReport."""
    report = LoadReport()
    for language, path in topic_files(directory):
        fields = read_topic_file(path)
        slug = fields.pop("slug")
        checksum = content_checksum(**fields)
        topic = Topic.objects.filter(slug=slug, language=language).first()
        name = label(slug, language)
        if topic is None:
            Topic.objects.create(slug=slug, language=language, source_checksum=checksum, **fields)
            report.created.append(name)
        elif topic.edited_since_load:
            report.kept_admin_edits.append(name)
        elif topic.source_checksum == checksum:
            report.unchanged.append(name)
        else:
            for field_name, value in fields.items():
                setattr(topic, field_name, value)
            topic.source_checksum = checksum
            topic.save()
            report.updated.append(name)
    return report
