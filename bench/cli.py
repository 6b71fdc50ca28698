#!/usr/bin/env python3
"""CLI start-up benchmark: whole `systemctl --user` commands, linger (this build and, with
--before, a previous one) vs systemd 252's systemctl talking to systemd --user 252, same run.

Each figure is the median of --runs runs (default 21) of one whole command: wall time and the
command's own CPU time (user+sys from wait4; on a loaded machine CPU is the steadier figure).
The service `tick.service` has logged 2,000 lines, so `status` prints a real log tail (10 lines,
read from each journal). systemctl runs as `anchoruser` through subprocess's own uid switch, not
through asuser.sh, so no wrapper process is timed.

Usage (root, for systemd's column): bench/cli.py [--bin PATH] [--before PATH] [--runs 21]
       [--no-systemd] [--out bench/results-cli.txt]
"""
import os, pwd, shutil, statistics, subprocess, sys, time

from common import ANCHORS, arg_parser, TempManager, anchors_usable, emit, ensure_anchoruser, fresh_anchors
UNIT = "[Service]\nExecStart=/bin/sh -c 'seq 1 2000; exec sleep infinity'\n"
COMMANDS = [
    ("--version", ["--version"]),
    ("is-active UNIT", ["is-active", "tick.service"]),
    ("status UNIT (10-line log tail)", ["status", "--no-pager", "tick.service"]),
    ("show -p ActiveState UNIT", ["show", "-p", "ActiveState", "tick.service"]),
]


def run_once(argv, env, user=None):
    """(wall ms, CPU ms, exit code) of one whole command."""
    kw = {}
    if user:
        kw = dict(user=user.pw_uid, group=user.pw_gid, extra_groups=[])
    t = time.perf_counter()
    p = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    _, status, ru = os.wait4(p.pid, 0)
    wall = (time.perf_counter() - t) * 1000
    p.returncode = os.waitstatus_to_exitcode(status)
    return wall, (ru.ru_utime + ru.ru_stime) * 1000, p.returncode


def medians(argv, env, runs, user=None):
    rows = [run_once(argv, env, user) for _ in range(runs)]
    if any(r[2] != rows[0][2] for r in rows):
        raise RuntimeError(f"{argv}: exit codes differ between runs")
    return statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows)


class Linger:
    def __init__(self, name, binary):
        self.name, self.bin = name, binary
        self.m = TempManager(binary, "linger-clibench.", units=[("tick.service", UNIT)])
        self.env = self.m.env
        self.m.start()
        subprocess.run(self.argv(["start", "tick.service"]), env=self.env, check=True)
        wait_for_tail(lambda: subprocess.run(self.argv(["status", "--no-pager", "tick.service"]),
                                             env=self.env, capture_output=True, text=True).stdout)

    def argv(self, args):
        # `linger --version`: the floor of a whole linger process (no clap tree, no manager).
        return [self.bin, "ctl", "--user"] + args if args != ["--version"] else [self.bin, "--version"]

    def measure(self, runs):
        return {label: medians(self.argv(args), self.env, runs) for label, args in COMMANDS}

    def stop(self):
        self.m.remove()


class Systemd:
    name = "systemd 252"

    def __init__(self):
        fresh_anchors()
        ensure_anchoruser()
        self.user = pwd.getpwnam("anchoruser")
        unit_dir = os.path.join(self.user.pw_dir, ".config/systemd/user")
        shutil.rmtree(unit_dir, ignore_errors=True)
        os.makedirs(unit_dir)
        with open(os.path.join(unit_dir, "tick.service"), "w") as f:
            f.write(UNIT)
        subprocess.run(["chown", "-R", "anchoruser:", os.path.join(self.user.pw_dir, ".config")], check=True)
        self.env = {"HOME": self.user.pw_dir, "USER": "anchoruser", "LOGNAME": "anchoruser",
                    "XDG_RUNTIME_DIR": f"/run/user/{self.user.pw_uid}", "PATH": "/usr/local/bin:/usr/bin:/bin",
                    "SYSTEMD_COLORS": "0"}
        subprocess.run([f"{ANCHORS}/02_usermgr/start_usermgr.sh"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while run_once(self.argv(["is-active", "-q", "default.target"]), self.env, self.user)[2] != 0:
            time.sleep(0.002)
        if run_once(self.argv(["start", "tick.service"]), self.env, self.user)[2] != 0:
            raise RuntimeError("systemd --user could not start tick.service")

    def argv(self, args):
        return ["systemctl", "--user"] + args if args != ["--version"] else ["systemctl", "--version"]

    def measure(self, runs):
        return {label: medians(self.argv(args), self.env, runs, self.user) for label, args in COMMANDS}

    def stop(self):
        subprocess.run([f"{ANCHORS}/02_usermgr/stop_usermgr.sh"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        shutil.rmtree(os.path.join(self.user.pw_dir, ".config/systemd/user"), ignore_errors=True)


def wait_for_tail(read_status, deadline_s=30):
    """Until the status output shows the service's last line (its log is in the journal)."""
    end = time.time() + deadline_s
    while "2000" not in read_status():
        if time.time() > end:
            raise RuntimeError("tick.service's log never reached the journal")
        time.sleep(0.01)


def main():
    ap = arg_parser(runs=21)
    a = ap.parse_args()
    columns = []
    builds = ([("linger before", a.before)] if a.before else []) + [("linger after", a.bin)]
    for name, binary in builds:
        lg = Linger(name, binary)
        try:
            columns.append((name, lg.measure(a.runs)))
        finally:
            lg.stop()
    note = "systemd 252: not measured (needs root and ../shared/anchors)"
    if not a.no_systemd and anchors_usable("/lib/systemd/systemd"):
        sd = Systemd()
        try:
            columns.append((sd.name, sd.measure(a.runs)))
            note = "systemd 252: systemctl --user against systemd --user 252 (anchors), same run"
        finally:
            sd.stop()
    names = [c[0] for c in columns]
    out = [f"# bench/cli.py --runs {a.runs}: medians, whole commands, {time.strftime('%Y-%m-%d %H:%M')}",
           f"# {note}; load average at the end: {os.getloadavg()[0]:.1f}",
           "# wall / CPU (user+sys, wait4) in ms; ratio = systemd 252 / linger after (CPU)",
           f"{'':34}" + "".join(f"{n:>22}" for n in names) + f"{'ratio':>9}"]
    for label, _ in COMMANDS:
        cells = "".join(f"{c[1][label][0]:>12.2f} /{c[1][label][1]:>8.2f}" for c in columns)
        ratio = ""
        if names[-1] == Systemd.name and len(columns) >= 2 and columns[-2][1][label][1] > 0:
            ratio = f"{columns[-1][1][label][1] / columns[-2][1][label][1]:8.1f}x"
        out.append(f"{label:34}{cells}{ratio:>9}")
    emit(out, a.out)


if __name__ == "__main__":
    sys.exit(main())
