#!/bin/sh
# The linker the workspace's .cargo/config.toml names for x86_64-unknown-linux-gnu: `cc` with
# rustc's arguments unchanged, except that when crates/cli/build.rs asked for a function order
# (-Wl,--symbol-ordering-file=FILE, release builds of the `linger` binary) it first writes the
# order with this link's own symbol names and passes that file instead.
#
# Why: lld matches an ordering file's names exactly, and a Rust symbol's name ends in a hash
# (`17h<16 hex>E`, and `.llvm.<digits>` for ThinLTO-promoted locals) that changes whenever the
# crate's or any dependency's -C metadata changes: a Cargo.lock update, another profile, a
# `--workspace` build unifying features differently. symbol-order.txt then fell to 9-61% of its
# names. Here a name the link does not have is looked up without its hashes among the link's
# own symbols; when several share that name (instances of one generic function) the one whose
# size is the file's `# SIZE` comment is taken, else the nearest in size. Each symbol is taken
# once. Names the link has are kept as they are.
#
# Needs only a POSIX shell, awk and nm (binutils); if a step fails, the link goes on with the
# file as it was (a stale file costs locality, never the build). LINGER_LINK_CC: the C compiler
# driver to run (default cc, what rustc runs when no linker is configured).
cc=${LINGER_LINK_CC:-cc}
order=
for a do
    case $a in -Wl,--symbol-ordering-file=*) order=${a#-Wl,--symbol-ordering-file=} ;; esac
done
{ [ -n "$order" ] && [ -r "$order" ]; } || exec "$cc" "$@"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ordered-link.XXXXXX") || exec "$cc" "$@"
trap 'rm -rf "$tmp"; exit 1' HUP INT TERM
: >"$tmp/objects"
for a do
    case $a in *.o) printf '%s\n' "$a" >>"$tmp/objects" ;; esac
done
cat >"$tmp/order.awk" <<'AWK'
function strip(n) {
    sub(/\.llvm\.[0-9]+$/, "", n)
    sub(/17h[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]E$/, "E", n)
    return n
}
function hex(s,   i, v) {
    v = 0
    for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
    return v
}
# nm -S: ADDRESS SIZE TYPE NAME (symbols without a size have three fields).
FNR == NR {
    if (NF == 4 && ($3 == "t" || $3 == "T" || $3 == "w" || $3 == "W") && !($4 in size)) {
        size[$4] = hex($2)
        k = strip($4)
        n[k]++
        cand[k, n[k]] = $4
    }
    next
}
# The order file: NAME [# SIZE] lines and comment lines.
{
    name = $0
    sub(/[ \t]*#.*/, "", name)
    if (name == "") { print; next }
    want = $0
    if (sub(/^[^#]*#[ \t]*/, "", want) && want ~ /^[0-9]+$/) want += 0; else want = -1
    if (name in size) {
        if (!(name in used)) { used[name] = 1; print name }
        next
    }
    k = strip(name)
    best = ""
    for (i = 1; i <= n[k]; i++) {
        c = cand[k, i]
        if (c in used) continue
        d = want < 0 ? 0 : size[c] - want
        if (d < 0) d = -d
        if (best == "" || d < bestd) { best = c; bestd = d }
        if (d == 0) break
    }
    if (best != "") { used[best] = 1; print best }
}
AWK
resolved=$order
# shellcheck disable=SC2046 # object paths are rustc's own (no spaces in target/ or TMPDIR)
if [ -s "$tmp/objects" ] && nm -S --defined-only $(cat "$tmp/objects") >"$tmp/syms" 2>/dev/null &&
    [ -s "$tmp/syms" ] && awk -f "$tmp/order.awk" "$tmp/syms" "$order" >"$tmp/order"; then
    resolved=$tmp/order
fi

for a do
    shift
    case $a in -Wl,--symbol-ordering-file=*) a=-Wl,--symbol-ordering-file=$resolved ;; esac
    set -- "$@" "$a"
done
"$cc" "$@"
rc=$?
rm -rf "$tmp"
exit $rc
