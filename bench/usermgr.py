#!/usr/bin/env python3
"""User-manager benchmark: linger vs systemd --user 252, same workload, same run.

Figures (issue 2): manager start -> default.target reached; RSS idle and with 500 running
services (ExecStart=/bin/sleep infinity); wall time to start 500 services in one command and to
stop them (linger: after re-adopting them, and again once it started them itself); daemon-reload
with 500 unit files; latency of status and is-active, and status of all 500 in one call (each
with its log tail); time from SIGKILL
of a Restart=always RestartSec=0 service to its new main process (read from the manager's own
ExecMainStartTimestampMonotonic, so polling does not distort it); and (linger only: systemd
cannot) from SIGKILL of the manager with the services running to all of them re-adopted by a
new manager, their main PIDs unchanged.

linger runs as the invoking user in a temp HOME. systemd --user runs through the recipes in
../shared/anchors (root only: it needs a mount namespace and the user `anchoruser`); without
root or anchors only linger is measured. Every figure is the median of --runs runs (default 5),
each with a fresh manager; --before PATH measures a previous linger build alongside (before/after).
--rss measures only the memory rows (idle, with N running, after stopping them; fast).
--big N (default 10000) adds the large case: N services started in one call, `status` of one of
them, RSS, and stopping them all (--big 0 skips it). `--scale N` instead runs only issue 12's
scale case: N services under an *ordinary user's* manager (as root: `nobody`), see `scale`.

--crowd N keeps N other sleeping processes on the machine meanwhile (a busy host).

--startup instead times a manager's start with the machine's unit directories and generators (as
the login daemon starts it; Debian: 90gpg-agent, xdg-autostart), three moments each: its first
answer (linger: a Manager call on its socket; systemd: its private socket completing an AUTH
EXTERNAL), its READY=1 on $NOTIFY_SOCKET (kernel receive time), and default.target active. linger
counts from its fork; systemd from its own UserspaceTimestampMonotonic (the anchors' wrapper not
counted against it).

Usage: bench/usermgr.py [--bin PATH] [--before PATH] [--n 500] [--runs 5] [--big 10000] [--rss]
       [--crowd N] [--no-systemd] [--out bench/results-usermgr.txt]
       bench/usermgr.py --startup [--bin PATH] [--before PATH] [--runs 5] [--no-systemd] [--out FILE]
"""
import os, shutil, signal, statistics, subprocess, sys, tempfile, time

from common import ANCHORS, arg_parser, TempManager, anchors_usable, emit, ensure_anchoruser, fresh_anchors, status_kb


def mono_us():
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000


def timed(cmd, env=None):
    t = time.perf_counter()
    r = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - t), r.returncode


def unit_name(i):
    return f"svc-{i:03d}.service"


def write_units(unit_dir, n, owner=None):
    os.makedirs(unit_dir, exist_ok=True)
    for i in range(n):
        with open(os.path.join(unit_dir, unit_name(i)), "w") as f:
            f.write("[Unit]\nDescription=bench %d\nStartLimitIntervalSec=0\n[Service]\nExecStart=/bin/sleep infinity\n" % i)
    with open(os.path.join(unit_dir, "restarter.service"), "w") as f:
        f.write("[Unit]\nStartLimitIntervalSec=0\n[Service]\nExecStart=/bin/sleep infinity\nRestart=always\nRestartSec=0\n")
    if owner:
        subprocess.run(["chown", "-R", owner, os.path.dirname(os.path.dirname(unit_dir))], check=True)


