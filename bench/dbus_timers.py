#!/usr/bin/env python3
"""Timer properties over D-Bus, linger vs systemd --user 252 on the same timer units (issue 11).

Both managers run at once (linger as root in a temp HOME; systemd 252 standalone for a
throw-away user through crates/dbus/tests/reference/systemd-user.sh, the recipe of
../shared/anchors item 2). The same timer units are started in both, and systemd's own
`systemctl --user start` starts them; NextElapseUSecRealtime, NextElapseUSecMonotonic and
LastTriggerUSec (plus the timestamps they are measured from) are read raw over D-Bus
(`dbus-send` on linger's private socket, `busctl --user` on systemd's session bus).

What is compared, and the tolerance (the two managers start the timers at different instants,
so values tied to "now" are compared relative to each manager's own instant):
  * cal.timer (OnCalendar=*-*-* 04:00:00): NextElapseUSecRealtime must be EQUAL (0 µs): the
    same calendar event in the same time zone; its NextElapseUSecMonotonic, and
    active.timer's NextElapseUSecRealtime (no such elapse), equal (systemd: UINT64_MAX);
  * active.timer (OnActiveSec=1h): NextElapseUSecMonotonic − the timer's
    ActiveEnterTimestampMonotonic, equal within 1 s (both are "1 h after the timer started";
    the instant each manager takes as the start differs by its own handling);
  * startup.timer (OnStartupSec=2h): NextElapseUSecMonotonic − the manager's
    UserspaceTimestampMonotonic, equal within 1 s;
  * fire.timer (OnActiveSec=1s, AccuracySec=1us, fires fire.service once): LastTriggerUSec −
    the timer's ActiveEnterTimestamp, equal within 500 ms (load shifts when each fires);
    NextElapseUSec* afterwards equal (nothing more to come, `elapsed`: systemd UINT64_MAX).
  * idle.timer (loaded, never started) and stopped.timer (OnActiveSec=1h, started then stopped):
    both NextElapseUSec* equal.
Then `systemctl show`'s strings of the rows not tied to "now" (NextElapseUSecRealtime,
NextElapseUSecMonotonic of cal/active/fire/idle/stopped.timer) are compared three ways, one
source for the fact (the engine's TimerRuntime::next_elapse_*): systemd 252's systemctl against
systemd, the same /usr/bin/systemctl against linger's D-Bus, and linger's own `systemctl`
(varlink).
Exit status 0 when every row is within its tolerance, 1 otherwise.

Run as root: bench/dbus_timers.py [--bin target/release/linger] [--out bench/results-dbus.txt]
"""
import argparse, os, shutil, subprocess, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SYSTEMD_USER = os.path.join(ROOT, "crates/dbus/tests/reference/systemd-user.sh")
REF_USER = "lingertimerbench"
SYSTEMCTL = "/usr/bin/systemctl"

UNITS = {
    "cal.timer": "[Timer]\nOnCalendar=*-*-* 04:00:00\n",
    "cal.service": "[Service]\nType=oneshot\nExecStart=/bin/true\n",
    "active.timer": "[Timer]\nOnActiveSec=1h\n",
    "active.service": "[Service]\nType=oneshot\nExecStart=/bin/true\n",
    "startup.timer": "[Timer]\nOnStartupSec=2h\n",
    "startup.service": "[Service]\nType=oneshot\nExecStart=/bin/true\n",
    "fire.timer": "[Timer]\nOnActiveSec=1s\nAccuracySec=1us\n",
    "fire.service": "[Service]\nType=oneshot\nExecStart=/bin/true\n",
    "idle.timer": "[Timer]\nOnActiveSec=1h\n",
    "idle.service": "[Service]\nType=oneshot\nExecStart=/bin/true\n",
    "stopped.timer": "[Timer]\nOnActiveSec=1h\n",
    "stopped.service": "[Service]\nType=oneshot\nExecStart=/bin/true\n",
}
TIMERS = ["cal.timer", "active.timer", "startup.timer", "fire.timer", "stopped.timer"]
# systemctl show strings compared as they are (not tied to "now").
SHOWN = [("cal.timer", "NextElapseUSecMonotonic"), ("active.timer", "NextElapseUSecRealtime"),
         ("fire.timer", "NextElapseUSecRealtime"), ("fire.timer", "NextElapseUSecMonotonic"),
         ("idle.timer", "NextElapseUSecRealtime"), ("idle.timer", "NextElapseUSecMonotonic"),
         ("stopped.timer", "NextElapseUSecRealtime"), ("stopped.timer", "NextElapseUSecMonotonic")]
PROPS = ["NextElapseUSecRealtime", "NextElapseUSecMonotonic", "LastTriggerUSec",
         "LastTriggerUSecMonotonic", "ActiveEnterTimestamp", "ActiveEnterTimestampMonotonic",
         "SubState"]


