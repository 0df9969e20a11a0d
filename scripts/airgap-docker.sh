#!/usr/bin/env bash
# Make Docker usable on a machine that reaches no registry (CI here, air-gapped laptops):
#   1. install docker.io and debootstrap from Debian if missing,
#   2. start dockerd if no engine answers,
#   3. build the images the examples need from Debian packages — runbookunit/postgres:15 and runbookunit/jre:17 —
#      tagged by a content key so a second run is quick,
#   4. point Testcontainers at them: ~/.testcontainers.properties gets checks.disable and
#      image.substitutor=org.runbookunit.rehearsal.LocalImageSubstitutor, which maps ordinary names
#      (postgres:16-alpine, eclipse-temurin:17-jre) to these local builds.
# Testcontainers 2 reads two more settings only from the environment: export TESTCONTAINERS_RYUK_DISABLED=true (Ryuk's
# image cannot be pulled) and TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 (else, inside a container, it probes the gateway
# with an alpine image it cannot pull). The project's Surefire configuration sets both for its own tests.
# Usage: scripts/airgap-docker.sh        (as root; idempotent)
set -euo pipefail
cd "$(dirname "$0")"

suite=bookworm
cache=${RUNBOOKUNIT_IMAGE_CACHE:-/var/cache/runbookunit}
log() { printf '[airgap-docker] %s\n' "$*"; }

install_packages() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null
  fi
}

start_engine() {
  if docker info >/dev/null 2>&1; then
    log "docker engine already answers"
    return
  fi
  log "starting dockerd"
  mkdir -p /var/log
  nohup dockerd --storage-driver overlay2 --iptables=false >/var/log/runbookunit-dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && { log "docker engine is up"; return; }
    sleep 1
  done
  log "dockerd did not answer within 60 s:"; tail -20 /var/log/runbookunit-dockerd.log; exit 1
}

# build_image TAG PACKAGES EXTRA_SETUP_FUNCTION
build_image() {
  local tag=$1 packages=$2 setup=$3
  local key
  key=$(printf '%s\n%s\n%s\n' "$suite" "$packages" "$(declare -f "$setup")$(cat images/* 2>/dev/null)" | sha256sum | cut -c1-12)
  if docker image inspect "$tag-$key" >/dev/null 2>&1; then
    docker tag "$tag-$key" "$tag"
    log "$tag is cached ($tag-$key)"
    return
  fi
  local root="$cache/rootfs-${tag//[:\/]/-}-$key"
  if [ ! -f "$root/.complete" ]; then
    log "debootstrap $suite with $packages (about a minute)"
    rm -rf "$root"
    mkdir -p "$root"
    debootstrap --variant=minbase --include="$packages" "$suite" "$root" >"$cache/debootstrap.log" 2>&1 \
      || { tail -30 "$cache/debootstrap.log"; exit 1; }
    touch "$root/.complete"
  fi
  "$setup" "$root"
  log "importing $tag"
  tar -C "$root" --exclude=./.complete -c . | docker import "${changes[@]}" - "$tag-$key" >/dev/null
  docker tag "$tag-$key" "$tag"
}

postgres_setup() {
  install -m 0755 images/postgres-entrypoint.sh "$1/usr/local/bin/docker-entrypoint.sh"
  mkdir -p "$1/docker-entrypoint-initdb.d"
  rm -rf "$1/var/lib/postgresql/15/main"
  changes=(--change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' --change 'CMD ["postgres"]'
           --change 'EXPOSE 5432' --change 'ENV LANG=C.UTF-8')
}

jre_setup() {
  changes=(--change 'ENV LANG=C.UTF-8' --change 'CMD ["java", "-version"]')
}

configure_testcontainers() {
  local file="$HOME/.testcontainers.properties"
  touch "$file"
  for setting in ryuk.disabled=true checks.disable=true image.substitutor=org.runbookunit.rehearsal.LocalImageSubstitutor; do
    grep -q "^${setting%%=*}=" "$file" && sed -i "s|^${setting%%=*}=.*|$setting|" "$file" || echo "$setting" >> "$file"
  done
  log "Testcontainers settings in $file: $(tr '\n' ' ' < "$file")"
}

install_packages
start_engine
mkdir -p "$cache"
changes=()
build_image runbookunit/postgres:15 postgresql-15 postgres_setup
build_image runbookunit/jre:17 openjdk-17-jre-headless,ca-certificates-java jre_setup
configure_testcontainers
docker images --format '{{.Repository}}:{{.Tag}}  {{.Size}}' | grep '^runbookunit/' | grep -v -- '-[0-9a-f]\{12\}' || true
