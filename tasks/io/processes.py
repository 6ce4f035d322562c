"""Whether a process of this host still runs: how a run tells the leftovers of a dead run from a live one's."""
from __future__ import annotations

import os


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: no signal, only the check
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True
