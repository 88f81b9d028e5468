"""Python's cycle collector paused around batch work that builds hundreds of thousands of objects.

A round import parses thousands of rows per package, and opening a round gathers the served
firms of hundreds of applications. Every few hundred new container objects the collector
runs, and its full passes walk every live object, including all that the batch holds: about
a fifth of an import's time and a third of a round's opening. The batch frees what it leaves
behind by reference counting; cycles it made are taken by the collections that follow.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off for the block, back on after it.

    Nested or already off: left as it is, so only the outermost block turns it back on.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        # No full collection here: it walks every live object (0.1 s and more); the young
        # generation's next run takes what the block left.
        gc.enable()
