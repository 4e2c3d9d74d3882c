# Shared by build-aux/run and build-aux/test: installs what a fresh Debian 12
# machine lacks and configures the build. Sourced, not run.

KEIKAKU_PACKAGES="
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  desktop-file-utils appstream
  xvfb xauth dbus-daemon fonts-noto-cjk locales poppler-utils
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
