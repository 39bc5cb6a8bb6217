# Shared by the scripts: paths, logging, and the toolchain checks.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL_DIR="$ROOT/.local"
# Builds are reused across clones and runs: keep the target directory outside the checkout.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/casrec-migration/target}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

apt_install() {
  command -v apt-get >/dev/null || return 1
  say "installing $* from Debian's packages"
  as_root apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

need_rust() {
  if ! command -v cargo >/dev/null; then
    [ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
  fi
  command -v cargo >/dev/null || die "Rust is not installed: install it with rustup (https://rustup.rs), version 1.94 or later"
  local v
  v="$(rustc --version | awk '{print $2}')"
  case "$v" in
    1.[0-8][0-9].*|1.9[0-3].*) die "Rust $v is too old: this workspace needs 1.94 or later (rustup update)";;
  esac
}

need_nextest() {
  if ! cargo nextest --version >/dev/null 2>&1; then
    say "installing cargo-nextest from crates.io"
    cargo install cargo-nextest --locked --quiet
  fi
}

need_chromium() {
  # The report tests open the HTML pages in headless Chromium (Debian's package).
  if ! command -v chromium >/dev/null; then
    command -v apt-get >/dev/null || die "Chromium is not installed and apt-get is not available: install chromium"
    say "installing Chromium (Debian's package) for the report tests"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >/dev/null \
      || { $sudo apt-get update -qq >/dev/null && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >/dev/null; } \
      || die "could not install chromium with apt-get"
  fi
}

need_moto() {
  # The Step Functions tests run against moto's server; 5.2.5 is the first that runs a second
  # execution on one server.
  if ! python3 -c 'import moto, sys; v = tuple(int(x) for x in moto.__version__.split(".")[:3]); sys.exit(v < (5, 2, 5))' 2>/dev/null; then
    say "installing moto's server (pip) for the Step Functions tests"
    python3 -m pip install --quiet --disable-pip-version-check "moto[server]>=5.2.5"
  fi
}
