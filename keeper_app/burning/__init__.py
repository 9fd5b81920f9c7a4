"""Burning, reading back and checking discs, and the recording files themselves.

Qt-free: every long task is a plain object with ``prepare()``, ``run(progress)`` and
``cancel()`` (see :mod:`.jobs`); the GUI runs it in a worker thread and forwards the progress
callbacks to its widgets. Nothing here touches the database: :mod:`keeper_app.services`
decide, record and audit.

- :mod:`.jobs`     one external program as a job: progress lines, cancel, finish once
- :mod:`.xorriso`  xorriso command lines, its messages and exit codes, the burn job
- :mod:`.layout`   what goes on a disc: recordings, ``MANIFEST.sha256``, ``LABEL.json``
- :mod:`.isoread`  reading an ISO 9660 / Rock Ridge image without mounting it
- :mod:`.verify`   reading a disc back and checking every file against the manifest
- :mod:`.storage`  hard-drive storage: copying with hashing into storage and backup roots
- :mod:`.probe`    ffprobe: a recording's real duration
- :mod:`.samples`  short real recordings made with ffmpeg (demo and tests)
"""


class BurnError(Exception):
    """A burning, reading or storage step that cannot be done; ``code`` is stable (the services
    turn it into a RuleViolation with the same code), the message says what to do."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message
