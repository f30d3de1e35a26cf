"""Events the patient side sends, so other apps can act without screening knowing them.

`submission_stored` is sent inside the transaction that stores a new submission (with
`submission=`), so a receiver's own rows (the clinic's outbox message) commit or roll back
with it; a receiver that starts slow work must do it after commit (a task), never inline.
"""

from django.dispatch import Signal

submission_stored = Signal()
