#!/usr/bin/env python3
"""Writes crates/cli/symbol-order.txt: the functions a user manager and the everyday CLI
commands execute, in an order the linker (lld's --symbol-ordering-file) lays them out in, so
that the code a process runs sits together in the binary.

Why: the kernel maps a binary's page-cached code into a process in 64 KB fault-around windows,
so the code a process keeps resident tracks how scattered the functions it runs are, not how
many there are. A manager that runs ~1.5 MB of functions spread over 10 MB of .text keeps ~5 MB
of it resident (issue 15's idle-RSS row).

How: valgrind's callgrind records every function that runs (not a sampling profiler: run-once
start-up functions count). The workload, with a temporary HOME and XDG_RUNTIME_DIR:
  0. a manager under callgrind that only starts (and answers `ctl is-active`); another that
     also answers one systemd `systemctl --user is-active` (its D-Bus front end wakes);
  1. a manager under callgrind: start-up, idle, 500 services started in one call, status,
     is-active, show, list-units, a Restart=always service SIGKILLed, a oneshot that fails, a
     talking service (journal writes), daemon-reload, systemd's own systemctl over D-Bus, the
     500 stopped and started again, SIGTERM;
  2. a manager without valgrind starts the 500 and is SIGKILLed; a manager under callgrind
     re-adopts them (crash recovery) and answers;
  3. the CLI commands, each under callgrind: is-active, status, show, list-units, start, stop,
     journal;
  4. a login daemon on private paths under callgrind, asked by `linger login`.
Groups, in this order: functions both the manager and the CLI run; the manager's alone, first
those of its start-up and idle (profiled apart, in a manager that only starts), then those a
manager's first D-Bus client wakes (profiled apart: one `systemctl --user is-active`; the front
end sleeps until then), then the rest (other D-Bus ones last); the CLI's alone; the login
daemon's alone (what it shares with the manager is in the groups before). Every other function
follows in the linker's own order.

The names are the final binary's symbols (after rustc's LTO), each with its size (`NAME # SIZE`).
After code, dependency, feature or profile changes the names' hashes change: the linker wrapper
crates/cli/ordered-link.sh finds each function again by its name without the hashes (and, among
several, by size); what is gone is skipped (`--no-warn-symbol-ordering`): a stale file costs
locality, never the build. `--check` reports how many of the file's names the given binary has,
as they are and after the wrapper's mapping, and whether they are laid out in order.

    cargo xtask order-symbols [--bin target/release/linger] [--n 500] [--keep DIR]
    cargo xtask order-symbols --check [--bin target/release/linger]

Needs root (it runs as root like bench/usermgr.py; the services run as root in a temp HOME),
valgrind, and a release build with symbols (the default release profile keeps them). Run it
from the repository root, on a binary built as CI builds it (`cargo build --release -p linger`).
A workspace-wide build unifies dependency features differently, which renames the generic
functions (only 61% of the names matched a `-p linger` build as they were); the linker wrapper
finds them again, as it does after Cargo.lock changes.
"""
import argparse
import bisect
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "cli", "symbol-order.txt")
DEADLINE = 900  # seconds: a failure bound for anything under valgrind, not a wait
VALGRIND = ["valgrind", "--tool=callgrind", "--demangle=no", "--compress-strings=no",
            "--compress-pos=no", "--dump-instr=no", "--dump-line=no", "--collect-jumps=no"]
# Functions that run in a spawned child between its clone (sharing the manager's memory, so
# its code pages count as the manager's) and its execve; callgrind does not see them, since the
# child's profile is not written before exec.
CHILD_SIDE = re.compile(r"linger_exec.*(3sys|4sys)")
DBUS = re.compile(r"zbus|zvariant|linger_dbus|enumflags2|event_listener|async_broadcast")


def log(msg):
    print(f"order-symbols: {msg}", file=sys.stderr, flush=True)


