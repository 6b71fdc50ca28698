"""What the benchmarks in bench/ share, written once: where things are, a fresh copy of the
systemd 252 anchors, a linger user manager in a temp HOME of its own, /proc readings of a
process, and printing/writing the result table."""
import os, shutil, signal, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# ../shared/anchors beside the checkout; ANCHORS_SRC= for a worktree elsewhere.
ANCHORS_SRC = os.environ.get("ANCHORS_SRC", os.path.join(ROOT, "..", "shared", "anchors"))
# The anchors' scripts write beside themselves: they run from a fresh copy.
ANCHORS = "/tmp/linger-anchors"
DEFAULT_BIN = os.path.join(ROOT, "target/release/linger")


def anchors_usable(program):
    """Whether systemd 252's side can run here: root, the anchors, and `program` installed."""
    return os.geteuid() == 0 and os.path.isdir(ANCHORS_SRC) and os.path.exists(program)


def fresh_anchors():
    if os.path.exists(ANCHORS):
        shutil.rmtree(ANCHORS)
    shutil.copytree(ANCHORS_SRC, ANCHORS)


def ensure_anchoruser():
    """The user the anchors run systemd --user as."""
    if subprocess.run(["id", "anchoruser"], capture_output=True).returncode != 0:
        subprocess.run(["useradd", "-m", "anchoruser"], check=True)


def status_kb(pid, key="VmRSS"):
    """A kB figure of /proc/PID/status (VmRSS, RssAnon, VmHWM); 0 once the process is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_s(pid):
    """User+system CPU seconds a live process has used so far."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class TempManager:
    """`linger daemon --user` with a temp HOME and XDG_RUNTIME_DIR of its own.

    units: (file name, text) pairs written to ~/.config/systemd/user; no_rate_limit: the
    journal's per-unit rate limit off (as the journald anchor's RateLimit*=0)."""

    def __init__(self, binary, prefix, units=(), no_rate_limit=False):
        self.bin = binary
        self.tmp = tempfile.mkdtemp(prefix=prefix)
        self.home = os.path.join(self.tmp, "home")
        self.run = os.path.join(self.tmp, "run")
        self.unit_dir = os.path.join(self.home, ".config/systemd/user")
        os.makedirs(self.unit_dir)
        os.makedirs(self.run, mode=0o700)
        for name, text in units:
            with open(os.path.join(self.unit_dir, name), "w") as f:
                f.write(text)
        if no_rate_limit:
            os.makedirs(os.path.join(self.home, ".config/linger"))
            with open(os.path.join(self.home, ".config/linger/journald.conf"), "w") as f:
                f.write("[Journal]\nRateLimitBurst=0\n")
        self.env = dict(os.environ, HOME=self.home, XDG_RUNTIME_DIR=self.run, NO_COLOR="1")
        for k in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            self.env.pop(k, None)
        self.journal_dir = os.path.join(self.home, ".local/state/linger/journal")
        self.proc = None

    def ctl(self, args):
        return [self.bin, "ctl", "--user"] + args

    def start(self, poll_s=0.002, wrap=()):
        """Start the manager (under `wrap`, e.g. setpriv) and return once it answers: its socket
        file appears before it listens, so readiness is an answered is-active."""
        self.proc = subprocess.Popen(list(wrap) + [self.bin, "daemon", "--user", "--no-system-units"],
                                     env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while subprocess.run(self.ctl(["is-active", "-q", "default.target"]), env=self.env,
                             stderr=subprocess.DEVNULL).returncode != 0:
            time.sleep(poll_s)
        return self.proc

    def stop(self, timeout=30):
        """SIGTERM the manager (it seals and fsyncs the journal) and wait for it."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(timeout=timeout)

    def remove(self, timeout=30):
        self.stop(timeout)
        shutil.rmtree(self.tmp, ignore_errors=True)


# How whole commands are timed (cli.py, journal.py): posix_spawn (glibc: CLONE_VM|CLONE_VFORK)
# from a small loop, then wait4 for the child's rusage — for systemd's commands too, with the
# loop itself running as their user. subprocess.Popen vforks for root's commands, but with
# user=/group= it forks the interpreter and the child's work before exec was charged to the
# command (/bin/true as another user: 0.96 ms CPU that way, 0.70 from the loop).
SPAWN_LOOP = r"""
import json, os, sys, time
argv, runs, want_out = json.loads(sys.argv[1])
null = os.open("/dev/null", os.O_RDWR)
out = None
if want_out:
    r, w = os.pipe()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=[
        (os.POSIX_SPAWN_DUP2, null, 0), (os.POSIX_SPAWN_DUP2, w, 1), (os.POSIX_SPAWN_DUP2, null, 2)])
    os.close(w)
    chunks = []
    while True:
        b = os.read(r, 1 << 16)
        if not b:
            break
        chunks.append(b)
    os.close(r)
    os.waitpid(pid, 0)
    out = b"".join(chunks).decode("utf-8", "replace")
acts = [(os.POSIX_SPAWN_DUP2, null, 0), (os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)]
env = dict(os.environ)
rows = []
for i in range(runs):
    t = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, env, file_actions=acts)
    _, status, ru = os.wait4(pid, 0)
    wall = (time.perf_counter() - t) * 1000
    rows.append((wall, (ru.ru_utime + ru.ru_stime) * 1000, os.waitstatus_to_exitcode(status)))
print(json.dumps({"rows": rows, "out": out}))
"""


def spawn_loop(argv, runs, env, user=None, want_out=False):
    """Times `runs` whole runs of argv (stdin, stdout and stderr /dev/null): [(wall ms, CPU ms,
    exit code)], and with want_out the stdout of one more run made first, not timed.
    user: a pwd entry to run the loop (and so the command) as."""
    import json
    kw = dict(user=user.pw_uid, group=user.pw_gid, extra_groups=[]) if user else {}
    # The system's interpreter: another user may not reach this one (pyenv under /root).
    py = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
    p = subprocess.run([py, "-c", SPAWN_LOOP, json.dumps([argv, runs, want_out])],
                       env=env, capture_output=True, text=True, check=True, **kw)
    r = json.loads(p.stdout)
    return [tuple(x) for x in r["rows"]], r["out"]


def emit(lines, out=None):
    """Print the table and, with out, write it there too."""
    text = "\n".join(lines)
    print(text)
    if out:
        with open(out, "w") as f:
            f.write(text + "\n")


def arg_parser(runs):
    """The options every bench takes: the build, a previous build, runs, systemd's side, output."""
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=DEFAULT_BIN)
    ap.add_argument("--before", help="a previous linger build, measured alongside")
    ap.add_argument("--runs", type=int, default=runs)
    ap.add_argument("--no-systemd", action="store_true")
    ap.add_argument("--out", help="also write the table to this file")
    return ap