class Linger:
    def __init__(self, binary, n, name="linger"):
        self.name = name
        self.bin = binary
        self.m = TempManager(binary, "linger-bench.")
        write_units(self.m.unit_dir, n)
        self.env = self.m.env
        self.proc = None

    def start(self):
        t0 = mono_us()
        self.proc = self.m.start(poll_s=0.001)
        reached = int(self.show("default.target", "ActiveEnterTimestampMonotonic"))
        return (reached - t0) / 1000.0

    def pid(self):
        return self.proc.pid

    def ctl(self, args):
        return self.m.ctl(args)

    def show(self, unit, prop):
        return subprocess.run(self.ctl(["show", "-p", prop, "--value", unit]), env=self.env,
                              capture_output=True, text=True).stdout.strip()

    def stop(self):
        self.m.remove()

    def crash_and_recover(self, names):
        """SIGKILL the manager with the services running, start a new one, and time until every
        service is active again under it — re-adopted, so each keeps its main PID."""
        sample = names[:: max(1, len(names) // 10)]
        before = {n: self.show(n, "MainPID") for n in sample}
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        t0 = time.perf_counter()
        self.proc = self.m.proc = subprocess.Popen([self.bin, "daemon", "--user", "--no-system-units"],
                                                   env=self.env, stdout=subprocess.DEVNULL,
                                                   stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        # Every one of them active (`is-active -q` of many exits 0 when any one is).
        while subprocess.run(self.ctl(["is-active"] + names), env=self.env, capture_output=True,
                             text=True).stdout.split().count("active") != len(names):
            if time.time() > deadline:
                raise RuntimeError("services not back within 30 s of the manager's restart")
            time.sleep(0.001)
        dt = (time.perf_counter() - t0) * 1000
        after = {n: self.show(n, "MainPID") for n in sample}
        if after != before:
            raise RuntimeError(f"services were restarted, not re-adopted: {before} -> {after}")
        return dt


class Systemd:
    name = "systemd --user 252"

    def __init__(self, n):
        fresh_anchors()
        ensure_anchoruser()
        self.home = subprocess.run(["getent", "passwd", "anchoruser"], capture_output=True, text=True).stdout.split(":")[5]
        unit_dir = os.path.join(self.home, ".config/systemd/user")
        shutil.rmtree(unit_dir, ignore_errors=True)
        write_units(unit_dir, n, owner="anchoruser")
        self.env = None

    def start(self):
        t0 = mono_us()
        subprocess.run([f"{ANCHORS}/02_usermgr/start_usermgr.sh"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while subprocess.run(self.ctl(["is-active", "-q", "default.target"])).returncode != 0:
            time.sleep(0.001)
        reached = int(self.show("default.target", "ActiveEnterTimestampMonotonic"))
        return (reached - t0) / 1000.0

    def pid(self):
        with open(f"{ANCHORS}/02_usermgr/usermgr.pid") as f:
            return int(f.read().strip())

    def ctl(self, args):
        return [f"{ANCHORS}/02_usermgr/asuser.sh", "systemctl", "--user"] + args

    def show(self, unit, prop):
        return subprocess.run(self.ctl(["show", "-p", prop, "--value", unit]), capture_output=True, text=True).stdout.strip()

    def stop(self):
        subprocess.run([f"{ANCHORS}/02_usermgr/stop_usermgr.sh"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(os.path.join(self.home, ".config/systemd/user"), ignore_errors=True)


def restart_latency(m, runs=10):
    subprocess.run(m.ctl(["restart", "restarter.service"]), env=m.env, check=True)
    lat = []
    for _ in range(runs):
        pid = int(m.show("restarter.service", "MainPID"))
        t0 = mono_us()
        os.kill(pid, signal.SIGKILL)
        time.sleep(0.3)  # do not poll the manager while it restarts the unit
        deadline = time.time() + 5
        while True:
            new = int(m.show("restarter.service", "MainPID") or 0)
            if new not in (0, pid):
                break
            if time.time() > deadline:
                raise RuntimeError(f"{m.name}: no restart within 5 s")
            time.sleep(0.005)
        lat.append((int(m.show("restarter.service", "ExecMainStartTimestampMonotonic")) - t0) / 1000.0)
    subprocess.run(m.ctl(["stop", "restarter.service"]), env=m.env)
    return statistics.median(lat)


def measure_rss(m, n):
    """Only the memory rows (--rss): idle, with N running, and once they stopped again."""
    r = {}
    m.start()
    time.sleep(0.3)
    pid = m.pid()
    for k in ("VmRSS", "RssAnon", "RssFile"):
        r[f"RSS idle: {k} (MB)"] = status_kb(pid, k) / 1024
    names = [unit_name(i) for i in range(n)]
    subprocess.run(m.ctl(["start"] + names), env=m.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    for k in ("VmRSS", "RssAnon", "RssFile"):
        r[f"RSS with {n} running: {k} (MB)"] = status_kb(pid, k) / 1024
    r[f"RssAnon per running service (KB)"] = (r[f"RSS with {n} running: RssAnon (MB)"] - r["RSS idle: RssAnon (MB)"]) * 1024 / n
    subprocess.run(m.ctl(["stop"] + names), env=m.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.3)
    for k in ("VmRSS", "RssAnon"):
        r[f"RSS after stopping them: {k} (MB)"] = status_kb(pid, k) / 1024
    return r


def measure(m, n):
    r = {}
    r["start → default.target (ms)"] = m.start()
    time.sleep(0.3)
    r["RSS idle: VmRSS (MB)"] = status_kb(m.pid()) / 1024
    r["RSS idle: RssAnon (MB)"] = status_kb(m.pid(), "RssAnon") / 1024
    r["RSS idle: RssFile (MB)"] = status_kb(m.pid(), "RssFile") / 1024
    names = [unit_name(i) for i in range(n)]
    r["daemon-reload, %d units (ms)" % n] = statistics.median(timed(m.ctl(["daemon-reload"]), m.env)[0] for _ in range(5)) * 1000
    dt, rc = timed(m.ctl(["start"] + names), m.env)
    r["start %d, one call (s)" % n] = dt
    time.sleep(0.5)
    r["RSS with %d running: VmRSS (MB)" % n] = status_kb(m.pid()) / 1024
    r["RSS with %d running: RssAnon (MB)" % n] = status_kb(m.pid(), "RssAnon") / 1024
    r["RSS with %d running: RssFile (MB)" % n] = status_kb(m.pid(), "RssFile") / 1024
    r["status (ms)"] = statistics.median(timed(m.ctl(["status", "--no-pager", names[n // 2]]), m.env)[0] for _ in range(20)) * 1000
    r["is-active (ms)"] = statistics.median(timed(m.ctl(["is-active", names[n // 2]]), m.env)[0] for _ in range(20)) * 1000
    # Every unit's block with its log tail: linger reads the journal once for all of them.
    r["status of %d, one call (ms)" % n] = statistics.median(
        timed(m.ctl(["status", "--no-pager"] + names), m.env)[0] for _ in range(3)) * 1000
    # systemd --user cannot: its services die with it (or are left unmanaged).
    recover = getattr(m, "crash_and_recover", None)
    r["SIGKILL manager → %d re-adopted (ms)" % n] = recover(names) if recover else None
    # linger stops the services it re-adopted above (without cgroups an adopted unit's
    # processes may be anywhere: each emptiness check reads all of /proc), systemd its own.
    dt, rc = timed(m.ctl(["stop"] + names), m.env)
    r["stop %d, one call (s)" % n] = dt
    timed(m.ctl(["start"] + names), m.env)
    time.sleep(0.5)
    dt, rc = timed(m.ctl(["stop"] + names), m.env)
    r["stop %d it started, one call (s)" % n] = dt
    r["SIGKILL → new main PID (ms)"] = restart_latency(m)
    return r


TEMPLATE = "[Unit]\nStartLimitIntervalSec=0\n[Service]\nExecStart=/bin/sleep infinity\n"


class ScaleLinger:
    """linger's manager for the scale run: as root it runs as `nobody` (setpriv) — an ordinary
    user's manager, with the machine's hard open-file limit — in a delegated cgroup of its own
    (below the unified hierarchy, as the login daemon would make it), so it makes one cgroup per
    service as systemd does; otherwise as the invoking user without cgroups."""
    name = "linger"

    def __init__(self, binary):
        self.bin = binary
        self.tmp = tempfile.mkdtemp(prefix="linger-scale.")
        home, run = os.path.join(self.tmp, "home"), os.path.join(self.tmp, "run")
        units = os.path.join(home, ".config/systemd/user")
        os.makedirs(units)
        os.makedirs(run, mode=0o700)
        with open(os.path.join(units, "s@.service"), "w") as f:
            f.write(TEMPLATE)
        self.env = dict(os.environ, HOME=home, XDG_RUNTIME_DIR=run, NO_COLOR="1")
        for k in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            self.env.pop(k, None)
        self.cgroup = None
        self.proc = None

    def start(self):
        cmd = [self.bin, "daemon", "--user", "--no-system-units"]
        if os.geteuid() == 0:
            subprocess.run(["chown", "-R", "65534:65534", self.tmp], check=True)
            os.chmod(self.tmp, 0o755)
            unified = "/sys/fs/cgroup/unified"
            if not os.path.exists(os.path.join(unified, "cgroup.procs")):
                unified = "/sys/fs/cgroup"
            self.cgroup = os.path.join(unified, f"linger-scale-{os.getpid()}/user@65534.service")
            os.makedirs(self.cgroup)
            subprocess.run(["chown", "-R", "65534:65534", self.cgroup], check=True)
            cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + cmd
            procs = os.path.join(self.cgroup, "cgroup.procs")
            cmd = ["/bin/sh", "-c", 'echo $$ > "$0" && exec "$@"', procs] + cmd
        self.proc = subprocess.Popen(cmd, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while subprocess.run(self.ctl(["is-active", "-q", "default.target"]), env=self.env,
                             stderr=subprocess.DEVNULL).returncode != 0:
            time.sleep(0.005)

    def pid(self):
        return self.proc.pid

    def ctl(self, args):
        return [self.bin, "ctl", "--user"] + args

    def stop(self):
        if self.proc:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(timeout=300)
        if self.cgroup:
            for root, dirs, _ in sorted(os.walk(os.path.dirname(self.cgroup)), key=lambda w: -len(w[0])):
                try:
                    os.rmdir(root)
                except OSError:
                    pass
        shutil.rmtree(self.tmp, ignore_errors=True)


class ScaleSystemd(Systemd):
    """systemd --user 252 for the scale run: `anchoruser` (an ordinary user), the same
    template unit."""

    def __init__(self):
        super().__init__(0)
        unit_dir = os.path.join(self.home, ".config/systemd/user")
        with open(os.path.join(unit_dir, "s@.service"), "w") as f:
            f.write(TEMPLATE)
        subprocess.run(["chown", "-R", "anchoruser", unit_dir], check=True)


def scale_once(m, n):
    """Start N instances of one template in one call, check they all run, RSS and fds of the
    manager, status and is-active of one of them, then stop them all in one call."""
    m.start()
    names = [f"s@{i}.service" for i in range(n)]
    r = {"RSS idle (MB)": status_kb(m.pid()) / 1024}
    dt, rc = timed(m.ctl(["start"] + names), m.env)
    up = subprocess.run(m.ctl(["is-active"] + names), env=m.env,
                        capture_output=True, text=True).stdout.split().count("active")
    r["start %d, one call (s)" % n] = dt if rc == 0 and up == n else None
    r["services active after the start"] = up
    time.sleep(0.5)
    r["status of one of them (ms)"] = statistics.median(
        timed(m.ctl(["status", "--no-pager", names[n // 2]]), m.env)[0] for _ in range(20)) * 1000
    r["RSS with %d running (MB)" % n] = status_kb(m.pid()) / 1024
    r["RssAnon with %d running (MB)" % n] = status_kb(m.pid(), "RssAnon") / 1024
    r["manager fds with %d running" % n] = len(os.listdir(f"/proc/{m.pid()}/fd"))
    # One unit among N: what a user types stays as fast as with a few (issue 15: ≤ 2 ms).
    one = names[n // 2]
    r["status of one, %d running (ms)" % n] = statistics.median(
        timed(m.ctl(["status", "--no-pager", one]), m.env)[0] for _ in range(10)) * 1000
    r["is-active of one, %d running (ms)" % n] = statistics.median(
        timed(m.ctl(["is-active", one]), m.env)[0] for _ in range(10)) * 1000
    dt, rc = timed(m.ctl(["stop"] + names), m.env)
    r["stop %d, one call (s)" % n] = dt if rc == 0 else None
    return r


def scale(binary, n, runs, with_systemd, out_path, before=None):
    """Issue 12: N services (one template, `s@I.service`) under one ordinary user's manager,
    linger (and a previous build, `before`) and (as root, with ../shared/anchors) systemd
    --user 252 taking turns run by run."""
    kinds = [("linger before", lambda: ScaleLinger(before))] if before else []
    kinds.append(("linger after" if before else "linger", lambda: ScaleLinger(binary)))
    if with_systemd and anchors_usable("/lib/systemd/systemd"):
        kinds.append((Systemd.name, ScaleSystemd))
    else:
        print("(systemd --user not measured: needs root and ../shared/anchors)")
    rows = {name: [] for name, _ in kinds}
    for _ in range(runs):
        for name, make in kinds:
            m = make()
            try:
                rows[name].append(scale_once(m, n))
            except Exception as e:  # reported as failed; the other manager's figures stand
                print(f"{name}: {e}")
                rows[name].append({})
            finally:
                m.stop()
    results = [(name, medians(rows[name])) for name, _ in kinds]
    keys = list(dict.fromkeys(k for _, r in results for k in r))
    out = [f"# bench/usermgr.py --scale {n} --runs {runs}: medians of {runs} runs, "
           f"{time.strftime('%Y-%m-%d %H:%M')}, load {os.getloadavg()[0]:.1f}"]
    out.append(f"{'':42}" + "".join(f"{name:>20}" for name, _ in results))
    for k in keys:
        vals = [r.get(k) for _, r in results]
        out.append(f"{k:42}" + "".join(f"{v:20.2f}" if v is not None else f"{'failed/n/a':>20}" for v in vals))
    text = "\n".join(out)
    print(text)
    if out_path:
        with open(out_path, "a") as f:
            f.write(text + "\n")


def big(m, n):
    """N services in one start call (they must all come up), status of one, RSS, stop."""
    r = {}
    m.start()
    names = [unit_name(i) for i in range(n)]
    dt, rc = timed(m.ctl(["start"] + names), m.env)
    up = subprocess.run(m.ctl(["is-active"] + names), env=m.env,
                        capture_output=True, text=True).stdout.split().count("active")
    r["%d: start all, one call (s)" % n] = dt if rc == 0 and up == n else None
    r["%d: services active" % n] = up
    time.sleep(0.5)
    r["%d: status of one (ms)" % n] = statistics.median(
        timed(m.ctl(["status", "--no-pager", names[n // 2]]), m.env)[0] for _ in range(20)) * 1000
    r["%d: RSS VmRSS (MB)" % n] = status_kb(m.pid()) / 1024
    r["%d: RSS RssAnon (MB)" % n] = status_kb(m.pid(), "RssAnon") / 1024
    dt, rc = timed(m.ctl(["stop"] + names), m.env)
    r["%d: stop all, one call (s)" % n] = dt if rc == 0 else None
    return r


def medians(rows):
    out = {}
    keys = list(dict.fromkeys(k for r in rows for k in r))
    for k in keys:
        vals = [r[k] for r in rows if r.get(k) is not None]
        # A figure that failed in any run is reported as failed.
        out[k] = statistics.median(vals) if len(vals) == len(rows) else None
    return out


# ---- start-up: exec → first answer → READY=1 → default.target (--startup) ------------------

MONO = time.CLOCK_MONOTONIC


def mono_ns():
    return time.clock_gettime_ns(MONO)


class Notified:
    """A datagram socket for $NOTIFY_SOCKET: when READY=1 arrived (the kernel's receive time,
    SO_TIMESTAMPNS, turned into CLOCK_MONOTONIC ns), so polling does not distort it."""

    def __init__(self, path, mode=0o600):
        import socket
        self.path = path
        self.s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.s.bind(path)
        os.chmod(path, mode)
        self.s.setsockopt(socket.SOL_SOCKET, 35, 1)  # SO_TIMESTAMPNS

    def ready_at(self, timeout=30):
        import struct
        self.s.settimeout(timeout)
        while True:
            data, anc, _, _ = self.s.recvmsg(4096, 64)
            if b"READY=1" in data.split(b"\n"):
                for level, kind, raw in anc:
                    if kind == 35:
                        sec, nsec = struct.unpack("qq", raw[:16])
                        # realtime → monotonic, through the offset now
                        return sec * 10**9 + nsec - (time.time_ns() - mono_ns())
                return mono_ns()

    def close(self):
        self.s.close()
        if os.path.exists(self.path):
            os.unlink(self.path)


def first_answer(connect_and_ask, deadline_s=30):
    """Ask until answered, every 0.2 ms (a tight loop would take a core from the manager on a
    loaded two-core machine); when the answer came (monotonic ns)."""
    end = time.time() + deadline_s
    while time.time() < end:
        try:
            if connect_and_ask():
                return mono_ns()
        except OSError:
            pass
        time.sleep(0.0002)
    raise RuntimeError("the manager did not answer within %d s" % deadline_s)


def varlink_manager_call(path):
    import socket
    def ask():
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as c:
            c.connect(path)
            c.sendall(b'{"method":"io.linger.Manager.Manager","parameters":{}}\0')
            reply = b""
            while not reply.endswith(b"\0"):
                chunk = c.recv(65536)
                if not chunk:
                    return False
                reply += chunk
            return b'"MainPID"' in reply
    return ask


def dbus_auth(path):
    """systemd's private socket answers: its event loop completed an AUTH EXTERNAL (as root)."""
    import socket
    def ask():
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as c:
            c.connect(path)
            c.sendall(b"\0AUTH EXTERNAL " + str(os.geteuid()).encode().hex().encode() + b"\r\n")
            return c.recv(256).startswith(b"OK ")
    return ask


def startup_linger(binary, label):
    """`linger daemon --user` as the login daemon starts it: the machine's unit directories and
    generators (Debian's 90gpg-agent, xdg-autostart), $NOTIFY_SOCKET set."""
    m = TempManager(binary, "linger-bench-startup.")
    notify = Notified(os.path.join(m.tmp, "notify"))
    env = dict(m.env, NOTIFY_SOCKET=notify.path)
    try:
        t0 = mono_ns()
        m.proc = subprocess.Popen([binary, "daemon", "--user"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        answered = first_answer(varlink_manager_call(os.path.join(m.run, "linger/manager")))
        ready = notify.ready_at()
        while subprocess.run(m.ctl(["is-active", "-q", "default.target"]), env=m.env).returncode != 0:
            time.sleep(0.002)
        reached = int(subprocess.run(m.ctl(["show", "-p", "ActiveEnterTimestampMonotonic", "--value", "default.target"]),
                                     env=m.env, capture_output=True, text=True).stdout.strip()) * 1000
        return {"exec → first answer (ms)": (answered - t0) / 1e6,
                "exec → READY=1 (ms)": (ready - t0) / 1e6,
                "exec → default.target active (ms)": (reached - t0) / 1e6}
    finally:
        notify.close()
        m.remove()


STARTUP_USER = "lingerstartup"


def startup_systemd():
    """systemd --user 252 through a private copy of the anchors' start/stop scripts (its own
    directory and its own throwaway user, so another bench's anchors run is not disturbed),
    with $NOTIFY_SOCKET added; its figures count from its own UserspaceTimestampMonotonic
    (taken first thing in its main()), so the wrapper (setpriv, unshare) is not counted
    against it (linger's count from the fork)."""
    from common import ANCHORS_SRC
    if subprocess.run(["id", STARTUP_USER], capture_output=True).returncode != 0:
        subprocess.run(["useradd", "-m", STARTUP_USER], check=True)
    d = tempfile.mkdtemp(prefix="sd-startup.")
    os.chmod(d, 0o755)
    notify = Notified(os.path.join(d, "notify"), 0o777)
    for name in ["start_usermgr.sh", "stop_usermgr.sh"]:
        with open(os.path.join(ANCHORS_SRC, "02_usermgr", name)) as f:
            text = f.read()
        text = (text.replace("D=/tmp/linger-anchors/02_usermgr", f"D={d}")
                .replace("/tmp/linger-anchors/bin/alive.sh", os.path.join(d, "alive.sh"))
                .replace("SYSTEMD_LOG_TARGET=$LT /lib/systemd/systemd --user",
                         f"SYSTEMD_LOG_TARGET=$LT NOTIFY_SOCKET={notify.path} /lib/systemd/systemd --user"))
        with open(os.path.join(d, name), "w") as f:
            f.write(text)
        os.chmod(os.path.join(d, name), 0o755)
    shutil.copy(os.path.join(ANCHORS_SRC, "bin", "alive.sh"), os.path.join(d, "alive.sh"))
    pw = subprocess.run(["getent", "passwd", STARTUP_USER], capture_output=True, text=True).stdout.split(":")
    uid, gid, home = int(pw[2]), int(pw[3]), pw[5]
    ctl = lambda args: ["setpriv", f"--reuid={uid}", f"--regid={gid}", "--init-groups", "env", "-i",
                        f"HOME={home}", f"XDG_RUNTIME_DIR=/run/user/{uid}", "PATH=/usr/local/bin:/usr/bin:/bin",
                        "systemctl", "--user"] + args
    try:
        subprocess.Popen([os.path.join(d, "start_usermgr.sh"), STARTUP_USER],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        answered = first_answer(dbus_auth(f"/run/user/{uid}/systemd/private"))
        ready = notify.ready_at()
        while subprocess.run(ctl(["is-active", "-q", "default.target"])).returncode != 0:
            time.sleep(0.002)
        show = lambda u, p: int(subprocess.run(ctl(["show", "-p", p, "--value"] + ([u] if u else [])),
                                               capture_output=True, text=True).stdout.strip()) * 1000
        t0 = show(None, "UserspaceTimestampMonotonic")
        reached = show("default.target", "ActiveEnterTimestampMonotonic")
        return {"exec → first answer (ms)": (answered - t0) / 1e6,
                "exec → READY=1 (ms)": (ready - t0) / 1e6,
                "exec → default.target active (ms)": (reached - t0) / 1e6}
    finally:
        subprocess.run([os.path.join(d, "stop_usermgr.sh"), STARTUP_USER],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        notify.close()
        shutil.rmtree(d, ignore_errors=True)


def startup(a):
    kinds = []
    if a.before:
        kinds.append(("linger before", lambda: startup_linger(a.before, "before")))
    after = "linger after" if a.before else "linger"
    kinds.append((after, lambda: startup_linger(a.bin, after)))
    sd = not a.no_systemd and anchors_usable("/lib/systemd/systemd")
    if sd:
        kinds.append((Systemd.name, startup_systemd))
    rows = {name: [] for name, _ in kinds}
    load0 = open("/proc/loadavg").read().split()[0]
    try:
        for _ in range(a.runs):
            for name, run_once in kinds:
                rows[name].append(run_once())
    finally:
        if sd:
            subprocess.run(["userdel", "-r", STARTUP_USER], capture_output=True)
    results = [(name, medians(rows[name])) for name, _ in kinds]
    load = [load0, "→"] + open("/proc/loadavg").read().split()[:1]
    out = [f"# bench/usermgr.py --startup --runs {a.runs}: medians of {a.runs} runs (fresh manager each, the "
           f"machine's unit directories and generators), {time.strftime('%Y-%m-%d %H:%M')}, load {' '.join(load)}"]
    out.append(f"{'':42}" + "".join(f"{name:>20}" for name, _ in results))
    for k in dict.fromkeys(k for _, r in results for k in r):
        out.append(f"{k:42}" + "".join(f"{r.get(k):20.2f}" if r.get(k) is not None else f"{'failed':>20}"
                                       for _, r in results))
    emit(out, a.out)


def main():
    ap = arg_parser(runs=5)
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--big", type=int, default=10000)
    ap.add_argument("--scale", type=int, metavar="N",
                    help="only the scale run: N services under one ordinary user's manager (issue 12: 10000)")
    ap.add_argument("--crowd", type=int, default=0, metavar="N",
                    help="N other (sleeping) processes on the machine during the runs, as on a busy "
                         "host: what a manager reads of processes that are not its units shows")
    ap.add_argument("--rss", action="store_true",
                    help="only the memory rows: RSS idle, with --n running and after stopping them")
    ap.add_argument("--startup", action="store_true",
                    help="only the start-up figures: exec → first answer, → READY=1, → default.target "
                         "active, with the machine's unit directories and generators")
    a = ap.parse_args()
    if a.startup:
        return startup(a)
    crowd = start_crowd(a.crowd)
    try:
        return run(a)
    finally:
        end_crowd(crowd)


def start_crowd(n):
    """N sleeping processes in a session of their own (none of any manager's units)."""
    if not n:
        return None
    before = len(os.listdir("/proc"))
    p = subprocess.Popen(["/bin/sh", "-c", f"i=0; while [ $i -lt {n} ]; do sleep 100000 & i=$((i+1)); done; wait"],
                         start_new_session=True)
    deadline = time.time() + 120
    while len([d for d in os.listdir("/proc") if d.isdigit()]) < before + n and time.time() < deadline:
        time.sleep(0.1)
    return p


def end_crowd(p):
    if p:
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()


def run(a):
    if a.scale:
        return scale(a.bin, a.scale, a.runs, not a.no_systemd, a.out, a.before)
    if a.runs < 5:
        print("note: fewer than 5 runs; the figures are medians of", a.runs)
    # (name, factory): each run gets a fresh manager with its unit files written anew.
    kinds = []
    if a.before:
        kinds.append(("linger before", lambda n: Linger(a.before, n, "linger before")))
    after = "linger after" if a.before else "linger"
    kinds.append((after, lambda n: Linger(a.bin, n, after)))
    sd = not a.no_systemd and anchors_usable("/lib/systemd/systemd")
    if sd:
        kinds.append((Systemd.name, Systemd))
    else:
        print("(systemd --user not measured: needs root and ../shared/anchors)")
    # The managers take turns run by run, so that a change in the machine's load (other
    # builds on a shared box) falls on all of them alike.
    rows = {name: [] for name, _ in kinds}
    for i in range(a.runs):
        for name, make in kinds:
            m = make(a.n)
            try:
                rows[name].append((measure_rss if a.rss else measure)(m, a.n))
            finally:
                m.stop()
            if a.big and not a.rss:
                m = make(a.big)
                try:
                    rows[name][i].update(big(m, a.big))
                except Exception as e:  # reported as failed; the other figures stand
                    print(f"{name}: {a.big} services: {e}")
                finally:
                    m.stop()
    results = [(name, medians(rows[name])) for name, _ in kinds]
    keys = list(dict.fromkeys(k for _, r in results for k in r))
    out = [f"# bench/usermgr.py --n {a.n} --big {a.big} --runs {a.runs} --crowd {a.crowd}{' --rss' if a.rss else ''}: medians of {a.runs} runs "
           f"(fresh manager each), {time.strftime('%Y-%m-%d')}"]
    head = f"{'':42}" + "".join(f"{name:>20}" for name, _ in results) + ("   systemd/linger" if sd else "")
    out.append(head)
    for k in keys:
        vals = [r.get(k) for _, r in results]
        line = f"{k:42}" + "".join(f"{v:20.2f}" if v is not None else f"{'failed/n/a':>20}" for v in vals)
        if sd and None not in (vals[-1], vals[-2]) and vals[-2] > 0:
            line += f"  {vals[-1] / vals[-2]:7.1f}×"
        out.append(line)
    emit(out, a.out)


if __name__ == "__main__":
    sys.exit(main())
