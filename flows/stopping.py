"""How a run stops when asked: the first SIGINT (Ctrl-C) or SIGTERM (systemd, Prefect cancellation) is
acknowledged at once and stops the input (no new fetch, no further file); what was already fetched is
extracted, loaded and published, and the run ends `cancelled`. A second signal ends the process at once
(exit 130); the next run marks it `crashed` and loads what it had archived (flows/resume.py). Either way the
published snapshot is never half-written.

The stop is a value handed to what reads input (`Stop`, a threading.Event), not a module flag.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

FORCED_EXIT = 130        # the shell's code for a process ended by SIGINT


class Stop(threading.Event):
    """Set when the run was asked to stop; `signal` names what asked."""

    signal: str | None = None

    def request(self, name: str) -> None:
        self.signal = name
        self.set()


def _say(text: str) -> None:
    """A line on stderr from a signal handler (os.write: no buffered stream that may be in use or closed)."""
    with contextlib.suppress(OSError):
        os.write(2, text.encode())


@contextlib.contextmanager
def stop_on_signals() -> Iterator[Stop]:
    """A Stop for one run, set by the first SIGINT/SIGTERM; the second exits at once. Only the main thread can
    take signals; elsewhere (a Prefect worker thread) the Stop is only ever set by the caller."""
    stop = Stop()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handle(signum: int, _frame: object) -> None:
        name = signal.Signals(signum).name
        if stop.is_set():
            _say(f"\nwarta: {name} again: exiting now; the next run resumes from the archive\n")
            os._exit(FORCED_EXIT)
        stop.request(name)
        _say(f"\nwarta: {name}: stopping: no new fetches, loading what was fetched (again to exit at once)\n")

    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    for sig in previous:
        signal.signal(sig, handle)
    try:
        yield stop
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def until_stopped(items: Iterable[T], stop: threading.Event) -> Iterator[T]:
    """The items, until the stop is set (a local input stops between two files or records)."""
    for item in items:
        if stop.is_set():
            return
        yield item
