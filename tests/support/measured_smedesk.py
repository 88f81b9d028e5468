"""``python measured_smedesk.py ARGS``: smedesk's CLI, reporting its own peak memory.

On exit the process's high-water RSS (``VmHWM`` in /proc/self/status: this process's own
address space, unlike ``ru_maxrss`` of a child, which starts from the parent's size at
fork) is written to the file named by ``SMEDESK_PEAK_FILE``, in KiB.
"""

from __future__ import annotations

import atexit
import os
import sys


def _report() -> None:
    target = os.environ.get("SMEDESK_PEAK_FILE")
    if not target:
        return
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    with open(target, "w", encoding="ascii") as out:
                        out.write(line.split()[1])
                    return
    except OSError:
        return


if __name__ == "__main__":
    atexit.register(_report)
    from smedesk.cli import main

    sys.exit(main(sys.argv[1:]))
