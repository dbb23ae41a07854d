#!/usr/bin/env bash
# tests/fresh/run.sh — the README's two commands on a freshly installed Debian 12.
#
# Debootstraps a minimal Debian 12 (bookworm, variant minbase, plus git and
# make: nothing else) into a folder, clones this repository into it (the
# committed HEAD, as a user's clone would be), copies ../shared beside the
# clone (the benchmark data bench-smoke reads), and runs `make demo` then
# `make test` in a chroot as root, the way README.md's quick start says.
# Exit 0 when both pass; otherwise the status of the first that failed.
# Not part of `make test`: it downloads a system and the packages (minutes).
# Documented in tests/fresh/README.md.
#
# Usage (as root): tests/fresh/run.sh [FOLDER]    (default /var/tmp/mtcheck-fresh,
# emptied first). KEEP=1 leaves the folder in place afterwards.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
root=${1:-/var/tmp/mtcheck-fresh}
suite=bookworm

say() { printf '== %s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }

if [ "$(id -u)" -ne 0 ]; then echo "tests/fresh/run.sh: run as root (debootstrap and chroot need it)" >&2; exit 2; fi

# The Debian mirror apt already uses (deb822 .sources or one-line sources.list).
mirror=$(awk '/^URIs:/ { u = $2 } /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == "'$suite'" && u != "") { print u; exit } }' \
           /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
if [ -z "$mirror" ]; then
  mirror=$(awk '$1 == "deb" && $3 == "'$suite'" { print $2; exit }' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true)
fi
mirror=${mirror:-http://deb.debian.org/debian}

if ! command -v debootstrap >/dev/null; then
  say "installing debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 debootstrap
fi

unmount_all() {
  for m in dev/pts dev/shm dev sys proc; do
    if mountpoint -q "$root/$m" 2>/dev/null; then umount -l "$root/$m" || true; fi
  done
}
cleanup() {
  unmount_all
  if [ "${KEEP:-0}" != 1 ] && [ -d "$root" ]; then rm -rf --one-file-system "$root"; fi
}
trap cleanup EXIT

unmount_all
rm -rf --one-file-system "$root"
mkdir -p "$root"

say "debootstrap $suite (minbase + git, make) from $mirror into $root"
debootstrap --variant=minbase --include=git,make "$suite" "$root" "$mirror" > "$root.debootstrap.log" 2>&1 \
  || { tail -n 30 "$root.debootstrap.log"; exit 3; }
tail -n 1 "$root.debootstrap.log"; rm -f "$root.debootstrap.log"

# What a chroot lacks and a booted machine has: /proc, /sys, /dev, name resolution.
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mount -t tmpfs shm "$root/dev/shm"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
# No daemon started inside the chroot by a package's postinst (the usual chroot policy).
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"; chmod +x "$root/usr/sbin/policy-rc.d"

say "cloning $repo (HEAD $(git -C "$repo" rev-parse --short HEAD)) into /root/work/mtcheck; ../shared beside it"
mkdir -p "$root/root/work"
git clone -q --no-hardlinks "$repo" "$root/root/work/mtcheck"
if [ -d "$repo/../shared" ]; then cp -a "$repo/../shared/." "$root/root/work/shared/"; fi

in_chroot() {
  chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    /bin/sh -c "cd /root/work/mtcheck && $1"
}
say "in the chroot: $(in_chroot 'echo "Debian $(cat /etc/debian_version), $(dpkg-query -W | wc -l) packages, no compiler: $(command -v cc || echo none)"')"

status=0
for cmd in "make demo" "make test"; do
  say "$cmd"
  set +e; in_chroot "$cmd" 2>&1; rc=$?; set -e
  say "$cmd: exit status $rc"
  if [ "$rc" -ne 0 ]; then status=$rc; break; fi
done
if [ $status -eq 0 ]; then say "PASS: make demo and make test on a fresh Debian 12, first run"; else say "FAIL"; fi
exit $status
