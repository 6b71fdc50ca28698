# A D-Bus client holding references on a unit (query_gc.sh), in plain python3 (no bindings):
#   bus_ref.py SOCKET UNIT   SOCKET: the session bus ($XDG_RUNTIME_DIR/bus) or the manager's
#                            private socket; each line on stdin, "ref" or "unref", calls
#                            RefUnit/UnrefUnit(UNIT) and prints "ref return", "unref error …";
#                            the references go when stdin ends (the client disconnects).
import os, socket, struct, sys
def pad(b, n): return b + b"\0" * ((-len(b)) % n)
def s(x): x = x.encode(); return struct.pack("<I", len(x)) + x + b"\0"
def g(x): x = x.encode(); return bytes([len(x)]) + x + b"\0"
serial = 0
def msg(path, iface, member, arg, dest="org.freedesktop.systemd1"):
    global serial; serial += 1
    body = s(arg) if arg is not None else b""
    fields = b""
    for code, sig, val in [(1, "o", s(path)), (2, "s", s(iface)), (3, "s", s(member)), (6, "s", s(dest)), (8, "g", g("s" if arg is not None else ""))]:
        fields = pad(fields, 8) + bytes([code]) + g(sig) + val
    hdr = b"l\x01\x00\x01" + struct.pack("<II", len(body), serial) + struct.pack("<I", len(fields)) + fields
    return pad(hdr, 8) + body
def recv_msg(c):
    h = b""
    while len(h) < 16: h += c.recv(16 - len(h))
    blen, _, flen = struct.unpack("<III", h[4:16])
    rest = (flen + 7) // 8 * 8 + blen
    d = b""
    while len(d) < rest: d += c.recv(rest - len(d))
    return h[1], d
c = socket.socket(socket.AF_UNIX); c.connect(sys.argv[1])
c.sendall(b"\0AUTH EXTERNAL " + str(os.getuid()).encode().hex().encode() + b"\r\n")
assert c.recv(256).startswith(b"OK")
c.sendall(b"BEGIN\r\n")
import select
if sys.argv[1].endswith("/bus"):
    c.sendall(msg("/org/freedesktop/DBus", "org.freedesktop.DBus", "Hello", None, "org.freedesktop.DBus"))
    recv_msg(c)
    while select.select([c], [], [], 0.3)[0]: recv_msg(c)
else:
    # systemd 252 leaves a message that came with BEGIN unread until more data arrives: ping
    # until an answer comes, then drain the rest.
    while True:
        c.sendall(msg("/org/freedesktop/systemd1", "org.freedesktop.DBus.Peer", "Ping", None))
        if select.select([c], [], [], 0.3)[0]: break
    while select.select([c], [], [], 0.3)[0]: recv_msg(c)
M = ("/org/freedesktop/systemd1", "org.freedesktop.systemd1.Manager")
for line in sys.stdin:
    w = line.split()
    if not w: continue
    method = {"ref": "RefUnit", "unref": "UnrefUnit"}[w[0]]
    c.sendall(msg(*M, method, sys.argv[2]))
    while True:
        t, d = recv_msg(c)
        if t in (2, 3): break
    print(w[0], "return" if t == 2 else "error " + d.decode("latin1"), flush=True)
