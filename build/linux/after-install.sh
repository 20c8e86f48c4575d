#!/bin/sh
# Debian post-install of the app, in place of electron-builder's default, which
# would link /usr/bin/${executable} to the editor: here it is the command line.
# electron-builder fills in the two names; the rest repeats what its default does.
app='/opt/${sanitizedProductName}'

ln -sf "$app/resources/cli/nianbao" '/usr/bin/${executable}'

# Chromium's sandbox helper must be setuid root where user namespaces are unavailable.
if [ -L /proc/self/ns/user ] && unshare --user true 2>/dev/null; then
  chmod 0755 "$app/chrome-sandbox" || true
else
  chmod 4755 "$app/chrome-sandbox" || true
fi

if command -v update-mime-database >/dev/null 2>&1; then update-mime-database /usr/share/mime || true; fi
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database /usr/share/applications || true; fi

# The AppArmor profile electron-builder ships (Ubuntu 24 and later restrict user namespaces).
profile="$app/resources/apparmor-profile"
if command -v apparmor_parser >/dev/null 2>&1 && apparmor_status --enabled >/dev/null 2>&1; then
  if apparmor_parser --skip-kernel-load --debug "$profile" >/dev/null 2>&1; then
    cp -f "$profile" '/etc/apparmor.d/${executable}'
    if ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; }; then
      apparmor_parser --replace --write-cache --skip-read-cache '/etc/apparmor.d/${executable}' || true
    fi
  fi
fi
exit 0
