complete -c systemd-cat -s t -l identifier -d 'The syslog identifier (default: the command\'s name, or "cat")' -r
complete -c systemd-cat -s p -l priority -d 'Priority of the lines (emerg, alert, crit, err, warning, notice, info, debug or 0…7)' -r
complete -c systemd-cat -l stderr-priority -d 'Priority of the command\'s standard error (default: --priority)' -r
complete -c systemd-cat -l level-prefix -d 'Whether a `<N>` prefix sets a line\'s priority' -r
complete -c systemd-cat -s h -l help -d 'Print help'
complete -c systemd-cat -s V -l version -d 'Print version'