def binary_symbols(binary):
    """Function symbols (text) of the binary, in address order."""
    out = subprocess.run(["nm", "--defined-only", "-n", binary], check=True,
                         capture_output=True, text=True).stdout
    return [line.split()[2] for line in out.splitlines()
            if len(line.split()) == 3 and line.split()[1] in "tTwW"]


class Env:
    def __init__(self, binary, n, work):
        self.bin = os.path.abspath(binary)
        self.n = n
        self.work = work
        self.home = os.path.join(work, "home")
        self.run = os.path.join(work, "run")
        self.prof = os.path.join(work, "profiles")
        units = os.path.join(self.home, ".config/systemd/user")
        os.makedirs(units)
        os.makedirs(self.run, mode=0o700)
        os.makedirs(self.prof)
        # LINGER_SPAWN_COPY_FD_TABLE: valgrind ends a program whose clone shares the fd
        # table (the spawner's CLONE_FILES); the children copy it instead (crates/exec/src/sys.rs).
        self.env = dict(os.environ, HOME=self.home, XDG_RUNTIME_DIR=self.run, NO_COLOR="1",
                        SYSTEMD_PAGER="", PAGER="cat", LINGER_SPAWN_COPY_FD_TABLE="1")
        for k in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "DBUS_SESSION_BUS_ADDRESS"):
            self.env.pop(k, None)
        self.names = [f"svc-{i:03d}.service" for i in range(n)]
        files = {name: "[Unit]\nDescription=order %s\nStartLimitIntervalSec=0\n"
                       "[Service]\nExecStart=/bin/sleep infinity\n" % name for name in self.names}
        files["talker.service"] = ("[Unit]\nDescription=talks\n[Service]\n"
                                   "ExecStart=/bin/sh -c 'for i in 1 2 3 4 5 6 7 8; do echo line $i; "
                                   "echo err $i >&2; done; exec sleep infinity'\n")
        files["restarter.service"] = ("[Unit]\nDescription=restarts\n[Service]\n"
                                      "ExecStart=/bin/sleep infinity\nRestart=always\nRestartSec=0\n")
        files["fails.service"] = "[Unit]\nDescription=fails\n[Service]\nType=oneshot\nExecStart=/bin/false\n"
        files["once.service"] = ("[Unit]\nDescription=once\n[Service]\nType=oneshot\n"
                                 "RemainAfterExit=yes\nExecStart=/bin/true\n")
        files["tick.timer"] = "[Unit]\nDescription=tick\n[Timer]\nOnActiveSec=1s\nUnit=once.service\n"
        for name, text in files.items():
            with open(os.path.join(units, name), "w") as f:
                f.write(text)

    def ctl(self, *args, profile=None, check=False):
        cmd = [self.bin, "ctl", "--user", *args]
        if profile:
            cmd = VALGRIND + [f"--callgrind-out-file={self.prof}/cli-{profile}.%p"] + cmd
        r = subprocess.run(cmd, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           timeout=DEADLINE, text=True)
        if check and r.returncode != 0:
            raise SystemExit(f"order-symbols: `ctl {' '.join(args[:3])}` failed ({r.returncode})")
        return r.stdout

    def wait_for(self, what, pred):
        end = time.monotonic() + DEADLINE
        while not pred():
            if time.monotonic() > end:
                raise SystemExit(f"order-symbols: gave up waiting for {what}")
            time.sleep(0.05)

    def manager(self, profile):
        cmd = [self.bin, "daemon", "--user", "--no-system-units"]
        if profile:
            cmd = VALGRIND + [f"--callgrind-out-file={self.prof}/mgr-{profile}.%p"] + cmd
        # Under valgrind the process is still the manager itself: signals go to its own pid.
        p = subprocess.Popen(cmd, env=self.env, stdout=subprocess.DEVNULL,
                             stderr=open(os.path.join(self.work, f"mgr-{profile or 'plain'}.log"), "w"))
        self.wait_for("the manager's first answer", lambda: p.poll() is not None or subprocess.run(
            [self.bin, "ctl", "--user", "is-active", "-q", "default.target"], env=self.env,
            stderr=subprocess.DEVNULL).returncode == 0)
        if p.poll() is not None:
            raise SystemExit(f"order-symbols: the manager exited ({p.returncode}); see {self.work}")
        return p

    def stop(self, p, dump=False):
        """SIGTERM `p` (its own pid: under valgrind the process is still the program); with
        dump, its callgrind profile is written first, and a manager that does not end within
        a minute is SIGKILLed."""
        if dump:
            subprocess.run(["callgrind_control", "-d", str(p.pid)], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL,
                           timeout=DEADLINE, check=True)
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(timeout=60 if dump else DEADLINE)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()

    def reap(self):
        """SIGKILL what is left of ours (services, the manager's fd keeper): the processes
        whose HOME is this run's."""
        mine = f"HOME={self.home}".encode()
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/environ", "rb") as f:
                    if mine in f.read().split(b"\0") and int(pid) != os.getpid():
                        os.kill(int(pid), signal.SIGKILL)
            except (OSError, ValueError):
                pass

    def active(self, unit):
        return self.ctl("is-active", unit).strip() == "active"

    def main_pid(self, unit):
        return int(self.ctl("show", "-p", "MainPID", "--value", unit).strip() or 0)


