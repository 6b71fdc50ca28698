#!/usr/bin/env python3
"""D-Bus benchmark (issue 11): linger's systemd1 API vs systemd --user 252, same run.

Figures:
  * GetUnit + Get(ActiveState) round trip on $XDG_RUNTIME_DIR/systemd/private, timed inside one
    client process (crates/dbus/examples/dbus_bench.rs; target ≤ 0.2 ms, ≥ 5× systemd), with
    three clients: zbus in process (linger only: zbus cannot talk to systemd's private socket,
    see bench/dbus_gdbus_client.py), `dbus_bench raw` (zbus marshalling on a plain blocking
    socket: nearly all of the time is the server's) and GDBus (python3-gi); both managers run at
    once and the clients take turns run by run;
  * D-Bus activation: StartServiceByName of a trivial Type=dbus service until the bus answers
    (its name is owned), minus the same program's own start-up run directly (target ≤ 10 ms);
  * manager memory (VmRSS, RssAnon, RssFile, Pss), started with no client ever, after one
    client, with 500 services and no D-Bus client (`dormant`: the front end sleeps until used;
    builds taking turns, with --bin-before an earlier D-Bus build too), idle and with
    500 services running (`rss`), against
    the same build without the front end (`--no-default-features`; target ≤ +1 MiB), after the
    same work in both builds (linger_rss);
  * `dbus-update-activation-environment --systemd VAR=…` (what X sessions run; target
    ≤ 100 ms);
  * the first answer of each of Debian's D-Bus-activated user services (dconf, the
    accessibility bus, the permission store, the portal): the call that activates it, from
    the call to its answer (target ≤ 1 s).
Median of --runs runs each. linger runs as root in a temp HOME; systemd --user through
crates/dbus/tests/reference/systemd-user.sh (root; a throw-away user).

With --busy N, N busy loops run beside everything (the figures "under load").

One command (builds the three release binaries, then runs; as root): bench/dbus.py
Or with binaries built already: bench/dbus.py --bin target/release/linger --bin-without-dbus PATH
       --bench PATH [--runs 7] [--busy N] [--only roundtrip,activation,environment,first,rss,dormant]
       [--bin-before PATH]
(build: cargo build --release -p linger; cargo build --release -p linger --no-default-features
--features default-kill-user-processes --target-dir target/nodbus; cargo build --release -p
linger-dbus --example dbus_bench)
"""
import argparse, os, shutil, statistics, subprocess, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SYSTEMD_USER = os.path.join(ROOT, "crates/dbus/tests/reference/systemd-user.sh")
REF_USER = "lingerdbusbench"
NAME = "org.linger.BenchService"
DIRECT_NAME = "org.linger.BenchDirect"


