"""Named stages of long writes, where a test can stop the process to kill it there."""

import os
import signal

STOP_AT = "PLANKG_STOP_AT"
"""A process whose environment names a stage in this variable stops itself (SIGSTOP) on reaching it."""


def stage(name: str) -> None:
    """Stop this process if ``$PLANKG_STOP_AT`` is ``name``; a test then kills it at a known point."""
    if os.environ.get(STOP_AT) == name:
        os.kill(os.getpid(), signal.SIGSTOP)
