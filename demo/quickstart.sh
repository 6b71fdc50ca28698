#!/usr/bin/env bash
# The how-to session, with no root: build linger, start your user manager, install the
# simple-web.service example, enable --now it, curl it, kill it and watch Restart=always bring
# it back, read its log, stop it. Everything lives in a temp dir that is removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8080}

echo "==> building linger (release)"
cargo build --release --quiet -p linger
BIN=$PWD/target/release/linger

DEMO=$(mktemp -d /tmp/linger-demo.XXXXXX)
export HOME=$DEMO/home XDG_RUNTIME_DIR=$DEMO/run
unset XDG_CONFIG_HOME XDG_STATE_HOME
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
"$BIN" install-links "$DEMO/bin" >/dev/null
export PATH=$DEMO/bin:$PATH
cleanup() {
  [ -n "${MGR:-}" ] && kill "$MGR" 2>/dev/null && wait "$MGR" 2>/dev/null || true
  rm -rf "$DEMO"
}
trap cleanup EXIT

echo "==> starting the user manager: linger daemon --user"
"$BIN" daemon --user --no-system-units 2>"$DEMO/manager.log" &
MGR=$!
for _ in $(seq 100); do [ -S "$XDG_RUNTIME_DIR/linger/manager" ] && break; sleep 0.05; done

step() { echo; echo "\$ $*"; "$@"; }
mkdir -p ~/.config/systemd/user ~/web-content
echo "Hello from a linger user service" > ~/web-content/index.txt
cat > ~/.config/systemd/user/simple-web.service <<UNIT
[Unit]
Description=Simple Web Server
[Service]
ExecStart=/usr/bin/python3 -m http.server $PORT --bind 127.0.0.1
WorkingDirectory=$HOME/web-content
Restart=always
[Install]
WantedBy=default.target
UNIT
step cat ~/.config/systemd/user/simple-web.service
step systemctl --user daemon-reload
step systemctl --user enable --now simple-web.service
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/index.txt" >/dev/null 2>&1 && break; sleep 0.05; done
step systemctl --user status simple-web.service --no-pager
step curl -s "http://127.0.0.1:$PORT/index.txt"
PID=$(systemctl --user show -p MainPID --value simple-web.service)
step kill -9 "$PID"
sleep 1
step curl -s "http://127.0.0.1:$PORT/index.txt"
echo "(new main PID: $(systemctl --user show -p MainPID --value simple-web.service), was $PID;" \
     "restarts: $(systemctl --user show -p NRestarts --value simple-web.service))"
step systemctl --user status simple-web.service --no-pager -n 5
step systemctl --user stop simple-web.service
step systemctl --user is-active simple-web.service || true
echo
echo "==> demo finished"
