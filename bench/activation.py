#!/usr/bin/env python3
"""Timers and sockets benchmark (issue 6): idle wake-ups with 100 timers armed, and the
latency a socket-activated service adds to its first connection.

Wake-ups: a manager with 100 timers (OnCalendar=*:0/5, the default AccuracySec=1min) armed
and nothing else to do; the manager's context switches (all its threads) over WINDOW seconds,
from /proc/PID/task/*/status. The timers need one wake-up per 5-minute boundary at most.

First connection: the same perl server (it answers one line on the socket it gets as fd 3)
  direct  — a parent binds the socket, spawns the server with it, connects at once: the reply
            time is the service's own start time;
  linger  — through a socket unit: connect to the unit's address while the service is not
            running; reply time = activation + the same start.
The difference of the medians is what socket activation costs. Usage:
bench/activation.py [--bin target/release/linger] [--window 60] [--rounds 20]
"""
import argparse, os, socket, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# perl starts in ~5 ms (python3 takes ~80 ms here), so the activation cost is not lost in the
# noise of the interpreter's start.
SERVER = r'''use IO::Socket::INET;
my $s = IO::Socket::INET->new_from_fd(3, "r+") or die "fd 3: $!";
my $c = $s->accept or die "accept: $!";
my $b; $c->recv($b, 10);
$c->send("ok\n$b");
close $c;
'''
SERVER_CMD = "/usr/bin/perl"


def ctxt(pid):
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{tid}/status") as f:
            for line in f:
                if "ctxt_switches" in line:
                    total += int(line.split()[1])
    return total


def start_manager(bin_, home):
    env = {"HOME": home, "XDG_RUNTIME_DIR": os.path.join(home, "run"),
           "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TZ": "UTC"}
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    p = subprocess.Popen([bin_, "daemon", "--user", "--no-system-units"], env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sock = os.path.join(env["XDG_RUNTIME_DIR"], "linger/manager")
    for _ in range(500):
        if os.path.exists(sock):
            break
        time.sleep(0.01)
    return p, env


def ctl(bin_, env, *args):
    subprocess.run([bin_, "ctl", *args], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wakeups(bin_, window):
    with tempfile.TemporaryDirectory() as home:
        units = os.path.join(home, ".config/systemd/user")
        os.makedirs(units)
        names = []
        for i in range(100):
            with open(f"{units}/t{i}.service", "w") as f:
                f.write("[Service]\nType=oneshot\nExecStart=/bin/true\n")
            with open(f"{units}/t{i}.timer", "w") as f:
                f.write("[Timer]\nOnCalendar=*:0/5\n")
            names.append(f"t{i}.timer")
        p, env = start_manager(bin_, home)
        try:
            ctl(bin_, env, "start", *names)
            time.sleep(1)
            # Count only a window without a 5-minute boundary in it (plus accuracy slack).
            now = time.time()
            into = now % 300
            if into > 300 - window - 61:
                time.sleep(300 - into + 61)
            a = ctxt(p.pid)
            time.sleep(window)
            b = ctxt(p.pid)
            return b - a
        finally:
            p.terminate()
            p.wait()


def reply_time(addr):
    t = time.perf_counter()
    c = socket.create_connection(addr)
    c.sendall(b"x")
    data = c.recv(20)
    c.close()
    assert data.startswith(b"ok"), data
    return time.perf_counter() - t


def direct(server, rounds):
    out = []
    for _ in range(rounds):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        s.listen(16)
        addr = s.getsockname()
        t = time.perf_counter()
        # posix_spawn (vfork-fast) with the socket on fd 3: what a manager's spawn costs.
        pid = os.posix_spawn(SERVER_CMD, [SERVER_CMD, server], os.environ,
                             file_actions=[(os.POSIX_SPAWN_DUP2, s.fileno(), 3)])
        c = socket.create_connection(addr)
        c.sendall(b"x")
        assert c.recv(20).startswith(b"ok")
        out.append(time.perf_counter() - t)
        c.close()
        os.waitpid(pid, 0)
        s.close()
    return out


def activated(bin_, server, rounds):
    with tempfile.TemporaryDirectory() as home:
        units = os.path.join(home, ".config/systemd/user")
        os.makedirs(units)
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        with open(f"{units}/b.socket", "w") as f:
            f.write(f"[Socket]\nListenStream=127.0.0.1:{port}\nTriggerLimitBurst=0\n")
        with open(f"{units}/b.service", "w") as f:
            f.write(f"[Unit]\nStartLimitIntervalSec=0\n"
                    f"[Service]\nExecStart={SERVER_CMD} {server}\n")
        p, env = start_manager(bin_, home)
        try:
            ctl(bin_, env, "start", "b.socket")
            out = []
            for _ in range(rounds):
                out.append(reply_time(("127.0.0.1", port)))
                # Wait for the one-shot server to exit so the next round activates again.
                for _ in range(500):
                    r = subprocess.run([bin_, "ctl", "is-active", "b.service"], env=env,
                                       capture_output=True, text=True)
                    if r.stdout.strip() != "active":
                        break
                    time.sleep(0.005)
            return out
        finally:
            p.terminate()
            p.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/linger"))
    ap.add_argument("--window", type=int, default=60)
    ap.add_argument("--rounds", type=int, default=20)
    a = ap.parse_args()
    with tempfile.NamedTemporaryFile("w", suffix=".pl", delete=False) as f:
        f.write(SERVER)
        server = f.name
    d = direct(server, a.rounds)
    s = activated(a.bin, server, a.rounds)
    md, ms = statistics.median(d) * 1000, statistics.median(s) * 1000
    print(f"first connection, service started directly : median {md:.2f} ms")
    print(f"first connection, through linger's socket    : median {ms:.2f} ms")
    print(f"socket activation adds                        : {ms - md:.2f} ms (target <= 5 ms)")
    w = wakeups(a.bin, a.window)
    print(f"idle manager, 100 timers armed (OnCalendar=*:0/5): {w} context switches "
          f"in {a.window} s = {w * 60 / a.window:.1f} wake-ups/min (needed: 0 in a window "
          "without a 5-minute boundary)")
    os.unlink(server)


if __name__ == "__main__":
    main()
