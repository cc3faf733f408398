"""Whether the build may fork processes (to write the simulator's pages), and how many cores it has.

Forking is used on Linux only (it is missing on Windows and unsafe with threads on macOS), and not at all where
`ERN_GUIDES_ONE_PROCESS` is set (for a host that limits processes, or to compare a build with one made in one
process): the build then does everything itself, one step after the other.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def allowed() -> bool:
    return sys.platform.startswith("linux") and not os.environ.get("ERN_GUIDES_ONE_PROCESS")


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def die_with(parent: int) -> None:
    """In a forked process: end when `parent` ends, even killed (SIGKILL gives it no chance to stop us), so that
    nothing writes into a temporary site the next build has removed. Linux's PR_SET_PDEATHSIG."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # it ended before the request was made
        os._exit(1)
