# The reference units, written into the throw-away user's config (sourced by capture.sh and
# capture-values.sh: both capture against the same units). Needs U, HOME_, UNITS set.
rm -rf $HOME_/.config/systemd && install -d -o $U $HOME_/.config $HOME_/.config/systemd $UNITS
cat > $UNITS/ref-simple.service <<'U'
[Unit]
Description=Reference simple service

[Service]
ExecStart=/bin/sleep infinity

[Install]
WantedBy=default.target
U
cat > $UNITS/ref-oneshot.service <<'U'
[Unit]
Description=Reference oneshot

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/bin/true
U
cat > $UNITS/ref-fail.service <<'U'
[Unit]
Description=Reference failing service

[Service]
Type=oneshot
ExecStart=/bin/false
U
cat > $UNITS/ref.socket <<'U'
[Unit]
Description=Reference socket

[Socket]
ListenStream=%t/ref.sock
U
cat > $UNITS/ref.service <<'U'
[Service]
ExecStart=/bin/cat
StandardInput=socket
U
cat > $UNITS/ref.timer <<'U'
[Unit]
Description=Reference timer

[Timer]
OnActiveSec=1h
Unit=ref-oneshot.service
U
cat > $UNITS/ref-dbus.service <<'U'
[Unit]
Description=Reference D-Bus service

[Service]
Type=dbus
BusName=org.example.LingerRef
ExecStart=/usr/bin/python3 -c "import dbus, time; b = dbus.SessionBus(); b.request_name('org.example.LingerRef'); time.sleep(1e9)"
U
cat > $UNITS/ref-refuse.service <<'U'
[Unit]
Description=Reference refusing service
RefuseManualStart=yes

[Service]
ExecStart=/bin/sleep infinity
U
cat > $UNITS/ref-bad.service <<'U'
[Unit]
Description=Reference bad service

[Service]
Type=simple
U
ln -s /dev/null $UNITS/ref-masked.service
chown -hR $U $HOME_/.config
