#!/usr/bin/env bash
# Build the Runbox sandbox images that are missing and write the image manifest.
#
#   scripts/images.sh [LANG...]      e.g. scripts/images.sh python c++
#
# Tags are content hashes, so an image is rebuilt only when its files (or the base) change:
#   base:  runbox-base:<12 hex of sha256 over the files in images/base>
#   lang:  runbox-<folder>:<12 hex of sha256 over the base tag and the files in images/<folder>>
# Manifest: ${RUNBOX_STATE_DIR:-.runbox}/images.json
#   {"python": {"image": "runbox-python:…", "version": "3.11.2"}, …}
# It lists every language whose current image exists, whichever languages were asked for.
set -euo pipefail

started=$SECONDS
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
images_dir="$root/images"
state_dir=${RUNBOX_STATE_DIR:-$root/.runbox}
manifest="$state_dir/images.json"

all_langs=(python javascript typescript bash ruby go c c++ rust java php)
# Languages added by an image folder alone: images/<id>/Dockerfile + images/<id>/language.json
# (see README, "Adding a language"). They are built like the others; their descriptor goes into
# the manifest, where the server reads it.
for d in "$images_dir"/*/; do
  id=$(basename "$d")
  [ -f "$d/language.json" ] && [ -f "$d/Dockerfile" ] || continue
  case " ${all_langs[*]} " in *" $id "*) continue ;; esac
  all_langs+=("$id")
done
is_custom() { [ -f "$images_dir/$(folder_of "$1")/language.json" ]; }

log() { printf '[images] %s\n' "$*" >&2; }
die() { printf '[images] error: %s\n' "$*" >&2; exit 1; }

folder_of() {
  case $1 in
    c++) printf 'cpp\n' ;;
    *) printf '%s\n' "$1" ;;
  esac
}

# sha256 over the names and contents of every file under $1, in sorted order, after the
# optional prefix $2; prints the first 12 hex digits.
content_hash() {
  local dir=$1 prefix=${2:-}
  {
    printf '%s\n' "$prefix"
    (cd "$dir" && find . -type f -print0 | LC_ALL=C sort -z | while IFS= read -r -d '' f; do
      printf '%s\0%s\n' "$f" "$(sha256sum <"$f" | cut -d' ' -f1)"
    done)
  } | sha256sum | cut -c1-12
}

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# Version cached in the old manifest for this exact image, if any.
cached_version() {
  local lang=$1 image=$2
  [ -f "$manifest" ] || return 0
  grep -F "\"$lang\": {\"image\": \"$image\", \"version\": \"" "$manifest" 2>/dev/null \
    | sed -n 's/.*"version": "\([^"]*\)".*/\1/p' | head -n 1 || true
}

read_version() {
  docker run --rm --network none --entrypoint cat "$1" /opt/runbox/version 2>/dev/null | tr -d '\r\n'
}

# ---------------------------------------------------------------------------------------
command -v docker >/dev/null 2>&1 || die "docker is not installed."
docker info >/dev/null 2>&1 || die "the Docker engine is not reachable (is dockerd running?)."

