# Shared by build-aux/run and build-aux/test: installs what a fresh Debian 12
# machine lacks and configures the build. Sourced, not run.

KEIKAKU_PACKAGES="
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  libxlsxwriter-dev
  desktop-file-utils appstream
  xvfb xauth dbus-daemon at-spi2-core python3-pyatspi fonts-noto-cjk fonts-morisawa-bizud-gothic fonts-morisawa-bizud-mincho
  locales poppler-utils qpdf
  valgrind clang libclang-rt-14-dev llvm
"

top=$(cd "$(dirname "$0")/.." && pwd)
builddir="$top/_build"
prefix="$builddir/prefix"

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo "$@"
  else
    echo "keikaku: these packages are missing; install them as root with:" >&2
    echo "  apt-get install -y $missing" >&2
    exit 1
  fi
}

install_packages() {
  missing=
  for package in $KEIKAKU_PACKAGES; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    case $status in
      *"ok installed"*) ;;
      *) missing="$missing $package" ;;
    esac
  done
  [ -z "$missing" ] && return 0
  echo "keikaku: installing$missing" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  # shellcheck disable=SC2086
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
}

# The Japanese interface and the tests under LANG=ja_JP.UTF-8 need the locale.
generate_locale() {
  locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$' && return 0
  missing="locales"
  as_root sh -c "sed -i 's/^# *ja_JP.UTF-8 UTF-8/ja_JP.UTF-8 UTF-8/' /etc/locale.gen &&
                 (grep -q '^ja_JP.UTF-8 UTF-8' /etc/locale.gen || echo 'ja_JP.UTF-8 UTF-8' >> /etc/locale.gen) &&
                 locale-gen"
}

configure_and_build() {
  if [ ! -f "$builddir/build.ninja" ]; then
    meson setup "$builddir" "$top" --prefix="$prefix" "$@"
  elif [ $# -gt 0 ]; then
    meson configure "$builddir" "$@"
  fi
  meson compile -C "$builddir"
}

set_up() {
  install_packages
  generate_locale
  configure_and_build "$@"
}

# The hardening checks of build-aux/test (tests/fuzz/README.md), each in a
# build directory of its own beside _build.

# Configures the build directory DIR with the C compiler CC and the meson
# options given the first time, and applies the options again later.
configure_variant() {
  dir=$top/$1
  compiler=$2
  shift 2
  if [ ! -f "$dir/build.ninja" ]; then
    CC=$compiler meson setup "$dir" "$top" "$@"
  else
    meson configure "$dir" "$@"
  fi
}

# The whole suite built with AddressSanitizer and UndefinedBehaviorSanitizer.
test_sanitized() {
  configure_variant _build-asan gcc -Db_sanitize=address,undefined
  meson compile -C "$top/_build-asan"
  meson test -C "$top/_build-asan" --print-errorlogs --num-processes 2
}

# The core tests under valgrind's memcheck (the valgrind setup of
# tests/meson.build), built without sanitizers, which valgrind cannot run.
test_valgrind() {
  configure_variant _build-valgrind gcc -Db_sanitize=none
  meson test -C "$top/_build-valgrind" --setup=valgrind --suite core \
    --print-errorlogs --num-processes 2
}

# Fuzzes each libFuzzer target for FUZZ_SECONDS (60) on a fresh copy of its
# seeds: its corpus in tests/fuzz, the embedded plan and the test fixture.
# An input that makes it fail is kept in _build-fuzz/findings/.
run_fuzzers() {
  fuzzdir=$top/_build-fuzz
  configure_variant _build-fuzz clang -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false
  meson compile -C "$fuzzdir" fuzz-plan fuzz-csv
  rm -rf "$fuzzdir/corpus" "$fuzzdir/findings"
  mkdir -p "$fuzzdir/findings"
  for target in fuzz-plan fuzz-csv; do
    mkdir -p "$fuzzdir/corpus/$target"
    cp "$top/tests/fuzz/corpus/$target"/* "$top"/data/plans/*.json "$top"/tests/data/*.json \
      "$fuzzdir/corpus/$target/"
    echo "keikaku: fuzzing $target for ${FUZZ_SECONDS:-60} s" >&2
    if ! "$fuzzdir/tests/fuzz/$target" -max_total_time="${FUZZ_SECONDS:-60}" \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -dict="$top/tests/fuzz/plan.dict" -artifact_prefix="$fuzzdir/findings/$target-" \
        "$fuzzdir/corpus/$target" 2>"$fuzzdir/$target.log"; then
      tail -n 80 "$fuzzdir/$target.log" >&2
      echo "keikaku: $target failed; the input is in $fuzzdir/findings/" >&2
      return 1
    fi
    grep '^stat::number_of_executed_units' "$fuzzdir/$target.log" >&2
  done
}
