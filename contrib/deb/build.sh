#!/usr/bin/env bash
# Build linger_VERSION_ARCH.deb with dpkg-deb from an existing cargo build (no cargo-deb, no
# second compile: CI packages the binaries its tests already built).
#   contrib/deb/build.sh [debug|release]      → target/linger_VERSION_ARCH.deb (path printed)
# Installs: /usr/bin/linger; the personality links in /usr/lib/linger/bin (put first on PATH
# by /etc/profile.d/linger.sh where systemd is not PID 1, so they never shadow systemd's own
# tools on a systemd machine, nor clash with the systemd package's files); pam_linger.so in
# the multiarch security directory; man pages; completions for `linger` (the personalities'
# ones in /usr/share/linger/completions: systemd's package owns those names); the sysvinit
# script (/etc/init.d/linger-login, not enabled) and /etc/linger/.
set -euo pipefail
cd "$(dirname "$0")/../.."
profile=${1:-release}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
arch=$(dpkg --print-architecture)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
bin=target/$profile/linger
pam=target/$profile/libpam_linger.so
[ -x "$bin" ] && [ -f "$pam" ] || { echo "build first: cargo build ${profile/debug/} --workspace" >&2; exit 1; }

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
install -Dm755 "$bin" "$root/usr/bin/linger"
install -Dm644 "$pam" "$root/usr/lib/$multiarch/security/pam_linger.so"
mkdir -p "$root/usr/lib/linger/bin"
for name in systemctl journalctl loginctl systemd-run systemd-analyze systemd-escape systemd-notify systemd-cat; do
  ln -s /usr/bin/linger "$root/usr/lib/linger/bin/$name"
done
install -Dm644 /dev/stdin "$root/etc/profile.d/linger.sh" <<'PROFILE'
# linger: where systemd is not the init system, its tool names (systemctl, journalctl, …)
# are linger's. Where systemd is PID 1 they stay systemd's.
if [ ! -d /run/systemd/system ]; then
  case ":$PATH:" in *:/usr/lib/linger/bin:*) ;; *) PATH=/usr/lib/linger/bin:$PATH ;; esac
  export PATH
fi
PROFILE
for page in man/*.[18]; do
  section=${page##*.}
  mkdir -p "$root/usr/share/man/man$section"
  gzip -9n < "$page" > "$root/usr/share/man/man$section/$(basename "$page").gz"
done
install -Dm644 completions/bash/linger "$root/usr/share/bash-completion/completions/linger"
install -Dm644 completions/zsh/_linger "$root/usr/share/zsh/vendor-completions/_linger"
install -Dm644 completions/fish/linger.fish "$root/usr/share/fish/vendor_completions.d/linger.fish"
mkdir -p "$root/usr/share/linger"
cp -r completions "$root/usr/share/linger/completions"
install -Dm755 contrib/sysvinit/linger-login "$root/etc/init.d/linger-login"
mkdir -p "$root/etc/linger/logind.conf.d" "$root/var/lib/systemd/linger"
install -Dm644 README.md "$root/usr/share/doc/linger/README.md"

size=$(du -sk "$root" | cut -f1)
mkdir -p "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<CONTROL
Package: linger
Version: $version
Architecture: $arch
Maintainer: linger developers <linger@example.invalid>
Installed-Size: $size
Depends: libc6, libpam0g
Section: admin
Priority: optional
Homepage: https://example.invalid/linger
Description: systemd's lingering user services, without systemd
 A login daemon (sessions, linger, one service manager per user), a per-user
 service manager and journal, a PAM module, and one multi-call binary answering
 to systemctl, journalctl, loginctl, systemd-run, systemd-analyze, systemd-escape,
 systemd-notify and systemd-cat — for machines and containers where systemd is not PID 1.
CONTROL
printf '/etc/init.d/linger-login\n/etc/profile.d/linger.sh\n' > "$root/DEBIAN/conffiles"
out=target/linger_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
echo "$out"