def workload(e):
    log("0/4: a manager under callgrind: start-up and idle only")
    m = e.manager("idle")
    time.sleep(2)
    e.stop(m, dump=True)  # the dump (mgr-idle.PID.1) ends before the shutdown
    e.reap()

    sctl = shutil.which("systemctl")
    if sctl:
        log("0/4: a manager under callgrind: start-up and one D-Bus client (systemd's systemctl)")
        m = e.manager("dbus1")
        subprocess.run([sctl, "--user", "is-active", "default.target"], env=e.env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=DEADLINE)
        time.sleep(1)
        e.stop(m, dump=True)
        e.reap()

    log("1/4: a manager under callgrind (start-up, 500 services, restarts, D-Bus, reload)")
    m = e.manager("life")
    time.sleep(1)  # idle: the manager's own timers and housekeeping, as a logged-in user's
    e.ctl("start", *e.names, check=True)
    e.ctl("start", "talker.service", "restarter.service", "tick.timer", check=True)
    e.ctl("start", "fails.service")
    for args in (["status", "--no-pager", e.names[0]], ["status", "--no-pager", "talker.service"],
                 ["is-active", e.names[1]], ["show", e.names[2]], ["list-units", "--all"],
                 ["list-unit-files"], ["list-jobs"], ["is-failed", "fails.service"],
                 ["cat", e.names[3]], ["list-timers"], ["show-environment"]):
        e.ctl(*args)
    old = e.main_pid("restarter.service")
    if old:
        os.kill(old, signal.SIGKILL)
        e.wait_for("the restart", lambda: e.main_pid("restarter.service") not in (0, old))
    e.wait_for("the timer's service", lambda: e.active("once.service"))
    if sctl:  # systemd's own client, over the private D-Bus socket
        for args in (["is-active", e.names[0]], ["status", "--no-pager", e.names[0]],
                     ["list-units", "--no-pager"], ["show", "-p", "MainPID", e.names[1]]):
            subprocess.run([sctl, "--user", *args], env=e.env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=DEADLINE)
    e.ctl("reset-failed")
    e.ctl("daemon-reload", check=True)
    e.ctl("restart", e.names[4], check=True)
    e.ctl("kill", e.names[5])
    e.ctl("stop", *e.names, check=True)
    e.ctl("start", *e.names, check=True)
    e.ctl("stop", *e.names, check=True)
    time.sleep(1)
    e.stop(m)
    e.reap()

    log("2/4: 500 services left running by a SIGKILLed manager, re-adopted under callgrind")
    m = e.manager(None)
    e.ctl("start", *e.names, "talker.service", check=True)
    m.send_signal(signal.SIGKILL)
    m.wait(timeout=DEADLINE)
    m = e.manager("recovery")
    e.wait_for("re-adoption", lambda: e.active(e.names[-1]))
    for args in (["status", "--no-pager", e.names[0]], ["is-active", e.names[1]],
                 ["show", e.names[2]], ["list-units", "--no-pager"]):
        e.ctl(*args)
    time.sleep(1)
    # valgrind 3.19 has no pidfd_open: the exits of re-adopted processes go unseen under it,
    # so nothing is stopped here; the profile is dumped, then the manager ends with its services.
    e.stop(m, dump=True)
    e.reap()

    log("3/4: the CLI commands under callgrind (against a manager without valgrind)")
    m = e.manager(None)
    e.ctl("start", *e.names[:10], "talker.service", check=True)
    for i, args in enumerate((["is-active", e.names[0]], ["is-active", "-q", e.names[0]],
                              ["status", "--no-pager", e.names[0]],
                              ["status", "--no-pager", "talker.service"],
                              ["show", e.names[0]], ["show", "-p", "ActiveState", "--value", e.names[0]],
                              ["list-units", "--no-pager"], ["is-enabled", e.names[0]],
                              ["restart", e.names[1]], ["stop", e.names[2]], ["start", e.names[2]],
                              ["daemon-reload"])):
        e.ctl(*args, profile=f"{i}")
    for i, args in enumerate((["-n", "20", "--no-pager", "-u", "talker.service"],
                              ["-n", "100", "--no-pager"], ["-u", "talker.service", "-o", "cat", "--no-pager"])):
        subprocess.run(VALGRIND + [f"--callgrind-out-file={e.prof}/cli-journal{i}.%p",
                                   e.bin, "journal", "--user", *args],
                       env=e.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=DEADLINE)
    e.ctl("stop", *e.names[:10], "talker.service", check=True)
    e.stop(m)
    e.reap()

    log("4/4: a login daemon (private paths, no cgroups) under callgrind, asked by the CLI")
    sock = os.path.join(e.work, "login.sock")
    d = os.path.join(e.work, "login")
    cmd = VALGRIND + [f"--callgrind-out-file={e.prof}/login.%p", e.bin, "daemon", "--system",
                      "--ignore-systemd", "--no-journal-sockets", "--no-cgroups", "--socket", sock,
                      "--linger-dir", f"{d}/linger", "--config-dir", f"{d}/conf",
                      "--runtime-dir", f"{d}/run", "--state-dir", f"{d}/state"]
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=open(os.path.join(e.work, "login.log"), "w"))
    e.wait_for("the login daemon's socket", lambda: p.poll() is not None or os.path.exists(sock))
    env = dict(e.env, LINGER_LOGIN_SOCKET=sock)
    for args in (["list-sessions"], ["list-users"], ["user-status", "root"], ["show-user", "root"]):
        subprocess.run([e.bin, "login", *args], env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=DEADLINE)
    e.stop(p)
    e.reap()


