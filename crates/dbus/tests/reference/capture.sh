#!/bin/bash
# Capture what systemd 252's own clients print against a REAL `systemd --user` 252, as the
# reference the D-Bus tests compare linger with (tests/reference/systemd252/*.txt).
# Run as root on a machine with systemd 252 installed but not PID 1 (Debian 12):
#   bash crates/dbus/tests/reference/capture.sh
# The manager runs through systemd-user.sh beside this file (a throw-away user, a private mount
# namespace where sd_booted() is true, Debian's dbus.socket for the session bus).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$HERE/systemd252
SU=$HERE/systemd-user.sh
U=lingerdbusref
id $U >/dev/null 2>&1 || useradd -m $U
HOME_=$(getent passwd $U | cut -d: -f6)
RT=/run/user/$(id -u $U)
UNITS=$HOME_/.config/systemd/user
. $HERE/units.sh
bash $SU start $U || exit 1
sleep 1
run() { # run NAME CMD... → $OUT/NAME.txt
  local name=$1; shift
  bash $SU run $U "$@" >/tmp/$U.out 2>/tmp/$U.err </dev/null
  local rc=$?
  { echo "\$ $*"; echo "--- stdout"; cat /tmp/$U.out; echo "--- stderr"; cat /tmp/$U.err; echo "--- exit $rc"; } > $OUT/$name.txt
}
rm -rf $OUT && mkdir -p $OUT
B="busctl --user"
SD=org.freedesktop.systemd1
P=/org/freedesktop/systemd1
run introspect-manager $B introspect --xml-interface $SD $P
run start-simple systemctl --user start ref-simple.service
run start-oneshot systemctl --user start ref-oneshot.service
run start-socket systemctl --user start ref.socket
run start-timer systemctl --user start ref.timer
for u in ref_2dsimple_2eservice ref_2esocket ref_2etimer default_2etarget app_2eslice init_2escope; do
  run introspect-$u $B introspect --xml-interface $SD $P/unit/$u
done
run is-active-simple systemctl --user is-active ref-simple.service
run is-active-missing systemctl --user is-active no-such.service
run show-simple systemctl --user show -p Id,Names,Description,LoadState,ActiveState,SubState,Type,Restart,FragmentPath,UnitFileState,CanStart,CanStop,CanReload,Result,NRestarts,KillMode,WantedBy ref-simple.service
run show-manager systemctl --user show -p Version,SystemState,NJobs,NFailedUnits
run list-units-ref systemctl --user list-units 'ref*'
run list-units-all-ref systemctl --user list-units --all 'ref*'
run list-jobs systemctl --user list-jobs
run start-fail systemctl --user start ref-fail.service
run is-failed-fail systemctl --user is-failed ref-fail.service
run reset-failed-fail systemctl --user reset-failed ref-fail.service
run start-missing systemctl --user start no-such.service
run stop-missing systemctl --user stop no-such.service
run start-invalid systemctl --user start 'foo@bar@baz.service'
run restart-simple systemctl --user restart ref-simple.service
run stop-simple systemctl --user stop ref-simple.service
run is-active-stopped systemctl --user is-active ref-simple.service
run enable-simple systemctl --user enable ref-simple.service
run is-enabled-simple systemctl --user is-enabled ref-simple.service
run disable-simple systemctl --user disable ref-simple.service
run daemon-reload systemctl --user daemon-reload
run set-environment systemctl --user set-environment LINGER_REF=1
run show-environment-has systemctl --user show-environment
run run-wait systemd-run --user --wait -q /bin/true
run run-wait-fail systemd-run --user --wait -q /bin/false
run busctl-getunit-missing $B call $SD $P $SD.Manager GetUnit s no-such.service
run busctl-getunit-simple $B call $SD $P $SD.Manager GetUnit s ref-simple.service
run busctl-loadunit-invalid $B call $SD $P $SD.Manager LoadUnit s 'bad name'
run busctl-wrong-signature $B call $SD $P $SD.Manager GetUnit u 5
run busctl-unknown-method $B call $SD $P $SD.Manager Frobnicate
run busctl-unknown-interface $B call $SD $P org.example.Nope Frobnicate
run busctl-unknown-object $B call $SD /org/freedesktop/systemd1/nope $SD.Unit Start s replace
run busctl-get-activestate $B get-property $SD $P/unit/ref_2dsimple_2eservice $SD.Unit ActiveState
run busctl-get-unknown-property $B get-property $SD $P/unit/ref_2dsimple_2eservice $SD.Unit NoSuchProperty
run busctl-startunit-badmode $B call $SD $P $SD.Manager StartUnit ss ref-simple.service sideways
run busctl-getunitbypid-bad $B call $SD $P $SD.Manager GetUnitByPID u 999999
run busctl-activation $B call $SD $P $SD.Manager StartUnit ss ref-dbus.service replace
sleep 1
run is-active-dbus systemctl --user is-active ref-dbus.service
run stop-dbus systemctl --user stop ref-dbus.service
run dconf-activation timeout 5 gdbus call --session --dest ca.desrt.dconf --object-path /ca/desrt/dconf/Writer/user --method org.freedesktop.DBus.Peer.Ping
run is-active-dconf systemctl --user is-active dconf.service
# Added later (appended so the job numbers above stay the same): status of the manager and of
# a oneshot that ran (its "Process:" line).
run status-oneshot systemctl --user status ref-oneshot.service
run status-manager systemctl --user status
run cancel-missing systemctl --user cancel 4242
run start-masked systemctl --user start ref-masked.service
run start-refuse systemctl --user start ref-refuse.service
run start-bad systemctl --user start ref-bad.service
bash $SU run $U systemctl --user start ref-simple.service
run reload-simple systemctl --user reload ref-simple.service
run busctl-getunitbyinvocationid-unknown $B call $SD $P $SD.Manager GetUnitByInvocationID ay 16 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16
run busctl-getunitbyinvocationid-invalid $B call $SD $P $SD.Manager GetUnitByInvocationID ay 3 1 2 3
bash $SU stop $U
# Paths and names that differ from a linger run are written the same way in both.
sed -i -e "s|$RT|\$XDG_RUNTIME_DIR|g" -e "s|$HOME_|\$HOME|g" -e "s/$U/\$USER/g" $OUT/*.txt
echo "captured into $OUT"
