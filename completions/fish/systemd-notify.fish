complete -c systemd-notify -l pid -d 'The main process\'s pid (MAINPID=); without a value, this command\'s parent' -r
complete -c systemd-notify -l status -d 'A status text (STATUS=)' -r
complete -c systemd-notify -l ready -d 'Start-up is complete (READY=1)'
complete -c systemd-notify -l reloading -d 'The service is reloading (RELOADING=1)'
complete -c systemd-notify -l stopping -d 'The service is stopping (STOPPING=1)'
complete -c systemd-notify -l booted -d 'Exit 0 when the system was booted with systemd as init, else 1'
complete -c systemd-notify -l no-block -d 'Do not wait until the manager has read the message'
complete -c systemd-notify -s h -l help -d 'Print help'
complete -c systemd-notify -s V -l version -d 'Print version'
