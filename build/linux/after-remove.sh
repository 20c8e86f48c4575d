#!/bin/sh
# Debian post-remove of the app, in place of electron-builder's default
# (see after-install.sh). On an upgrade the new post-install links again.
app='/opt/${sanitizedProductName}'

if [ "$(readlink '/usr/bin/${executable}')" = "$app/resources/cli/nianbao" ]; then
  rm -f '/usr/bin/${executable}'
fi

if [ -f '/etc/apparmor.d/${executable}' ]; then
  if apparmor_status --enabled >/dev/null 2>&1 && ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; }; then
    apparmor_parser --remove '/etc/apparmor.d/${executable}' || true
  fi
  rm -f '/etc/apparmor.d/${executable}'
fi
exit 0
