#!/usr/bin/env bash
# "test && pass ... || fail ..." is safe here: pass never fails.
# shellcheck disable=SC2015
# Checks a Studio Timer Debian package:  tools/check-package.sh build/studiotimer_*.deb
#
# Without root: the control fields, the file list, permissions and md5sums, the binaries (no
# RUNPATH, stripped), desktop-file-validate / appstreamcli / man on the packaged files, lintian
# when it is installed, and the command line and hub run from the unpacked package.
# As root it also installs the package with apt-get, runs the installed programs on temporary
# data folders, verifies the systemd unit, and purges the package again. It refuses to do that
# when studiotimer is installed already (the purge would remove it).
# Exit status: 0 when every check passed, 1 when one failed, 2 on wrong usage.
set -uo pipefail

usage() {
    echo "Usage: $0 PACKAGE.deb" >&2
    exit 2
}
[ $# -eq 1 ] || usage
[ -f "$1" ] || { echo "$0: no such file: $1" >&2; exit 2; }
deb=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)

app_id=org.studiotimer.StudioTimer
icon_sizes=(16 32 48 64 128 256)
unit_path=/lib/systemd/system/studiotimer-hub.service
# What dpkg-shlibdeps must find, and what Qt and QtKeychain load at run time.
required_depends=(libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6sql6 libqt6websockets6
    libqt6keychain1 libqt6sql6-sqlite libqt6svg6 libsecret-1-0)

failures=0
skipped=()
started=$SECONDS
work=$(mktemp -d /tmp/check-package.XXXXXX)
installed_by_us=0
hub_user_made_by_us=0

section() { printf '\n== %s\n' "$*"; }
pass() { printf '  ok    %s\n' "$*"; }
fail() {
    printf '  FAIL  %s\n' "$*" >&2
    failures=$((failures + 1))
}
skip() {
    printf '  skip  %s\n' "$*"
    skipped+=("$*")
}
# check DESCRIPTION COMMAND...: runs COMMAND quietly, shows its output only when it fails.
check() {
    local what=$1 out
    shift
    if out=$("$@" 2>&1); then
        pass "$what"
    else
        fail "$what"
        printf '%s\n' "$out" | sed 's/^/        /' >&2
    fi
}