def rss_kb(pid, field="VmRSS"):
    """VmRSS (or RssAnon: the heap and stacks, without the binary's mapped pages) in kB."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    return 0


# Debian's D-Bus-activated user services: unit, bus name, object, call (gdbus words).
ACTIVATED = [
    ("dconf.service", "ca.desrt.dconf", "/ca/desrt/dconf/Writer/user", ["org.freedesktop.DBus.Peer.Ping"]),
    ("at-spi-dbus-bus.service", "org.a11y.Bus", "/org/a11y/bus", ["org.a11y.Bus.GetAddress"]),
    ("xdg-permission-store.service", "org.freedesktop.impl.portal.PermissionStore",
     "/org/freedesktop/impl/portal/PermissionStore",
     ["org.freedesktop.DBus.Properties.Get", "org.freedesktop.impl.portal.PermissionStore", "version"]),
    ("xdg-desktop-portal.service", "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
     ["org.freedesktop.DBus.Peer.Ping"]),
]
DEBIAN_UNITS = "/usr/lib/systemd/user"


def units(unit_dir, data_home, bench_bin):
    os.makedirs(unit_dir, exist_ok=True)
    extra = [a[0] for a in ACTIVATED] + ["session.slice"]
    for u in ["dbus.socket", "dbus.service"] + [u for u in extra if os.path.exists(os.path.join(DEBIAN_UNITS, u))]:
        shutil.copy(os.path.join(DEBIAN_UNITS, u), unit_dir)
    with open(os.path.join(unit_dir, "bench-dbus.service"), "w") as f:
        f.write(f"[Service]\nType=dbus\nBusName={NAME}\nExecStart={bench_bin} own unix:path=%t/bus {NAME}\n")
    services = os.path.join(data_home, "dbus-1/services")
    os.makedirs(services, exist_ok=True)
    with open(os.path.join(services, f"{NAME}.service"), "w") as f:
        f.write(f"[D-BUS Service]\nName={NAME}\nExec=/bin/false\nSystemdService=bench-dbus.service\n")


class Linger:
    label = "linger"

    def __init__(self, binary, bench_bin, dbus=True):
        self.dir = tempfile.mkdtemp(prefix="linger-dbus-bench")
        self.home = os.path.join(self.dir, "home")
        self.rt = os.path.join(self.dir, "run")
        os.makedirs(self.rt, mode=0o700)
        self.data_home = os.path.join(self.home, ".local/share")
        units(os.path.join(self.home, ".config/systemd/user"), self.data_home, bench_bin)
        self.env = dict(HOME=self.home, XDG_RUNTIME_DIR=self.rt, PATH="/usr/bin:/bin", LANG="C.UTF-8",
                        DBUS_SESSION_BUS_ADDRESS=f"unix:path={self.rt}/bus", SYSTEMD_PAGER="cat")
        self.proc = subprocess.Popen([binary, "daemon", "--user", "--no-system-units"], env=self.env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # The varlink socket, then systemd's private socket (systemctl --user's first stop).
        for sock in ("linger/manager", "systemd/private")[: 2 if dbus else 1]:
            while not os.path.exists(os.path.join(self.rt, sock)):
                time.sleep(0.01)

    def run(self, cmd, **kw):
        return subprocess.run(cmd, env=self.env, capture_output=True, text=True, **kw)

    def pid(self):
        return self.proc.pid

    def stop(self):
        self.proc.terminate()
        self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


class Systemd:
    label = "systemd --user 252"

    def __init__(self, bench_bin):
        subprocess.run(["id", REF_USER], capture_output=True).returncode == 0 or \
            subprocess.run(["useradd", "-m", REF_USER], check=True)
        home = os.path.expanduser(f"~{REF_USER}")
        self.rt = f"/run/user/{int(subprocess.check_output(['id', '-u', REF_USER]))}"
        shutil.rmtree(os.path.join(home, ".config/systemd"), ignore_errors=True)
        # The user must be able to run the helper binary.
        self.bench_bin = os.path.join("/tmp", "linger-dbus-bench-helper")
        shutil.copy(bench_bin, self.bench_bin)
        units(os.path.join(home, ".config/systemd/user"), os.path.join(home, ".local/share"), self.bench_bin)
        subprocess.run(["chown", "-R", REF_USER, os.path.join(home, ".config"), os.path.join(home, ".local")], check=True)
        subprocess.run(["bash", SYSTEMD_USER, "start", REF_USER], check=True)
        time.sleep(1)  # let default.target settle (dbus.socket listening)

    def run(self, cmd, **kw):
        return subprocess.run(["bash", SYSTEMD_USER, "run", REF_USER] + cmd, capture_output=True, text=True, **kw)

    def pid(self):
        return int(open(f"/tmp/{REF_USER}.pid").read())

    def stop(self):
        subprocess.run(["bash", SYSTEMD_USER, "stop", REF_USER])


def roundtrip_us(m, bench, runs, mode="roundtrip"):
    """Median over runs of each run's median pair time (µs), 2000 pairs after 200 warm-up;
    mode "raw": the minimal client (no executor: nearly all of the time is the server's)."""
    bench = getattr(m, "bench_bin", bench)
    meds = []
    for _ in range(runs):
        r = m.run([bench, mode, f"{m.rt}/systemd/private", "default.target", "2200"], check=True)
        xs = [float(x) for x in r.stdout.split()][200:]
        meds.append(statistics.median(xs))
    return statistics.median(meds)


GDBUS_CLIENT = os.path.join(HERE, "dbus_gdbus_client.py")


def roundtrip_gdbus_us(m, runs):
    """As roundtrip_us, with the GDBus client (which both managers answer)."""
    client = os.path.join("/tmp", "linger-dbus-gdbus-client.py")
    shutil.copy(GDBUS_CLIENT, client)
    os.chmod(client, 0o755)
    meds = []
    for _ in range(runs):
        r = m.run(["/usr/bin/python3", client, f"{m.rt}/systemd/private", "default.target", "1100"], check=True)
        xs = [float(x) for x in r.stdout.split()][100:]
        meds.append(statistics.median(xs))
    return statistics.median(meds)


def activation_ms(m, bench, runs):
    """Median (StartServiceByName → name owned) and the program's own start-up (ms)."""
    bench = getattr(m, "bench_bin", bench)
    addr = f"unix:path={m.rt}/bus"
    m.run(["busctl", "--user", "call", "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "ReloadConfig"])
    act, direct = [], []
    for _ in range(runs):
        m.run(["systemctl", "--user", "stop", "bench-dbus.service"], check=True)
        r = m.run([bench, "activate", addr, NAME], check=True)
        act.append(float(r.stdout) / 1000)
        r = m.run([bench, "direct", addr, DIRECT_NAME, bench, "own", addr, DIRECT_NAME], check=True)
        direct.append(float(r.stdout) / 1000)
    m.run(["systemctl", "--user", "stop", "bench-dbus.service"])
    return statistics.median(act), statistics.median(direct)


def update_environment_ms(m, runs):
    """Median time of `dbus-update-activation-environment --systemd VAR=…` (ms)."""
    xs = []
    for i in range(runs):
        t = time.perf_counter()
        m.run(["dbus-update-activation-environment", "--systemd", f"LINGER_BENCH_{i}=x"], check=True)
        xs.append((time.perf_counter() - t) * 1000)
    return statistics.median(xs)


def first_answers_ms(m, runs):
    """Per Debian activated service installed: median time from its activating call to the
    answer, the service stopped before each run (ms)."""
    out = {}
    for unit, name, path, method in ACTIVATED:
        if not os.path.exists(os.path.join(DEBIAN_UNITS, unit)):
            continue
        xs = []
        for _ in range(runs):
            m.run(["systemctl", "--user", "stop", unit])
            t = time.perf_counter()
            r = m.run(["gdbus", "call", "--session", "--dest", name, "--object-path", path, "--method"] + method)
            if r.returncode != 0:
                raise RuntimeError(f"{unit}: {r.stderr}")
            xs.append((time.perf_counter() - t) * 1000)
        m.run(["systemctl", "--user", "stop", unit])
        out[unit] = statistics.median(xs)
    return out


def wait_for_manager_on_bus(m):
    """The manager connects to a new bus on its own time: wait until it owns its name."""
    for _ in range(500):
        if m.run(["busctl", "--user", "status", "org.freedesktop.systemd1"]).returncode == 0:
            return
        time.sleep(0.01)
    raise RuntimeError("org.freedesktop.systemd1 never appeared on the bus")


def mem_kb(pid):
    """VmRSS, RssAnon (heap, stacks, relocated tables), RssFile (mapped pages of the binary and
    libraries, shared with every other process running them) and Pss, in kB."""
    out = {"VmRSS": rss_kb(pid), "RssAnon": rss_kb(pid, "RssAnon"), "RssFile": rss_kb(pid, "RssFile")}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Pss:"):
                out["Pss"] = int(line.split()[1])
    return out


RSS_UNITS = 500
SYSTEMD = "systemd --user 252"


def rss_units(unit_dir):
    for i in range(RSS_UNITS):
        with open(os.path.join(unit_dir, f"rss-{i:03}.service"), "w") as f:
            f.write("[Service]\nExecStart=/bin/sleep infinity\n")


def linger_rss(binary, bench, runs, with_bus, units=False):
    """Memory of a fresh manager after the same work in both builds — dbus.socket started and
    default.target queried 20 times through linger's own CLI (varlink), with `units` 500
    services started too — then, with the D-Bus front end, 100 GetUnit+Get pairs on the private
    socket and the manager connected to the session bus. The difference between the builds is
    what the front end costs, not what any client's queries make the manager do. Median of
    runs, per figure."""
    xs = []
    for _ in range(runs):
        m = Linger(binary, bench, dbus=with_bus)
        try:
            ctl = [binary, "ctl", "--user"]
            if not with_bus:
                # Debian's dbus.socket puts the bus address into the manager's environment
                # with systemd's systemctl, which needs the D-Bus front end.
                dropin = os.path.join(m.home, ".config/systemd/user/dbus.socket.d")
                os.makedirs(dropin)
                with open(os.path.join(dropin, "bench.conf"), "w") as f:
                    f.write("[Socket]\nExecStartPost=\n")
            if units:
                rss_units(os.path.join(m.home, ".config/systemd/user"))
            m.run(ctl + ["daemon-reload"], check=True)
            m.run(ctl + ["start", "dbus.socket"], check=True)
            # A client on the bus: dbus.service runs in both builds.
            m.run(["busctl", "--user", "list"], check=True)
            for _ in range(20):
                m.run(ctl + ["show", "-p", "ActiveState", "default.target"], check=True)
            if units:
                m.run(ctl + ["start"] + [f"rss-{i:03}.service" for i in range(RSS_UNITS)], check=True)
            if with_bus:
                wait_for_manager_on_bus(m)
                m.run([bench, "roundtrip", f"{m.rt}/systemd/private", "default.target", "100"], check=True)
            time.sleep(0.5)
            xs.append(mem_kb(m.pid()))
            if units:
                m.run(ctl + ["stop"] + [f"rss-{i:03}.service" for i in range(RSS_UNITS)], check=True)
        finally:
            m.stop()
    return {k: statistics.median(x[k] for x in xs) for k in xs[0]}


def linger_rss_quiet(binary, bench, runs, with_bus):
    """Memory of a fresh manager that did nothing: started, its sockets up (the D-Bus private
    socket too on the D-Bus build, where no client ever connects), 0.5 s later. Median of
    runs, per figure."""
    xs = []
    for _ in range(runs):
        m = Linger(binary, bench, dbus=with_bus)
        try:
            time.sleep(0.5)
            xs.append(mem_kb(m.pid()))
        finally:
            m.stop()
    return {k: statistics.median(x[k] for x in xs) for k in xs[0]}


def linger_rss_dormant(builds, bench, runs, with_systemd=False):
    """Memory of fresh managers of each of `builds` ((label, binary, has D-Bus)) in three
    states, the builds taking turns run by run (so load drifts alike for all): started with no
    client ever (`quiet`); after one client (`one`: linger's own `ctl is-active` in every
    build, and on a D-Bus build one systemd `systemctl --user is-active` on the private socket,
    which wakes a dormant front end); 500 services started through linger's own CLI, no D-Bus
    client, no bus (`svc`). 0.5 s after the last step. With `with_systemd`, systemd --user 252
    takes its turn too (label SYSTEMD): `quiet` 1.5 s after its start (its default.target and
    dbus.socket up, no client), `one` after one `systemctl --user is-active` on its private
    socket. Median of runs, per figure."""
    xs = {(label, s): [] for label, _, _ in builds for s in ("quiet", "one", "svc")}
    if with_systemd:
        xs.update({(SYSTEMD, s): [] for s in ("quiet", "one")})
    for _ in range(runs):
        if with_systemd:
            sd = Systemd(bench)
            try:
                time.sleep(0.5)
                xs[(SYSTEMD, "quiet")].append(mem_kb(sd.pid()))
                sd.run(["/usr/bin/systemctl", "--user", "is-active", "default.target"])
                time.sleep(0.5)
                xs[(SYSTEMD, "one")].append(mem_kb(sd.pid()))
            finally:
                sd.stop()
        for label, binary, dbus in builds:
            for state in ("quiet", "one", "svc"):
                m = Linger(binary, bench, dbus=dbus)
                try:
                    ctl = [binary, "ctl", "--user"]
                    if state == "one":
                        m.run(ctl + ["is-active", "default.target"])
                        if dbus:
                            m.run(["/usr/bin/systemctl", "--user", "is-active", "default.target"])
                    if state == "svc":
                        rss_units(os.path.join(m.home, ".config/systemd/user"))
                        m.run(ctl + ["daemon-reload"], check=True)
                        m.run(ctl + ["start"] + [f"rss-{i:03}.service" for i in range(RSS_UNITS)], check=True)
                    time.sleep(0.5)
                    xs[(label, state)].append(mem_kb(m.pid()))
                    if state == "svc":
                        m.run(ctl + ["stop"] + [f"rss-{i:03}.service" for i in range(RSS_UNITS)], check=True)
                finally:
                    m.stop()
    return {k: {f: statistics.median(x[f] for x in v) for f in v[0]} for k, v in xs.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin")
    ap.add_argument("--bin-without-dbus")
    ap.add_argument("--bench")
    ap.add_argument("--bin-before", help="an earlier D-Bus build, beside the others in `dormant`")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--no-systemd", action="store_true")
    ap.add_argument("--busy", type=int, default=0, help="busy loops running beside the bench")
    ap.add_argument("--only", help="comma-separated parts: " + ",".join(PARTS))
    a = ap.parse_args()
    if not a.bin:
        build(a)
    busy = [subprocess.Popen(["/usr/bin/python3", "-c", "while True: pass"]) for _ in range(a.busy)]
    try:
        report(a)
    finally:
        for b in busy:
            b.kill()
            b.wait()


def build(a):
    """The three release binaries the bench needs, built from this checkout."""
    def cargo(*args):
        subprocess.run(["cargo", "build", "--release", "-q"] + list(args), cwd=ROOT, check=True)
    cargo("-p", "linger")
    cargo("-p", "linger", "--no-default-features", "--features", "default-kill-user-processes",
          "--target-dir", os.path.join(ROOT, "target/nodbus"))
    cargo("-p", "linger-dbus", "--example", "dbus_bench")
    a.bin = os.path.join(ROOT, "target/release/linger")
    a.bin_without_dbus = os.path.join(ROOT, "target/nodbus/release/linger")
    a.bench = os.path.join(ROOT, "target/release/examples/dbus_bench")


PARTS = ("roundtrip", "activation", "environment", "first", "rss", "dormant")


def report(a):
    parts = set(a.only.split(",")) if a.only else set(PARTS)
    with_systemd = not a.no_systemd and os.geteuid() == 0
    lin = sd = None
    r = {}
    try:
        if parts - {"rss", "dormant"}:
            lin = Linger(a.bin, a.bench)
            # Services get the user's passwd home, not this temp HOME: point the bus at the
            # bench's D-Bus service file.
            lin.run(["systemctl", "--user", "set-environment", f"XDG_DATA_HOME={lin.data_home}"], check=True)
            lin.run(["systemctl", "--user", "start", "dbus.socket"], check=True)
            wait_for_manager_on_bus(lin)
            if with_systemd:
                sd = Systemd(a.bench)
        if "roundtrip" in parts:
            # Both managers up at once, the clients taking turns run by run, so drift in the
            # machine's load hits both alike.
            for _ in range(a.runs):
                for label, m in (("l", lin), ("s", sd)):
                    if m is None:
                        continue
                    if label == "l":
                        r.setdefault("zbus_l", []).append(roundtrip_us(m, a.bench, 1))
                    r.setdefault("raw_" + label, []).append(roundtrip_us(m, a.bench, 1, "raw"))
                    r.setdefault("gdbus_" + label, []).append(roundtrip_gdbus_us(m, 1))
            for k in list(r):
                r[k] = statistics.median(r[k])
        for label, m in (("l", lin), ("s", sd)):
            if m is None:
                continue
            if "activation" in parts:
                r["act_" + label], r["direct_" + label] = activation_ms(m, a.bench, a.runs)
            if "environment" in parts:
                r["env_" + label] = update_environment_ms(m, a.runs)
            if "first" in parts:
                r["first_" + label] = first_answers_ms(m, a.runs)
            if label == "s":
                r["mem_s"] = mem_kb(m.pid())
    finally:
        if lin:
            lin.stop()
        if sd:
            sd.stop()
    if "rss" in parts:
        r["on_quiet"] = linger_rss_quiet(a.bin, a.bench, a.runs, True)
        if a.bin_without_dbus:
            r["off_quiet"] = linger_rss_quiet(a.bin_without_dbus, a.bench, a.runs, False)
        for units in (False, True):
            tag = "500" if units else "idle"
            r[f"on_{tag}"] = linger_rss(a.bin, a.bench, a.runs, True, units)
            if a.bin_without_dbus:
                r[f"off_{tag}"] = linger_rss(a.bin_without_dbus, a.bench, a.runs, False, units)

    if "dormant" in parts:
        builds = [("D-Bus build", a.bin, True)]
        if a.bin_before:
            builds.append(("D-Bus build, before", a.bin_before, True))
        if a.bin_without_dbus:
            builds.append(("built without", a.bin_without_dbus, False))
        r["dormant"] = (builds, linger_rss_dormant(builds, a.bench, a.runs, with_systemd))

    print(f"busy loops beside the bench: {a.busy}; load average at the end: "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")

    def ratio(l, s):
        return f"{s / l:.1f}×" if (l and s) else ""

    def num(k, f="{:.1f}"):
        return f.format(r[k]) if r.get(k) is not None else "-"
    fmt = "{:<58}{:>10}{:>20}{:>10}"
    print(fmt.format("", "linger", "systemd --user 252", "ratio"))
    if "roundtrip" in parts:
        print("GetUnit + Get(ActiveState) pairs on the private socket, median µs:")
        print(fmt.format("  zbus client, in process", num("zbus_l"), "- (zbus#1497)", ""))
        print(fmt.format("  minimal client (dbus_bench raw)", num("raw_l"), num("raw_s"), ratio(r.get("raw_l"), r.get("raw_s"))))
        print(fmt.format("  GDBus client (python3-gi)", num("gdbus_l"), num("gdbus_s"), ratio(r.get("gdbus_l"), r.get("gdbus_s"))))
    if "activation" in parts:
        print(fmt.format("activation → name owned (ms)", num("act_l", "{:.2f}"), num("act_s", "{:.2f}"), ratio(r.get("act_l"), r.get("act_s"))))
        print(fmt.format("  the program's own start-up (ms)", num("direct_l", "{:.2f}"), num("direct_s", "{:.2f}"), ""))
        above = {k: r[f"act_{k}"] - r[f"direct_{k}"] for k in "ls" if f"act_{k}" in r}
        print(fmt.format("  activation above start-up (ms)", f"{above['l']:.2f}",
                         f"{above['s']:.2f}" if "s" in above else "-", ""))
    if "environment" in parts:
        print(fmt.format("dbus-update-activation-environment --systemd (ms)", num("env_l"), num("env_s"), ratio(r.get("env_l"), r.get("env_s"))))
    if "first" in parts:
        for unit, ms in r.get("first_l", {}).items():
            s_ms = r.get("first_s", {}).get(unit)
            print(fmt.format(f"first answer, {unit} (ms)", f"{ms:.0f}", f"{s_ms:.0f}" if s_ms else "-", ratio(ms, s_ms)))
    if "mem_s" in r:
        ms = r["mem_s"]
        print(f"systemd --user 252 after the runs above: VmRSS {ms['VmRSS'] / 1024:.2f} MB, "
              f"RssAnon {ms['RssAnon'] / 1024:.2f} MB, RssFile {ms['RssFile'] / 1024:.2f} MB, Pss {ms['Pss'] / 1024:.2f} MB")
    if "rss" in parts:
        print("manager memory (MB; see linger_rss: same work in both builds, then D-Bus traffic and the")
        print("session bus on the D-Bus build):")
        mfmt = "  {:<26}" + "{:>10}" * 4
        print(mfmt.format("", "VmRSS", "RssAnon", "RssFile", "Pss"))
        for tag, what in (("quiet", "started, no client ever"), ("idle", "idle"),
                          ("500", f"{RSS_UNITS} services running")):
            on, off = r[f"on_{tag}"], r.get(f"off_{tag}")
            keys = ("VmRSS", "RssAnon", "RssFile", "Pss")
            print(mfmt.format(f"{what}, D-Bus front end", *(f"{on[k] / 1024:.2f}" for k in keys)))
            if off:
                print(mfmt.format(f"{what}, built without", *(f"{off[k] / 1024:.2f}" for k in keys)))
                print(mfmt.format("  cost of the front end", *(f"{(on[k] - off[k]) / 1024:+.2f}" for k in keys)))

    if "dormant" in parts:
        builds, d = r["dormant"]
        print("manager memory, builds taking turns (MB; see linger_rss_dormant):")
        mfmt = "  {:<44}" + "{:>10}" * 4
        keys = ("VmRSS", "RssAnon", "RssFile", "Pss")
        print(mfmt.format("", *keys))
        without = next((lb for lb, _, dbus in builds if not dbus), None)
        for state, what in (("quiet", "started, no client ever"), ("one", "after one client"),
                            ("svc", f"{RSS_UNITS} services running, no D-Bus client")):
            for label, _, _ in builds:
                v = d[(label, state)]
                print(mfmt.format(f"{what}, {label}", *(f"{v[k] / 1024:.2f}" for k in keys)))
            if (SYSTEMD, state) in d:
                v = d[(SYSTEMD, state)]
                print(mfmt.format(f"{what}, {SYSTEMD}", *(f"{v[k] / 1024:.2f}" for k in keys)))
            if without:
                off = d[(without, state)]
                for label, _, dbus in builds:
                    if dbus:
                        v = d[(label, state)]
                        print(mfmt.format(f"  cost of the front end ({label})",
                                          *(f"{(v[k] - off[k]) / 1024:+.2f}" for k in keys)))


if __name__ == "__main__":
    main()
