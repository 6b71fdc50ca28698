#!/usr/bin/python3
"""GetUnit + Get(ActiveState) round trips on a systemd1 private socket with GLib's GDBus (Debian's
python3-gi): the second client of bench/dbus.py. zbus (crates/dbus/examples/dbus_bench.rs)
cannot talk to systemd's private socket: systemd marks its replies there with the sender
`org.freedesktop.systemd1`, which zbus 5 takes for a malformed unique name and panics in its
reader task (z-galaxy/zbus#1497), so the client waits for ever. GDBus accepts it, so this
client times both managers alike. systemd 252 leaves a message that arrives together with the
authentication's BEGIN unread until more data comes (see dbus_bench raw): the client pings,
200 ms at a time, until a ping is answered, before it times anything.

Usage: dbus_gdbus_client.py SOCKET UNIT N  → each pair's µs, one per line.
"""
import sys, time
from gi.repository import Gio, GLib
sock, unit, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
conn = Gio.DBusConnection.new_for_address_sync("unix:path=" + sock, Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT, None, None)
for _ in range(50):
    try:
        conn.call_sync(None, "/org/freedesktop/systemd1", "org.freedesktop.DBus.Peer", "Ping", None, None, 0, 200, None)
        break
    except GLib.Error:
        continue
out = []
for _ in range(n):
    t = time.perf_counter_ns()
    r = conn.call_sync(None, "/org/freedesktop/systemd1", "org.freedesktop.systemd1.Manager", "GetUnit",
                       GLib.Variant("(s)", (unit,)), GLib.VariantType("(o)"), 0, -1, None)
    path = r.unpack()[0]
    conn.call_sync(None, path, "org.freedesktop.DBus.Properties", "Get",
                   GLib.Variant("(ss)", ("org.freedesktop.systemd1.Unit", "ActiveState")), None, 0, -1, None)
    out.append((time.perf_counter_ns() - t) / 1000)
print("\n".join("%.1f" % x for x in out))
