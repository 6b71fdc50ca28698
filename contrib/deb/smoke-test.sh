#!/usr/bin/env bash
# Install the .deb built by build.sh and use it as an administrator would: the binary, the
# links, the man pages, the PAM module's place, and a lingering user's service started at
# boot by the packaged daemon (its init script). Root only; removes everything it made.
#   contrib/deb/smoke-test.sh target/linger_VERSION_ARCH.deb
set -euo pipefail
deb=$1
[ "$(id -u)" = 0 ] || { echo "smoke-test.sh: needs root" >&2; exit 1; }
user=lsmoke$$
daemon_started=
cleanup() {
  set +e
  [ -n "$daemon_started" ] && /etc/init.d/linger-login stop >/dev/null 2>&1
  rm -f "/var/lib/systemd/linger/$user"
  id "$user" >/dev/null 2>&1 && userdel -r "$user" >/dev/null 2>&1
  dpkg --purge linger >/dev/null 2>&1
}
trap cleanup EXIT
fail() { echo "smoke-test: FAILED: $*" >&2; [ -f /var/log/linger-login.log ] && tail -20 /var/log/linger-login.log >&2; exit 1; }

dpkg -i "$deb" >/dev/null
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
/usr/bin/linger --version | grep -q '^systemd 252 (linger ' || fail "linger --version"
/usr/lib/linger/bin/systemctl --version | grep -q '(linger ' || fail "the systemctl link"
[ -f "/usr/lib/$multiarch/security/pam_linger.so" ] || fail "pam_linger.so not in the security directory"
man -w linger >/dev/null 2>&1 || fail "man linger"
man -P cat linger-systemctl 2>/dev/null | grep -q 'LINGER-SYSTEMCTL' || fail "man linger-systemctl"
man -w pam_linger >/dev/null 2>&1 || fail "man pam_linger"
( . /etc/profile.d/linger.sh; [ -d /run/systemd/system ] || [ "$(command -v systemctl)" = /usr/lib/linger/bin/systemctl ] ) \
  || fail "profile.d does not put the links on PATH"

# A lingering user with an enabled service, then the daemon as init would start it.
for _ in 1 2 3 4 5; do useradd -m -s /bin/sh "$user" 2>/dev/null && break; sleep 1; done
id "$user" >/dev/null || fail "useradd"
home=$(getent passwd "$user" | cut -d: -f6)
uid=$(id -u "$user")
units=$home/.config/systemd/user
mkdir -p "$units/default.target.wants"
cat > "$units/hello.service" <<'EOF'
[Service]
ExecStart=/bin/sh -c 'trap "echo stopped > %h/stopped; exit 0" TERM; echo up > %h/up; sleep 600 & wait'
[Install]
WantedBy=default.target
EOF
ln -s "$units/hello.service" "$units/default.target.wants/hello.service"
chown -R "$user:" "$home/.config"
mkdir -p /var/lib/systemd/linger
touch "/var/lib/systemd/linger/$user"
daemon_started=1
# Exactly WSL's `[boot] command` from the README.
service linger-login start >/dev/null || fail "service linger-login start did not start the daemon"
for _ in $(seq 300); do [ -f "$home/up" ] && break; sleep 0.1; done
[ -f "$home/up" ] || fail "the lingering user's service did not start"
state=$(runuser -u "$user" -- env XDG_RUNTIME_DIR="/run/user/$uid" /usr/lib/linger/bin/systemctl --user is-active hello.service) \
  || fail "systemctl --user is-active said $state"
/usr/lib/linger/bin/loginctl show-user "$user" -p Linger | grep -q 'Linger=yes' || fail "loginctl show-user"
# What the README says to run before `wsl --shutdown`: the service is stopped by its manager.
service linger-login stop >/dev/null || fail "service linger-login stop"
daemon_started=
[ -f "$home/stopped" ] || fail "service linger-login stop did not stop the user's service through its manager"
echo "smoke-test: ok ($deb installed, man pages, links, PAM module, lingering service started and stopped by the packaged daemon through service(8))"