def executed(path, binary):
    """The functions of `binary` that ran, from one callgrind output file, in first-seen order."""
    seen, obj = [], None
    real = os.path.realpath(binary)
    with open(path, errors="replace") as f:
        for line in f:
            if line.startswith("ob="):
                obj = os.path.realpath(line[3:].strip())
            elif line.startswith("fn=") and obj == real:
                # callgrind marks recursion levels ("name'2") and names what has no symbol
                # by address ("0x…") or by role ("(below main)").
                name = re.sub(r"'\d+$", "", line[3:].strip())
                if re.match(r"[A-Za-z_]", name) and not re.match(r"0x[0-9a-f]+$", name):
                    seen.append(name)
    return seen


def ordered(prof_dir, binary):
    idle, first, mgr, cli, login = {}, {}, {}, {}, {}
    for name in sorted(os.listdir(prof_dir)):
        if name.startswith("mgr-idle.") and name.endswith(".1"):
            target = idle
        elif name.startswith("mgr-dbus1.") and name.endswith(".1"):
            target = first
        elif name.startswith("mgr-"):
            target = mgr
        else:
            target = login if name.startswith("login.") else cli
        for fn in executed(os.path.join(prof_dir, name), binary):
            target.setdefault(fn, None)
    if not mgr or not cli:
        raise SystemExit(f"order-symbols: no profile of the {'manager' if not mgr else 'CLI'} in {prof_dir}")
    symbols = binary_symbols(binary)
    for s in symbols:
        if CHILD_SIDE.search(s):
            mgr.setdefault(s, None)
    for s in list(idle) + list(first):
        mgr.setdefault(s, None)
    both = [s for s in mgr if s in cli]
    at_start = [s for s in idle if s not in cli]
    # What a manager's first D-Bus client wakes (the front end, zbus, and the manager code
    # that answers it), together: a manager that has had one D-Bus client keeps only that.
    first_dbus = [s for s in first if s not in cli and s not in idle]
    seen = set(first_dbus)
    mgr_only = [s for s in mgr if s not in cli and s not in idle and s not in seen
                and not DBUS.search(s)]
    dbus = [s for s in mgr if s not in cli and s not in seen and DBUS.search(s)]
    cli_only = [s for s in cli if s not in mgr]
    login_only = [s for s in login if s not in mgr and s not in cli]
    return [("run by the manager and the CLI", both), ("run by an idle manager", at_start),
            ("run by a manager answering its first D-Bus client", first_dbus),
            ("run by the manager with services", mgr_only),
            ("run by the manager once a D-Bus client connects", dbus),
            ("run by the CLI", cli_only), ("run by the login daemon alone", login_only)], symbols


