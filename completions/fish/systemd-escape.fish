complete -c systemd-escape -l suffix -d 'Append the suffix (a unit type, e.g. `service`)' -r
complete -c systemd-escape -l template -d 'Insert the escaped strings into the template unit name' -r
complete -c systemd-escape -s p -l path -d 'Treat the strings as paths'
complete -c systemd-escape -s u -l unescape -d 'Unescape instead'
complete -c systemd-escape -s m -l mangle -d 'Mangle the strings into unit names (as systemctl does with its arguments)'
complete -c systemd-escape -l instance -d 'With --unescape: unescape the instance part of a unit name'
complete -c systemd-escape -s h -l help -d 'Print help'
complete -c systemd-escape -s V -l version -d 'Print version'
