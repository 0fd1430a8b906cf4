#!/usr/bin/env bash
# Build the Runbox base image (Debian bookworm, minimal) as TAG.
#
#   images/base/build.sh TAG
#
# Does nothing when TAG already exists. Otherwise:
#   1. tries `docker pull debian:bookworm-slim` (works where a registry is reachable);
#   2. falls back to `debootstrap --variant=minbase bookworm` from the Debian mirror that
#      this machine's apt is configured with, and `docker import`s the result.
# The mirror is read from the apt sources at run time; no host name is written here.
set -euo pipefail

log() { printf '[images] %s\n' "$*" >&2; }
die() { printf '[images] error: %s\n' "$*" >&2; exit 1; }

if [ $# -ne 1 ] || [ -z "$1" ]; then die "usage: $0 TAG"; fi
tag=$1
suite=bookworm

if docker image inspect "$tag" >/dev/null 2>&1; then
  log "base image $tag already exists"
  exit 0
fi

# --- Path 1: registry -------------------------------------------------------------------
log "base: trying docker pull debian:$suite-slim (20 s timeout)"
if timeout 20 docker pull "debian:$suite-slim" >/dev/null 2>&1; then
  docker tag "debian:$suite-slim" "$tag"
  log "base: tagged debian:$suite-slim as $tag"
  exit 0
fi
log "base: no registry reachable, building with debootstrap instead"

# --- Path 2: debootstrap ----------------------------------------------------------------
command -v debootstrap >/dev/null 2>&1 \
  || die "debootstrap is missing and no registry is reachable; install it with: apt-get install debootstrap"
[ "$(id -u)" -eq 0 ] || die "debootstrap needs root; run this script as root."

# Print "deb URI SUITE COMPONENTS..." for every enabled binary source of this machine's apt,
# from one-line lists and deb822 .sources files alike.
apt_source_lines() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    # drop comments and [options], keep "deb URI suite comps..."
    sed -e 's/#.*//' -e 's/\[[^]]*\]//g' "$f" | awk '$1 == "deb" && NF >= 3 { $1 = "deb"; print }'
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk '
      function flush(   i, j, k, nu, ns, u, s) {
        if (types ~ /(^|[ \t])deb([ \t]|$)/ && enabled != "no" && uris != "" && suites != "") {
          nu = split(uris, u, /[ \t]+/); ns = split(suites, s, /[ \t]+/)
          for (i = 1; i <= nu; i++) for (j = 1; j <= ns; j++)
            if (u[i] != "" && s[j] != "") print "deb", u[i], s[j], comps
        }
        types = uris = suites = comps = ""; enabled = "yes"; key = ""
      }
      BEGIN { enabled = "yes" }
      /^[ \t]*#/ { next }
      /^[ \t]*$/ { flush(); next }
      /^[ \t]/ { # continuation line
        v = $0; sub(/^[ \t]+/, "", v)
        if (key == "uris") uris = uris " " v; else if (key == "suites") suites = suites " " v
        else if (key == "components") comps = comps " " v
        next
      }
      {
        k = tolower($0); sub(/:.*/, "", k); v = $0; sub(/^[^:]*:[ \t]*/, "", v); sub(/[ \t]+$/, "", v)
        key = k
        if (k == "types") types = v; else if (k == "uris") uris = v; else if (k == "suites") suites = v
        else if (k == "components") comps = v; else if (k == "enabled") enabled = tolower(v)
      }
      END { flush() }
    ' "$f"
  done
}

sources=$(apt_source_lines | awk -v s="$suite" '$3 == s || index($3, s "-") == 1 || index($3, s "/") == 1' || true)
mirror=$(printf '%s\n' "$sources" | awk -v s="$suite" '$3 == s { print $2; exit }')
[ -n "$mirror" ] \
  || die "no Debian '$suite' mirror found in /etc/apt/sources.list or /etc/apt/sources.list.d/*.sources; add one and retry."

dir=$(mktemp -d /var/tmp/runbox-base.XXXXXX)
: "${dir:?}"
cleanup() {
  # debootstrap mounts /proc and /sys inside the target; make sure nothing is mounted before deleting
  local m
  awk -v d="$dir" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r | while read -r m; do
    umount -l "$m" 2>/dev/null || true
  done
  rm -rf --one-file-system "$dir"
}
trap cleanup EXIT

start=$SECONDS
log "base: debootstrap --variant=minbase $suite into $dir (about a minute)"
if ! debootstrap --variant=minbase "$suite" "$dir" "$mirror" >"$dir.log" 2>&1; then
  tail -n 20 "$dir.log" >&2 || true
  rm -f "$dir.log"
  die "debootstrap failed (see the lines above)."
fi
rm -f "$dir.log"
log "base: debootstrap done in $((SECONDS - start)) s"

# apt sources inside the image: every $suite* source of this machine (main, updates, security);
# debootstrap's own sources.list (main only) is kept when there is nothing better.
if [ -n "$sources" ]; then
  printf '%s\n' "$sources" >"$dir/etc/apt/sources.list"
fi

# Keep the image small, the way the official slim images do: no docs, man pages or locales
# now or in any later apt-get install, no downloaded .debs or package lists.
cat >"$dir/etc/dpkg/dpkg.cfg.d/runbox-slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
EOF
cat >"$dir/etc/apt/apt.conf.d/runbox-clean" <<'EOF'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
Acquire::Languages "none";
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
find "$dir/usr/share/doc" -mindepth 1 ! -name copyright ! -type d -delete 2>/dev/null || true
find "$dir/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
rm -rf "${dir:?}"/usr/share/man/* "${dir:?}"/usr/share/info/* "${dir:?}"/usr/share/lintian/* "${dir:?}"/usr/share/groff/*
find "$dir/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} + 2>/dev/null || true
rm -rf "${dir:?}"/var/cache/apt/archives/*.deb "${dir:?}"/var/cache/apt/*.bin "${dir:?}"/var/lib/apt/lists/* \
  "${dir:?}"/var/log/*.log "${dir:?}"/var/log/apt/* "${dir:?}"/dev/* "${dir:?}"/tmp/* "${dir:?}"/var/tmp/*
mkdir -p "$dir/var/lib/apt/lists/partial" "$dir/var/cache/apt/archives/partial"
: >"$dir/etc/hostname"
: >"$dir/etc/resolv.conf"

log "base: importing into docker as $tag"
tar --numeric-owner -C "$dir" -c . | docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["bash"]' \
  - "$tag" >/dev/null
log "base: $tag ready ($((SECONDS - start)) s)"