HASH = re.compile(r"17h[0-9a-f]{16}E$")
LLVM = re.compile(r"\.llvm\.[0-9]+$")


def unhashed(name):
    """A symbol's name without the hashes that change with -C metadata (crates/cli/ordered-link.sh)."""
    return HASH.sub("E", LLVM.sub("", name))


def resolve(entries, sized, addr=None):
    """The file's (name, size) entries as crates/cli/ordered-link.sh maps them onto a link
    whose function symbols are `sized` ({name: size}): a name the link has is kept; another is
    an unused symbol of the same unhashed name whose size is nearest (equal first). Returns
    [(file name, symbol or None)]. Among equally near symbols the wrapper takes the first in
    its `nm` of the link's objects, an order the final binary does not keep: with `addr`
    ({name: address}), the one that continues the layout (the lowest address not below the
    previous entry's) is taken, so that a check sees the order the wrapper asked for."""
    cands = {}
    for n in sized:
        cands.setdefault(unhashed(n), []).append(n)
    used, out, last = set(), [], 0
    for name, want in entries:
        if name in sized:
            out.append((name, None if name in used else name))
            used.add(name)
            if addr and name in addr:
                last = addr[name]
            continue
        free = [c for c in cands.get(unhashed(name), []) if c not in used]
        if not free:
            out.append((name, None))
            continue
        dist = {c: 0 if want is None else abs(sized[c] - want) for c in free}
        nearest = [c for c in free if dist[c] == min(dist.values())]
        best = nearest[0]
        if addr:
            after = [c for c in nearest if addr.get(c, -1) >= last]
            best = min(after or nearest, key=lambda c: addr.get(c, 0))
            last = addr.get(best, last)
        used.add(best)
        out.append((name, best))
    return out


def read_entries(path):
    """(name, size or None) of each name line of an order file (NAME [# SIZE])."""
    out = []
    for line in open(path):
        name, _, note = line.partition("#")
        if name.strip():
            note = note.strip()
            out.append((name.strip(), int(note) if note.isdigit() else None))
    return out


