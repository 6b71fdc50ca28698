complete -c systemd-run -s u -l unit -d 'Unit name (default: run-uN)' -r
complete -c systemd-run -l description -d 'Description' -r
complete -c systemd-run -s p -l property -d 'Set a unit property (timer properties with --timer-property)' -r
complete -c systemd-run -s E -l setenv -d 'Set an environment variable for the command (NAME alone: its value here)' -r
complete -c systemd-run -l working-directory -d 'Working directory of the command' -r
complete -c systemd-run -l slice -d 'Slice to place the unit in (`.slice` added when missing)' -r
complete -c systemd-run -l nice -d 'Nice level of the service\'s processes (-20…19)' -r
complete -c systemd-run -l service-type -d 'Service type (simple, exec, oneshot, forking, notify)' -r
complete -c systemd-run -l on-active -d 'Timer: run after this much time' -r
complete -c systemd-run -l on-boot -d 'Timer: run this long after boot' -r
complete -c systemd-run -l on-startup -d 'Timer: run this long after the manager started' -r
complete -c systemd-run -l on-unit-active -d 'Timer: run this long after the unit last became active' -r
complete -c systemd-run -l on-unit-inactive -d 'Timer: run this long after the unit last became inactive' -r
complete -c systemd-run -l on-calendar -d 'Timer: run at these calendar times' -r
complete -c systemd-run -l timer-property -d 'Timer: set a [Timer] property' -r
complete -c systemd-run -l user -d 'Talk to the user manager (the only one linger has; accepted for compatibility)'
complete -c systemd-run -s d -l same-dir -d 'Run in the caller\'s working directory'
complete -c systemd-run -s r -l remain-after-exit -d 'Keep the service after its process exited (RemainAfterExit=yes)'
complete -c systemd-run -s G -l collect -d 'Collect the unit when it ends even if it failed (CollectMode=inactive-or-failed: its transient file is removed); without it a failed one\'s file stays until `reset-failed`'
complete -c systemd-run -l wait -d 'Wait until the service ended and report how'
complete -c systemd-run -l no-block -d 'Do not wait for the start job'
complete -c systemd-run -s q -l quiet -d 'Print nothing on success'
complete -c systemd-run -l scope -d 'Run the command here, in a new transient scope unit of the user manager'
complete -c systemd-run -s P -l pipe -d 'The service uses this command\'s standard input, output and error (for pipelines); waits like --wait'
complete -c systemd-run -s t -l pty -d 'Connect the service to this terminal through a new pseudo-terminal (for interactive programs); waits like --wait'
complete -c systemd-run -s h -l help -d 'Print help'
complete -c systemd-run -s V -l version -d 'Print version'