# Which languages to build: the arguments, or all of them.
if [ $# -gt 0 ]; then
  wanted=("$@")
  for lang in "${wanted[@]}"; do
    ok=no
    for known in "${all_langs[@]}"; do [ "$lang" = "$known" ] && ok=yes; done
    [ "$ok" = yes ] || die "unknown language id '$lang'; known ids: ${all_langs[*]}."
  done
else
  wanted=("${all_langs[@]}")
fi

base_tag="runbox-base:$(content_hash "$images_dir/base")"
if image_exists "$base_tag"; then
  log "base up to date ($base_tag)"
else
  log "building base image $base_tag"
  bash "$images_dir/base/build.sh" "$base_tag" || die "building the base image $base_tag failed; see the output above."
fi

# The runtime layer: base + rbrun (the sandbox's init and job runner), under every language.
runtime_tag="runbox-runtime:$(content_hash "$images_dir/runtime" "$base_tag")"
if image_exists "$runtime_tag"; then
  log "runtime up to date ($runtime_tag)"
else
  log "building runtime image $runtime_tag (base + rbrun)"
  docker build --force-rm --network host --build-arg "BASE=$base_tag" -t "$runtime_tag" "$images_dir/runtime" ||
    die "building the runtime image $runtime_tag failed; see the build output above."
  docker image prune -f --filter dangling=true --filter label=runbox.stage >/dev/null 2>&1 || true
fi

# Each language in two steps: its toolchain on the base (runbox-<lang>-deps, the slow part: apt,
# npm), then rbrun on top as the last layer (runbox-<lang>, seconds). A change to rbrun rebuilds
# only that last layer of every image.
declare -A tag_of deps_of version_of
for lang in "${all_langs[@]}"; do
  folder=$(folder_of "$lang")
  [ -f "$images_dir/$folder/Dockerfile" ] || die "images/$folder/Dockerfile is missing."
  deps_of[$lang]="runbox-$folder-deps:$(content_hash "$images_dir/$folder" "$base_tag")"
  tag_of[$lang]="runbox-$folder:$(content_hash "$images_dir/$folder" "$runtime_tag")"
done

ctx="" ctx_tmp="" tmp_manifest=""
cleanup() {
  if [ -n "$ctx_tmp" ]; then rm -rf "$ctx_tmp"; fi
  if [ -n "$tmp_manifest" ]; then rm -f "$tmp_manifest"; fi
  ctx_tmp=""
}
trap cleanup EXIT

# Sets ctx to the build context for a folder. A folder with npm-packages.txt gets a copy with
# those packages packed into vendor/ by the host's npm, which has this machine's registry and
# TLS settings (a build container may not trust a TLS-intercepting proxy's CA); without a
# host npm the Dockerfile fetches them itself.
build_context() {
  local folder=$1 dir="$images_dir/$1" pkgs
  ctx=$dir
  [ -f "$dir/npm-packages.txt" ] || return 0
  ctx_tmp=$(mktemp -d "${TMPDIR:-/tmp}/runbox-ctx.XXXXXX")
  cp -a "$dir/." "$ctx_tmp/"
  mkdir -p "$ctx_tmp/vendor"
  mapfile -t pkgs < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$dir/npm-packages.txt")
  if ! command -v npm >/dev/null 2>&1; then
    log "$folder: no npm on this machine; the image build will fetch ${pkgs[*]} itself"
  elif (cd "$ctx_tmp/vendor" && npm pack --silent "${pkgs[@]}" >/dev/null); then
    log "$folder: packed ${pkgs[*]} with the host's npm"
  else
    log "$folder: npm pack failed; the image build will fetch ${pkgs[*]} itself"
    rm -f "$ctx_tmp"/vendor/*
  fi
  ctx=$ctx_tmp
}

built=() failed=()
for lang in "${wanted[@]}"; do
  folder=$(folder_of "$lang")
  tag=${tag_of[$lang]}
  if image_exists "$tag"; then
    log "$lang up to date ($tag)"
    continue
  fi
  t0=$SECONDS
  deps=${deps_of[$lang]}
  if image_exists "$deps"; then
    log "$lang toolchain up to date ($deps)"
  else
    log "building $lang toolchain $deps"
    build_context "$folder"
    if ! docker build --force-rm --network host --build-arg "BASE=$base_tag" -t "$deps" "$ctx"; then
      cleanup
      log "error: building the $lang image ($deps) failed; see the build output above"
      failed+=("$lang")
      continue
    fi
    cleanup
  fi
  log "building $lang image $tag (toolchain + rbrun)"
  if ! printf 'FROM %s\nCOPY --from=%s /opt/runbox/rbrun /opt/runbox/rbrun\n' "$deps" "$runtime_tag" |
    docker build --force-rm -t "$tag" -; then
    log "error: adding rbrun to the $lang image ($tag) failed; see the build output above"
    failed+=("$lang")
    continue
  fi
  # a multi-stage build leaves its first stages behind as untagged images; drop them
  docker image prune -f --filter dangling=true --filter label=runbox.stage >/dev/null 2>&1 || true
  version=$(read_version "$tag") || true
  if [ -z "$version" ]; then
    docker rmi "$tag" >/dev/null 2>&1 || true
    log "error: the $lang image ($tag) was built but has no /opt/runbox/version; removed it"
    failed+=("$lang")
    continue
  fi
  version_of[$lang]=$version
  built+=("$lang")
  log "$lang built in $((SECONDS - t0)) s: $tag, version $version"
done

# Manifest: every language whose current image exists.
mkdir -p "$state_dir"
tmp_manifest=$(mktemp "$state_dir/.images.json.XXXXXX")
missing=()
{
  printf '{\n'
  sep=""
  for lang in "${all_langs[@]}"; do
    tag=${tag_of[$lang]}
    version=${version_of[$lang]:-}
    if [ -z "$version" ]; then
      if ! image_exists "$tag"; then
        missing+=("$lang")
        continue
      fi
      version=$(cached_version "$lang" "$tag")
      [ -n "$version" ] || version=$(read_version "$tag") || true
      [ -n "$version" ] || die "cannot read /opt/runbox/version from $tag."
    fi
    descriptor=""
    if is_custom "$lang"; then
      descriptor=$(node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); if (d.id !== process.argv[2]) { console.error("language.json: id must be the folder name, " + process.argv[2]); process.exit(1); } process.stdout.write(JSON.stringify(d))' "$images_dir/$(folder_of "$lang")/language.json" "$lang") ||
        die "images/$lang/language.json is not a valid descriptor."
      descriptor=", \"language\": $descriptor"
    fi
    printf '%s  "%s": {"image": "%s", "version": "%s"%s}' "$sep" "$lang" "$tag" "$version" "$descriptor"
    sep=$',\n'
  done
  printf '\n}\n'
} >"$tmp_manifest"
chmod 0644 "$tmp_manifest"
mv -f "$tmp_manifest" "$manifest"
tmp_manifest=""

if [ ${#missing[@]} -gt 0 ]; then
  log "not built yet (left out of the manifest): ${missing[*]}"
fi
log "built: ${built[*]:-nothing}; manifest: $manifest"
log "total time $((SECONDS - started)) s"
if [ ${#failed[@]} -gt 0 ]; then
  die "the image build failed for: ${failed[*]} (see the build output above); the other images are in the manifest."
fi

# Several Docker engines (RUNBOX_DOCKER_HOSTS): the images built above are copied to every
# engine that lacks them (docker save | docker load), so each engine runs the same tags.
if [ -n "${RUNBOX_DOCKER_HOSTS:-}" ]; then
  mapfile -t images < <(sed -n 's/.*"image": "\([^"]*\)".*/\1/p' "$manifest")
  IFS=',' read -r -a entries <<<"$RUNBOX_DOCKER_HOSTS"
  for entry in "${entries[@]}"; do
    entry=$(echo "$entry" | xargs)
    [ -n "$entry" ] || continue
    url=${entry%=*}
    [[ "$entry" =~ =[0-9]+$ ]] || url=$entry
    target_env=()
    case $url in
      unix://*) target_env=("DOCKER_HOST=$url") ;;
      tcp://*\?tls=*) target_env=("DOCKER_HOST=${url%%\?*}" "DOCKER_TLS_VERIFY=1" "DOCKER_CERT_PATH=${url##*tls=}") ;;
      tcp://* | ssh://*) target_env=("DOCKER_HOST=$url") ;;
      *) die "RUNBOX_DOCKER_HOSTS: cannot use '$entry' (unix://, tcp:// or ssh://)." ;;
    esac
    copied=()
    for image in "${images[@]}"; do
      if ! env "${target_env[@]}" docker image inspect "$image" >/dev/null 2>&1; then
        docker save "$image" | env "${target_env[@]}" docker load -q >/dev/null ||
          die "copying $image to the Docker engine $url failed."
        copied+=("$image")
      fi
    done
    log "engine $url: ${#copied[@]} image(s) copied, $((${#images[@]} - ${#copied[@]})) already there"
  done
fi
