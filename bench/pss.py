#!/usr/bin/env python3
"""What one more user's manager costs the machine: Rss, and Pss (each shared page counted
as 1/n of a page in each of the n processes mapping it), of idle user managers.

A manager's VmRSS is mostly its binary's code pages (page cache, file-backed): every user's
manager maps the same file, so they are paid once per machine, not once per user. Pss
divides them among the managers that share them; Pss_Anon is what each one alone pays.
Rows: linger with 1 and with --many managers running at once (each with its own HOME and
XDG_RUNTIME_DIR), systemd --user 252 (one instance: the anchors run one).

    python3 bench/pss.py --bin target/release/linger [--before OLD] [--many 4] [--out F]
    (systemd's side takes /work/wt/anchors.lock in this workplace: one anchors bench at a time)
"""

import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import anchors_usable, arg_parser, emit  # noqa: E402
from usermgr import Linger, Systemd  # noqa: E402

KEYS = ("Rss", "Pss", "Pss_Anon", "Pss_File")


def rollup(pid):
    """smaps_rollup's kB figures of `pid`."""
    out = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                out[parts[0].rstrip(":")] = int(parts[1])
    return out


def linger_rows(binary, label, many):
    """Rss/Pss of one idle manager alone, then the median of `many` running at once."""
    rows = {}
    for count in (1, many):
        managers = [Linger(binary, 0) for _ in range(count)]
        try:
            for m in managers:
                m.start()
            time.sleep(0.5)
            figures = [rollup(m.pid()) for m in managers]
        finally:
            for m in managers:
                m.stop()
        for k in KEYS:
            rows[f"{label}: {k}, {count} manager(s) running (MB)"] = (
                statistics.median(f.get(k, 0) for f in figures) / 1024
            )
    return rows


def systemd_rows():
    m = Systemd(0)
    try:
        m.start()
        time.sleep(0.5)
        f = rollup(m.pid())
    finally:
        m.stop()
    return {f"systemd --user 252: {k}, 1 manager (MB)": f.get(k, 0) / 1024 for k in KEYS}


def main():
    p = arg_parser(1)
    p.add_argument("--many", type=int, default=4)
    a = p.parse_args()
    rows = linger_rows(a.bin, "linger", a.many)
    if a.before:
        rows.update(linger_rows(a.before, "linger before", a.many))
    if not a.no_systemd and anchors_usable("/lib/systemd/systemd"):
        rows.update(systemd_rows())
    lines = [f"# idle user managers' Rss and Pss (MB), load {os.getloadavg()[0]:.1f}"]
    lines += [f"{k:60s} {v:8.2f}" for k, v in rows.items()]
    emit(lines, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
