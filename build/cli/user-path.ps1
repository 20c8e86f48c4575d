# Adds this app's command folder to, or removes it from, the current user's
# PATH (no admin rights). Run by the installer (build/installer.nsh):
#   user-path.ps1 add|remove <folder>
# The raw registry value is read and written, so entries such as
# %USERPROFILE%\bin stay unexpanded, and nothing is cut at a length limit.
param([string]$Action, [string]$Folder)

if (($Action -ne 'add' -and $Action -ne 'remove') -or -not $Folder) { exit 2 }
$key = [Microsoft.Win32.Registry]::CurrentUser.CreateSubKey('Environment')
$old = [string]$key.GetValue('Path', '', [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
$wanted = $Folder.TrimEnd('\')
# -ne compares without case, as Windows paths do.
$entries = @($old -split ';' | Where-Object { $_ -ne '' -and $_.TrimEnd('\') -ne $wanted })
if ($Action -eq 'add') { $entries += $wanted }
$new = $entries -join ';'
if ($new -ne $old) {
  if ($new -eq '') { $key.DeleteValue('Path', $false) }
  else { $key.SetValue('Path', $new, [Microsoft.Win32.RegistryValueKind]::ExpandString) }
}
$key.Close()