def check(binary):
    """How many of the file's names `binary` has (as they are, and after the linker wrapper's
    mapping), and whether it was linked in their order (exit status 1 when not: the build did
    not use the file)."""
    if not os.path.exists(OUT):
        raise SystemExit(f"order-symbols: {OUT} does not exist")
    out = subprocess.run(["nm", "-S", "--defined-only", binary], check=True, capture_output=True,
                         text=True).stdout
    addr, sized = {}, {}
    for p in (line.split() for line in out.splitlines()):
        if len(p) == 4 and p[2] in "tTwW":
            addr.setdefault(p[3], int(p[0], 16))
            sized.setdefault(p[3], int(p[1], 16))
    entries = read_entries(OUT)
    exact = sum(1 for n, _ in entries if n in addr)
    mapped = [sym for _, sym in resolve(entries, sized, addr) if sym]
    # The longest run of the functions, in the file's order, at rising addresses (not
    # necessarily adjacent in the file): all of them when the link followed the file exactly;
    # 90-95% when the wrapper mapped renamed ones (its choice among equal twins can differ
    # from resolve()'s); 4-12% in a link that did not take the file.
    tails = []
    for a in (addr[s] for s in mapped):
        i = bisect.bisect_left(tails, a)
        tails[i:i + 1] = [a]
    in_order = len(tails) >= 0.85 * len(mapped)
    print(f"{os.path.relpath(OUT, ROOT)}: {exact} of {len(entries)} names are in {binary} as they are "
          f"({100 * exact / max(1, len(entries)):.0f}%), {len(mapped)} after the linker wrapper's "
          f"mapping ({100 * len(mapped) / max(1, len(entries)):.0f}%); laid out in the file's order: "
          f"{'yes' if in_order else 'no'} ({len(tails)} of them at rising addresses in the file's order)")
    if not in_order:
        sys.exit(1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "linger"))
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--keep", help="work directory to keep (profiles, logs); default: a temp one, removed")
    ap.add_argument("--check", action="store_true", help="only report how many names the binary has")
    ap.add_argument("--profiles", help="write the file from the profiles in DIR (a --keep run's "
                                       "DIR/profiles) instead of running the workload")
    a = ap.parse_args()
    if a.check:
        return check(a.bin)
    if a.profiles:
        return write(*ordered(a.profiles, a.bin), a.bin)
    if os.geteuid() != 0:
        raise SystemExit("order-symbols: run as root (like bench/usermgr.py)")
    if not shutil.which("valgrind"):
        raise SystemExit("order-symbols: needs valgrind (apt-get install valgrind)")
    if not binary_symbols(a.bin):
        raise SystemExit(f"order-symbols: {a.bin} has no symbols (stripped?)")
    work = a.keep or tempfile.mkdtemp(prefix="order-symbols.")
    os.makedirs(work, exist_ok=True)
    e = Env(a.bin, a.n, work)
    try:
        workload(e)
        groups, symbols = ordered(e.prof, a.bin)
    finally:
        e.reap()
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
    write(groups, symbols, a.bin)


def write(groups, symbols, binary):
    total = sum(len(g) for _, g in groups)
    out = subprocess.run(["nm", "-S", "--defined-only", binary], check=True, capture_output=True,
                         text=True).stdout
    size = {}
    for p in (line.split() for line in out.splitlines()):
        if len(p) == 4:
            size.setdefault(p[3], int(p[1], 16))
    with open(OUT, "w") as f:
        f.write("# Function order for lld's --symbol-ordering-file (crates/cli/build.rs, release builds).\n"
                "# Generated by `cargo xtask order-symbols` (xtask/order_symbols.py) from a profile of\n"
                f"# {os.path.basename(binary)}: {total} of its {len(symbols)} functions ran. Do not edit.\n"
                "# NAME # SIZE: lld reads the name; crates/cli/ordered-link.sh uses the size to find the\n"
                "# function again when a later build renamed it (another hash).\n")
        for title, names in groups:
            f.write(f"# {title}: {len(names)}\n")
            f.writelines(f"{n} # {size[n]}\n" if n in size else n + "\n" for n in names)
    log(f"wrote {OUT}: " + ", ".join(f"{len(g)} {t}" for t, g in groups))


if __name__ == "__main__":
    main()