# dpkg_excluded PATH: dpkg is told not to install PATH (path-exclude in /etc/dpkg/dpkg.cfg.d, as
# in Debian's container images, which leave out man pages and most of /usr/share/doc).
dpkg_excluded() {
    local path=$1 excluded=1 option pattern
    while read -r option pattern; do
        # shellcheck disable=SC2053 # the pattern is a glob on purpose
        case $option in
        path-exclude) [[ $path == $pattern ]] && excluded=0 ;;
        path-include) [[ $path == $pattern ]] && excluded=1 ;;
        esac
    done < <(cat /etc/dpkg/dpkg.cfg /etc/dpkg/dpkg.cfg.d/* 2>/dev/null | sed -n 's/^ *\(path-[a-z]*\)[ =]\(.*\)$/\1 \2/p')
    return $excluded
}

purge_package() {
    if DEBIAN_FRONTEND=noninteractive apt-get purge -y studiotimer >"$work/purge.log" 2>&1; then
        installed_by_us=0
        return 0
    fi
    sed 's/^/        /' "$work/purge.log" >&2
    return 1
}

cleanup() {
    if [ "$installed_by_us" = 1 ]; then
        echo "Purging the package after an interrupted check." >&2
        purge_package || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "Checking $deb"

# ---- control fields -----------------------------------------------------------------------------
section "Control fields"
field() { dpkg-deb -f "$deb" "$1" 2>/dev/null; }
version=$(sed -n 's/^project(StudioTimer VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
[ "$(field Package)" = studiotimer ] && pass "Package: studiotimer" ||
    fail "Package is \"$(field Package)\", not studiotimer"
if [ -z "$version" ]; then
    skip "Version (no project VERSION found in $root/CMakeLists.txt)"
elif [ "$(field Version)" = "$version" ]; then
    pass "Version: $version (the project's)"
else
    fail "Version is \"$(field Version)\", the project is $version"
fi
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] && pass "Architecture: $(field Architecture)" ||
    fail "Architecture is \"$(field Architecture)\", this machine is $(dpkg --print-architecture)"
for f in Maintainer Description Section Priority Homepage Installed-Size; do
    [ -n "$(field "$f")" ] && pass "$f is set" || fail "$f is missing"
done
depends=$(field Depends)
echo "  Depends: $depends"
for d in "${required_depends[@]}"; do
    if printf '%s' ", $depends," | grep -Eq "[ ,|]$d( \([^)]*\))?[ ,|]"; then
        pass "Depends on $d"
    else
        fail "Depends lacks $d"
    fi
done

# ---- file list ----------------------------------------------------------------------------------
section "Files"
dpkg-deb -c "$deb" >"$work/contents" || fail "dpkg-deb -c cannot list the package"
awk '{ p = $6; sub(/^\./, "", p); print p }' "$work/contents" >"$work/paths"
expected=(
    /usr/bin/studiotimer
    /usr/bin/studiotimer-hub
    /usr/bin/studiotimer-midi
    "/usr/share/applications/$app_id.desktop"
    "/usr/share/metainfo/$app_id.metainfo.xml"
    "/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    "$unit_path"
    /etc/default/studiotimer-hub
    /usr/lib/sysusers.d/studiotimer-hub.conf
    /usr/share/man/man1/studiotimer.1.gz
    /usr/share/man/man1/studiotimer-hub.1.gz
    /usr/share/man/man1/studiotimer-midi.1.gz
    /usr/share/doc/studiotimer/copyright
    /usr/share/doc/studiotimer/changelog.gz
)
for size in "${icon_sizes[@]}"; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for p in "${expected[@]}"; do
    grep -qxF "$p" "$work/paths" && pass "$p" || fail "missing: $p"
done
outside=$(grep -Ev '^/(usr|lib/systemd|etc/default)(/|$)|^/(lib|etc)?/?$' "$work/paths")
[ -z "$outside" ] && pass "everything under /usr, /lib/systemd and /etc/default" ||
    fail "files outside /usr, /lib/systemd and /etc/default: $outside"
not_root=$(awk '$2 != "root/root"' "$work/contents")
[ -z "$not_root" ] && pass "every file belongs to root/root" || fail "not owned by root: $not_root"
bad_modes=$(awk '{ p = $6; sub(/^\./, "", p) }
    $1 ~ /^d/ && $1 != "drwxr-xr-x" { print }
    $1 ~ /^-/ && p ~ /^\/usr\/bin\// && $1 != "-rwxr-xr-x" { print }
    $1 ~ /^-/ && p !~ /^\/usr\/bin\// && $1 != "-rw-r--r--" { print }' "$work/contents")
[ -z "$bad_modes" ] && pass "modes: 0755 directories and programs, 0644 other files" ||
    fail "unexpected modes: $bad_modes"

mkdir -p "$work/control" "$work/root"
dpkg-deb -e "$deb" "$work/control" && dpkg-deb -x "$deb" "$work/root" ||
    fail "dpkg-deb cannot unpack the package"
if [ -f "$work/control/md5sums" ]; then
    check "md5sums match the files" sh -c "cd '$work/root' && md5sum --quiet -c '$work/control/md5sums'"
    awk '{ print "/" $2 }' "$work/control/md5sums" | sort >"$work/md5-paths"
    awk '$1 ~ /^-/ { p = $6; sub(/^\./, "", p); print p }' "$work/contents" | sort >"$work/file-paths"
    if unlisted=$(comm -3 "$work/md5-paths" "$work/file-paths") && [ -z "$unlisted" ]; then
        pass "md5sums covers all $(wc -l <"$work/file-paths") files"
    else
        fail "md5sums and the files differ: $unlisted"
    fi
else
    fail "no md5sums in the control archive"
fi
if [ -f "$work/control/conffiles" ] && grep -qxF /etc/default/studiotimer-hub "$work/control/conffiles"; then
    pass "/etc/default/studiotimer-hub is a conffile"
else
    fail "/etc/default/studiotimer-hub is not listed in conffiles"
fi
for script in postinst prerm postrm; do
    if [ -f "$work/control/$script" ]; then
        check "$script is valid sh" sh -n "$work/control/$script"
    else
        fail "no $script in the control archive"
    fi
done

# ---- binaries -----------------------------------------------------------------------------------
section "Binaries"
for bin in studiotimer studiotimer-hub; do
    path=$work/root/usr/bin/$bin
    [ -x "$path" ] || { fail "$bin is not executable"; continue; }
    if readelf -d "$path" | grep -Eq '\((RUNPATH|RPATH)\)'; then
        fail "$bin has a RUNPATH/RPATH: $(readelf -d "$path" | grep -E 'RUNPATH|RPATH')"
    else
        pass "$bin has no RUNPATH"
    fi
    readelf -S "$path" | grep -q '\.debug_info' && fail "$bin is not stripped" || pass "$bin is stripped"
    missing=$(ldd "$path" 2>&1 | grep 'not found')
    [ -z "$missing" ] && pass "$bin finds all its libraries" || fail "$bin: $missing"
done

# ---- desktop file, metainfo, man pages ----------------------------------------------------------
# validate_data PREFIX: the desktop integration files under PREFIX (an unpacked or installed tree).
validate_data() {
    local prefix=$1 where=$2
    check "desktop-file-validate ($where)" desktop-file-validate "$prefix/usr/share/applications/$app_id.desktop"
    check "appstreamcli validate --no-net ($where)" \
        appstreamcli validate --no-net "$prefix/usr/share/metainfo/$app_id.metainfo.xml"
    local release
    release=$(grep -o '<release version="[^"]*"' "$prefix/usr/share/metainfo/$app_id.metainfo.xml" |
        head -n1 | cut -d'"' -f2)
    [ "$release" = "$version" ] && pass "metainfo's newest release is $version ($where)" ||
        fail "metainfo's newest release is \"$release\", the project is $version ($where)"
    grep -q '<screenshot' "$prefix/usr/share/metainfo/$app_id.metainfo.xml" &&
        pass "metainfo has screenshots ($where)" || fail "metainfo has no screenshots ($where)"
    for page in studiotimer studiotimer-hub studiotimer-midi; do
        if [ ! -e "$prefix/usr/share/man/man1/$page.1.gz" ] && dpkg_excluded "/usr/share/man/man1/$page.1.gz"; then
            continue # reported above; the unpacked copy was checked
        fi
        check "man page $page(1) renders without warnings ($where)" sh -c \
            "out=\$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z '$prefix/usr/share/man/man1/$page.1.gz' 2>&1 >/dev/null); [ -z \"\$out\" ] || { echo \"\$out\"; exit 1; }"
    done
}
section "Desktop file, metainfo and man pages (unpacked package)"
command -v desktop-file-validate >/dev/null && command -v appstreamcli >/dev/null && command -v man >/dev/null ||
    fail "desktop-file-validate, appstreamcli and man are needed (make deps)"
validate_data "$work/root" unpacked
for size in "${icon_sizes[@]}"; do
    png=$work/root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
    dims=$(od -An -tu1 -j16 -N8 "$png" 2>/dev/null | awk '{ print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8 }')
    [ "$dims" = "${size}x${size}" ] && pass "${size}x${size} icon is ${dims}" || fail "${size}x${size} icon is \"$dims\""
done

section "lintian"
if command -v lintian >/dev/null; then
    # Tags not worth fixing here: the upstream changelog is the Debian one (a native package).
    if lintian --fail-on error,warning --tag-display-limit 0 "$deb" >"$work/lintian" 2>&1; then
        pass "lintian: no errors or warnings"
        grep -E '^[IP]:' "$work/lintian" | sed 's/^/        /'
    else
        fail "lintian reports:"
        sed 's/^/        /' "$work/lintian" >&2
    fi
else
    skip "lintian is not installed (make deps installs it)"
fi

# ---- running the programs -----------------------------------------------------------------------
# run_programs BINDIR WHERE: the command line and the hub from BINDIR on temporary data folders.
run_programs() {
    local bin=$1 where=$2 data=$work/data-$2 out
    mkdir -p "$data/home"
    export STUDIOTIMER_DATA_DIR=$data/desk QT_QPA_PLATFORM=offscreen HOME=$data/home
    export XDG_RUNTIME_DIR=$data/runtime
    mkdir -p "$XDG_RUNTIME_DIR" && chmod 0700 "$XDG_RUNTIME_DIR"
    local st=$bin/studiotimer hub=$bin/studiotimer-hub

    if out=$("$st" help 2>&1) && printf '%s' "$out" | grep -q 'Usage: studiotimer'; then
        pass "studiotimer help ($where)"
    else
        fail "studiotimer help ($where): $out"
    fi
    if out=$("$st" --version 2>&1) && [ "$out" = "studiotimer $(field Version)" ]; then
        pass "studiotimer --version says $out ($where)"
    else
        fail "studiotimer --version ($where): $out"
    fi
    # The translations are compiled into the program (no .qm files in the package).
    if out=$(LC_ALL=fr_FR.UTF-8 LANGUAGE=fr STUDIOTIMER_DATA_DIR=$data/fr "$st" help 2>&1) &&
        printf '%s' "$out" | grep -q 'Utilisation : studiotimer'; then
        pass "studiotimer help speaks French with LC_ALL=fr_FR.UTF-8 ($where)"
    else
        fail "studiotimer help with LC_ALL=fr_FR.UTF-8 is not French ($where): $out"
    fi
    if out=$("$st" start Recording 2>&1) && printf '%s' "$out" | grep -q 'Started'; then
        pass "studiotimer start Recording ($where)"
    else
        fail "studiotimer start Recording ($where): $out"
    fi
    if out=$("$st" status --json 2>&1) && printf '%s' "$out" | grep -Eq '"running": *true' &&
        printf '%s' "$out" | grep -Eq '"taskType": *"Recording"'; then
        pass "studiotimer status --json shows Recording running ($where)"
    else
        fail "studiotimer status --json ($where): $out"
    fi
    if out=$("$st" stop 2>&1) && printf '%s' "$out" | grep -q 'Stopped'; then
        pass "studiotimer stop ($where)"
    else
        fail "studiotimer stop ($where): $out"
    fi
    if out=$("$st" status --json 2>&1) && printf '%s' "$out" | grep -Eq '"running": *false'; then
        pass "studiotimer status --json: nothing runs after stop ($where)"
    else
        fail "studiotimer status --json after stop ($where): $out"
    fi
    "$st" start NoSuchTask >/dev/null 2>&1 && fail "studiotimer start NoSuchTask succeeded ($where)" ||
        pass "studiotimer start NoSuchTask fails ($where)"
    [ -f "$STUDIOTIMER_DATA_DIR/studiotimer.sqlite" ] && pass "the database is in STUDIOTIMER_DATA_DIR ($where)" ||
        fail "no studiotimer.sqlite in STUDIOTIMER_DATA_DIR ($where)"
    # The desktop app with the offscreen platform: windows, widgets and the Qt plugins load.
    if out=$(timeout 120 "$st" --demo-data --screenshots "$data/shots" 2>&1) &&
        ls "$data/shots"/*.png >/dev/null 2>&1; then
        pass "the desktop app starts and draws its windows ($where)"
    else
        fail "the desktop app with --screenshots ($where): $out"
    fi

    if out=$("$hub" --data-dir "$data/hub" org create "Check Studio" 2>&1) &&
        printf '%s' "$out" | grep -q '"orgId"' && printf '%s' "$out" | grep -q '"token"'; then
        pass "studiotimer-hub org create ($where)"
    else
        fail "studiotimer-hub org create ($where): $out"
    fi
    if out=$("$hub" --data-dir "$data/hub" org list 2>&1) && printf '%s' "$out" | grep -q '"Check Studio"'; then
        pass "studiotimer-hub org list ($where)"
    else
        fail "studiotimer-hub org list ($where): $out"
    fi
    # Serve on a free port, then stop with SIGTERM as systemd does.
    "$hub" --data-dir "$data/hub" --port 0 --bind 127.0.0.1 2>"$data/hub.log" &
    local pid=$!
    for _ in $(seq 1 100); do
        grep -q 'listening on port' "$data/hub.log" && break
        sleep 0.1
    done
    if grep -q 'listening on port' "$data/hub.log"; then
        kill -TERM "$pid"
        if wait "$pid"; then
            pass "studiotimer-hub serves and stops cleanly on SIGTERM ($where)"
        else
            fail "studiotimer-hub exited with an error after SIGTERM ($where): $(cat "$data/hub.log")"
        fi
    else
        kill -KILL "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        fail "studiotimer-hub did not start listening ($where): $(cat "$data/hub.log")"
    fi
    unset STUDIOTIMER_DATA_DIR XDG_RUNTIME_DIR
}

if [ "$(id -u)" -ne 0 ]; then
    section "Programs from the unpacked package (not root: not installing)"
    run_programs "$work/root/usr/bin" unpacked
    skip "installing with apt-get, the installed files, the systemd unit and purging need root"
elif dpkg-query -W -f='${Status}' studiotimer 2>/dev/null | grep -q 'ok installed'; then
    section "Installing"
    fail "studiotimer is installed already; this check installs and purges it. Remove it first (apt-get purge studiotimer) or run the check without root."
else
    section "Installing with apt-get"
    getent passwd studiotimer-hub >/dev/null || hub_user_made_by_us=1
    installed_by_us=1
    if DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$deb" >"$work/install.log" 2>&1; then
        pass "apt-get install ./$(basename "$deb")"
    else
        fail "apt-get install failed:"
        sed 's/^/        /' "$work/install.log" >&2
    fi
    if dpkg-query -W -f='${Status}' studiotimer 2>/dev/null | grep -q 'ok installed'; then
        before=$failures
        for p in "${expected[@]}"; do
            if dpkg_excluded "$p"; then
                skip "$p: dpkg's path-exclude leaves it out here"
            elif [ ! -e "$p" ]; then
                fail "installed package lacks $p"
            fi
        done
        [ "$failures" = "$before" ] && pass "installed files are in place"
        getent passwd studiotimer-hub >/dev/null && pass "the studiotimer-hub system user exists" ||
            fail "no studiotimer-hub user after install"
        [ "$(stat -c %U /var/lib/studiotimer-hub 2>/dev/null)" = studiotimer-hub ] &&
            pass "/var/lib/studiotimer-hub belongs to studiotimer-hub" ||
            fail "/var/lib/studiotimer-hub is missing or not owned by studiotimer-hub"
        # What README and studiotimer-hub(1) tell an administrator to run, on the service's data
        # (only when this check made the user: an older install's hub data is left alone).
        if [ "$hub_user_made_by_us" = 1 ]; then
            if out=$(runuser -u studiotimer-hub -- studiotimer-hub --data-dir /var/lib/studiotimer-hub \
                org create "Check Studio" 2>&1) && printf '%s' "$out" | grep -q '"token"'; then
                pass "studiotimer-hub org create as the studiotimer-hub user on /var/lib/studiotimer-hub"
            else
                fail "studiotimer-hub org create as the studiotimer-hub user: $out"
            fi
        fi
        validate_data "" installed
        [ "$(command -v studiotimer)" = /usr/bin/studiotimer ] && pass "studiotimer is /usr/bin/studiotimer on PATH" ||
            fail "studiotimer on PATH is \"$(command -v studiotimer)\""

        section "Installed programs"
        run_programs /usr/bin installed

        section "systemd unit"
        if command -v systemd-analyze >/dev/null; then
            # It also runs "man studiotimer-hub(1)" from Documentation=; a container's dpkg may
            # leave the man page out.
            ignore='^$'
            dpkg_excluded /usr/share/man/man1/studiotimer-hub.1.gz && ignore="man studiotimer-hub\\(1\\)"
            out=$(systemd-analyze verify "$unit_path" 2>&1 | grep -Ev "$ignore")
            if printf '%s' "$out" | grep -q 'studiotimer-hub'; then
                fail "systemd-analyze verify $unit_path:"
                printf '%s\n' "$out" | sed 's/^/        /' >&2
            else
                pass "systemd-analyze verify $unit_path"
            fi
        else
            skip "systemd-analyze is not installed"
        fi
        if [ -d /run/systemd/system ]; then
            if systemctl start studiotimer-hub.service && sleep 1 && systemctl is-active --quiet studiotimer-hub.service; then
                pass "systemctl start studiotimer-hub: active"
            else
                fail "studiotimer-hub.service does not start: $(systemctl status --no-pager studiotimer-hub.service 2>&1 | tail -n 5)"
            fi
            systemctl stop studiotimer-hub.service
        else
            skip "systemd does not run here: the service is not started"
        fi
    fi

    section "Purging"
    if purge_package; then
        pass "apt-get purge studiotimer"
        left=0
        for p in /usr/bin/studiotimer /usr/bin/studiotimer-hub /usr/bin/studiotimer-midi \
            "$unit_path" /etc/default/studiotimer-hub; do
            if [ -e "$p" ]; then
                fail "$p is still there after purge"
                left=1
            fi
        done
        [ $left -eq 0 ] && pass "the package's files are gone"
    else
        fail "apt-get purge studiotimer failed"
    fi
    # The hub's data and user stay on purge (they hold a studio's history); the check made them,
    # so it removes them.
    if [ "$hub_user_made_by_us" = 1 ]; then
        rm -rf /var/lib/studiotimer-hub /var/lib/private/studiotimer-hub
        userdel studiotimer-hub 2>/dev/null
        groupdel studiotimer-hub 2>/dev/null
    fi
fi

section "Summary"
size=$(stat -c %s "$deb")
echo "  package: $(basename "$deb"), $((size / 1024)) KiB, Installed-Size $(field Installed-Size) KiB"
echo "  took $((SECONDS - started)) s"
for s in "${skipped[@]}"; do echo "  skipped: $s"; done
if [ "$failures" -gt 0 ]; then
    echo "FAILED: $failures check(s) failed." >&2
    exit 1
fi
echo "All package checks passed."