def write_units(d):
    os.makedirs(d, exist_ok=True)
    for name, text in UNITS.items():
        with open(os.path.join(d, name), "w") as f:
            f.write(text)


class Linger:
    label = "linger"

    def __init__(self, binary):
        self.binary = binary
        self.dir = tempfile.mkdtemp(prefix="linger-timer-bench")
        home, self.rt = os.path.join(self.dir, "home"), os.path.join(self.dir, "run")
        os.makedirs(self.rt, mode=0o700)
        write_units(os.path.join(home, ".config/systemd/user"))
        self.env = dict(HOME=home, XDG_RUNTIME_DIR=self.rt, PATH="/usr/bin:/bin", LANG="C.UTF-8",
                        SYSTEMD_PAGER="cat", SYSTEMD_COLORS="0", TZ=os.environ.get("TZ", "UTC"))
        self.proc = subprocess.Popen([binary, "daemon", "--user", "--no-system-units"], env=self.env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while not os.path.exists(os.path.join(self.rt, "systemd/private")):
            time.sleep(0.01)

    def ctl(self, *args):
        return subprocess.run([SYSTEMCTL, "--user", *args], env=self.env, capture_output=True,
                              text=True)

    def own_ctl(self, *args):
        """linger's own systemctl (varlink), through a link named systemctl."""
        link = os.path.join(self.dir, "systemctl")
        if not os.path.exists(link):
            os.symlink(os.path.abspath(self.binary), link)
        return subprocess.run([link, "--user", *args], env=self.env, capture_output=True,
                              text=True)

    def get(self, path, iface, prop):
        # dbus-send on the private socket: `variant       uint64 N` / `string "x"`.
        r = subprocess.run(["dbus-send", f"--peer=unix:path={self.rt}/systemd/private",
                            "--print-reply=literal", "--dest=org.freedesktop.systemd1", path,
                            "org.freedesktop.DBus.Properties.Get", f"string:{iface}",
                            f"string:{prop}"], env=self.env, capture_output=True, text=True)
        return r.stdout.split()[-1].strip('"') if r.stdout.split() else ""

    def stop(self):
        self.proc.terminate()
        self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


class Systemd:
    label = "systemd 252"

    def __init__(self):
        subprocess.run(["id", REF_USER], capture_output=True).returncode == 0 or \
            subprocess.run(["useradd", "-m", REF_USER], check=True)
        home = os.path.expanduser(f"~{REF_USER}")
        shutil.rmtree(os.path.join(home, ".config/systemd"), ignore_errors=True)
        write_units(os.path.join(home, ".config/systemd/user"))
        subprocess.run(["chown", "-R", REF_USER, os.path.join(home, ".config")], check=True)
        subprocess.run(["bash", SYSTEMD_USER, "start", REF_USER], check=True)

    def ctl(self, *args):
        return subprocess.run(["bash", SYSTEMD_USER, "run", REF_USER, SYSTEMCTL, "--user", *args],
                              capture_output=True, text=True)

    def get(self, path, iface, prop):
        # busctl on the session bus (systemd 252 leaves a first message sent with the
        # handshake unread on its private socket): `t N` / `s "x"`.
        r = subprocess.run(["bash", SYSTEMD_USER, "run", REF_USER, "busctl", "--user",
                            "get-property", "org.freedesktop.systemd1", path, iface, prop],
                           capture_output=True, text=True)
        return r.stdout.split()[-1].strip('"') if r.stdout.split() else ""

    def stop(self):
        subprocess.run(["bash", SYSTEMD_USER, "stop", REF_USER])


IFACE = {"NextElapseUSecRealtime": "Timer", "NextElapseUSecMonotonic": "Timer",
         "LastTriggerUSec": "Timer", "LastTriggerUSecMonotonic": "Timer", "SubState": "Unit",
         "ActiveEnterTimestamp": "Unit", "ActiveEnterTimestampMonotonic": "Unit",
         "UserspaceTimestampMonotonic": "Manager"}


def escape(unit):
    return "".join(c if c.isalnum() else f"_{ord(c):02x}" for c in unit)


def show(m, unit, props):
    """The raw D-Bus values (µs as numbers, not systemctl's rendering) of `props`."""
    path = "/org/freedesktop/systemd1" + (f"/unit/{escape(unit)}" if unit else "")
    out = {}
    for p in props:
        iface = "org.freedesktop.systemd1." + IFACE[p]
        out[p] = m.get(path, iface, p)
    return out


def usec(v):
    try:
        return int(v)
    except ValueError:
        return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/linger"))
    ap.add_argument("--out")
    a = ap.parse_args()
    load = open("/proc/loadavg").read().split()[:3]
    managers = [Linger(a.bin), Systemd()]
    rows, ok = [], True
    try:
        for m in managers:
            r = m.ctl("start", *TIMERS)
            assert r.returncode == 0, (m.label, r.stderr)
            r = m.ctl("stop", "stopped.timer")
            assert r.returncode == 0, (m.label, r.stderr)
        # fire.timer fires 1 s after it starts: wait for both to have fired (bounded).
        deadline = time.time() + 60
        while time.time() < deadline:
            if all(usec(show(m, "fire.timer", ["LastTriggerUSec"]).get("LastTriggerUSec", ""))
                   for m in managers):
                break
            time.sleep(0.1)
        got = {}
        for m in managers:
            mgr = show(m, "", ["UserspaceTimestampMonotonic"])
            got[m.label] = {t: show(m, t, PROPS) for t in TIMERS + ["idle.timer"]}
            got[m.label]["_start"] = usec(mgr.get("UserspaceTimestampMonotonic", "0"))

        def row(name, tol_us, f):
            nonlocal ok
            vals = [f(got[m.label]) for m in managers]
            diff = abs(vals[0] - vals[1])
            good = diff <= tol_us
            ok = ok and good
            rows.append(f"  {name:<58} linger {vals[0]:>20}  systemd {vals[1]:>20}  "
                        f"|diff| {diff:>9} µs  tol {tol_us:>7} µs  {'ok' if good else 'DIFFERS'}")

        row("cal.timer NextElapseUSecRealtime", 0,
            lambda g: usec(g["cal.timer"]["NextElapseUSecRealtime"]))
        row("cal.timer NextElapseUSecMonotonic (calendar only)", 0,
            lambda g: usec(g["cal.timer"]["NextElapseUSecMonotonic"]))
        row("active.timer NextElapseUSecRealtime (monotonic only)", 0,
            lambda g: usec(g["active.timer"]["NextElapseUSecRealtime"]))
        row("active.timer NextElapseUSecMonotonic − ActiveEnter (mono)", 1_000_000,
            lambda g: usec(g["active.timer"]["NextElapseUSecMonotonic"])
            - usec(g["active.timer"]["ActiveEnterTimestampMonotonic"]))
        row("startup.timer NextElapseUSecMonotonic − manager start (mono)", 1_000_000,
            lambda g: usec(g["startup.timer"]["NextElapseUSecMonotonic"]) - g["_start"])
        row("fire.timer LastTriggerUSec − ActiveEnterTimestamp", 500_000,
            lambda g: usec(g["fire.timer"]["LastTriggerUSec"])
            - usec(g["fire.timer"]["ActiveEnterTimestamp"]))
        row("fire.timer NextElapseUSecRealtime after firing", 0,
            lambda g: usec(g["fire.timer"]["NextElapseUSecRealtime"]))
        row("fire.timer NextElapseUSecMonotonic after firing", 0,
            lambda g: usec(g["fire.timer"]["NextElapseUSecMonotonic"]))
        for t in ["idle.timer", "stopped.timer"]:
            for p in ["NextElapseUSecRealtime", "NextElapseUSecMonotonic"]:
                row(f"{t} {p}", 0, lambda g, t=t, p=p: usec(g[t][p]))
        subs = {m.label: got[m.label]["fire.timer"]["SubState"] for m in managers}
        ok = ok and len(set(subs.values())) == 1
        rows.append(f"  fire.timer SubState after firing: {subs}")
        # systemctl show's strings: systemd's, systemd's systemctl on linger's D-Bus, linger's own.
        lg, sd = managers
        rows.append("  systemctl show strings (systemd 252 | /usr/bin/systemctl → linger D-Bus | "
                    "linger's own systemctl):")
        for t, p in SHOWN:
            def value(r):
                return r.stdout.strip() if r.returncode == 0 else f"rc={r.returncode}"
            vals = [value(sd.ctl("show", "-p", p, t)), value(lg.ctl("show", "-p", p, t)),
                    value(lg.own_ctl("show", "-p", p, t))]
            same = len(set(vals)) == 1
            ok = ok and same
            rows.append(f"    {t:<14} {' | '.join(repr(v) for v in vals)}  "
                        f"{'same' if same else 'DIFFERS'}")
    finally:
        for m in managers:
            m.stop()
    text = [f"## timer properties over D-Bus, linger vs systemd 252 "
            f"({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load {' '.join(load)}, "
            f"bench/dbus_timers.py)"] + rows + [f"  => {'all within tolerance' if ok else 'DIFFERENCES'}"]
    print("\n".join(text))
    if a.out:
        with open(a.out, "a") as f:
            f.write("\n" + "\n".join(text) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
