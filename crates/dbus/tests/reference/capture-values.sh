#!/bin/bash
# Capture the VALUES a REAL `systemd --user` 252 gives for every property of its objects
# (Properties.GetAll as busctl's JSON), for the reference units of units.sh, into
# tests/reference/systemd252/getall-*.json. linger's property tables answer systemd's value for
# a setting linger does not have; tests/tables.rs compares those answers with these files.
# Run as root on Debian 12 with systemd 252 installed but not PID 1:
#   bash crates/dbus/tests/reference/capture-values.sh
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$HERE/systemd252
SU=$HERE/systemd-user.sh
U=lingerdbusref
id $U >/dev/null 2>&1 || useradd -m $U
HOME_=$(getent passwd $U | cut -d: -f6)
UNITS=$HOME_/.config/systemd/user
. $HERE/units.sh
bash $SU start $U || exit 1
P=/org/freedesktop/systemd1
getall() { # getall NAME PATH → $OUT/getall-NAME.json
  bash $SU run $U busctl --user --json=pretty call org.freedesktop.systemd1 "$2" \
    org.freedesktop.DBus.Properties GetAll s "" > "$OUT/getall-$1.json" </dev/null
}
getall manager $P
for u in ref_2dsimple_2eservice ref_2esocket ref_2etimer default_2etarget app_2eslice init_2escope; do
  getall $u $P/unit/$u
done
# How systemd answers what a user manager does not do (gdbus-refuse-*.txt: gdbus prints the
# error's name), in capture.sh's format.
run() { # run NAME CMD... → $OUT/NAME.txt
  local name=$1; shift
  bash $SU run $U "$@" >/tmp/$U.out 2>/tmp/$U.err </dev/null
  local rc=$?
  { echo "\$ $*"; echo "--- stdout"; cat /tmp/$U.out; echo "--- stderr"; cat /tmp/$U.err; echo "--- exit $rc"; } > $OUT/$name.txt
}
G="gdbus call --session --dest org.freedesktop.systemd1 --object-path $P --method org.freedesktop.systemd1.Manager"
run gdbus-refuse-reboot $G.Reboot
run gdbus-refuse-poweroff $G.PowerOff
run gdbus-refuse-halt $G.Halt
run gdbus-refuse-kexec $G.KExec
run gdbus-refuse-switchroot $G.SwitchRoot / /sbin/init
run gdbus-refuse-lookupdynamicuserbyname $G.LookupDynamicUserByName foo
run gdbus-refuse-lookupdynamicuserbyuid $G.LookupDynamicUserByUID 61200
run gdbus-refuse-getdynamicusers $G.GetDynamicUsers
run gdbus-refuse-getunitbycontrolgroup $G.GetUnitByControlGroup /nope
run gdbus-refuse-startunitwithflags $G.StartUnitWithFlags ref-oneshot.service replace 1
run gdbus-refuse-getjobafter $G.GetJobAfter 4242
run gdbus-refuse-bindmountunit $G.BindMountUnit no-such.service /tmp /mnt false false
run gdbus-refuse-abandonscope $G.AbandonScope init.scope
run gdbus-refuse-cleanunit $G.CleanUnit ref-simple.service "['all']"
run gdbus-refuse-unrefunit $G.UnrefUnit default.target
run gdbus-clearjobs $G.ClearJobs
run gdbus-setshowstatus $G.SetShowStatus yes
run gdbus-enqueuemarkedjobs $G.EnqueueMarkedJobs
bash $SU stop $U
sed -i -e "s|/run/user/$(id -u $U)|\$XDG_RUNTIME_DIR|g" -e "s|$HOME_|\$HOME|g" -e "s/$U/\$USER/g" $OUT/gdbus-*.txt $OUT/getall-*.json
echo "captured into $OUT/getall-*.json"
