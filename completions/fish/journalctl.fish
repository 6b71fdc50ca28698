complete -c journalctl -s t -l identifier -d 'Show entries with the specified syslog identifier (repeatable)' -r
complete -c journalctl -s F -l field -d 'List all values the field takes in the journal' -r
complete -c journalctl -l vacuum-files -d 'Leave only this many journal files (the active one is never removed)' -r
complete -c journalctl -s u -l user-unit -l unit -d 'Show messages of the user unit UNIT (globs allowed; repeatable)' -r
complete -c journalctl -s n -l lines -d 'Number of journal entries to show ("all" for all; 10 without a value)' -r
complete -c journalctl -s S -l since -d 'Show entries not older than the specified date' -r
complete -c journalctl -s U -l until -d 'Show entries not newer than the specified date' -r
complete -c journalctl -s p -l priority -d 'Show entries with the specified priority (or range FROM..TO)' -r
complete -c journalctl -s g -l grep -d 'Show entries whose MESSAGE matches PATTERN' -r
complete -c journalctl -l case-sensitive -d 'Force case sensitive or insensitive matching for --grep' -r -f -a "true\t''
false\t''"
complete -c journalctl -s b -l boot -d 'Show entries of the current boot, or of the boot given by ID or offset' -r
complete -c journalctl -s o -l output -d 'Change the output format (short, short-iso, short-precise, short-monotonic, short-unix, short-full, cat, json, json-pretty, json-sse, json-seq, export, verbose)' -r
complete -c journalctl -l output-fields -d 'Select fields to print in verbose/export/json/cat output modes' -r
complete -c journalctl -l vacuum-size -d 'Reduce disk usage below the specified size' -r
complete -c journalctl -l vacuum-time -d 'Remove journal files older than the specified time' -r
complete -c journalctl -s c -l cursor -d 'Show entries starting at the specified cursor' -r
complete -c journalctl -l after-cursor -d 'Show entries after the specified cursor' -r
complete -c journalctl -s D -l directory -d 'Show journal files from the directory' -r -F
complete -c journalctl -l file -d 'Show the journal file(s)' -r -F
complete -c journalctl -s N -l fields -d 'List all field names used in the journal'
complete -c journalctl -l no-tail -d 'Show all entries when following (not only the last 10)'
complete -c journalctl -l rotate -d 'Ask the manager to close the active journal file and start a new one'
complete -c journalctl -l flush -d 'Ask the manager to write out every queued entry'
complete -c journalctl -l header -d 'Show information about the journal files instead of their entries'
complete -c journalctl -l user -d 'Show the user journal (the default)'
complete -c journalctl -l system -d 'Show the system journal: what the login daemon stored for root and system daemons (for root without a journal of its own, the default shows it with every user\'s)'
complete -c journalctl -s m -l merge -d 'Show entries interleaved from every journal this user can read: for root, the system journal and every user\'s journal with its own'
complete -c journalctl -s e -l pager-end -d 'Jump to the end and show the last 1000 entries (there is no pager)'
complete -c journalctl -s x -l catalog -d 'Add explanatory help texts from the message catalog'
complete -c journalctl -s f -l follow -d 'Follow the journal'
complete -c journalctl -s r -l reverse -d 'Show the newest entries first'
complete -c journalctl -l list-boots -d 'Show terse information about recorded boots'
complete -c journalctl -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c journalctl -l no-hostname -d 'Suppress output of the hostname field'
complete -c journalctl -s a -l all -d 'Show all fields, including long and unprintable ones'
complete -c journalctl -l utc -d 'Express time in Coordinated Universal Time'
complete -c journalctl -s k -l dmesg -d 'Show kernel messages (refused: linger does not collect them)'
complete -c journalctl -l disk-usage -d 'Show total disk usage of all journal files'
complete -c journalctl -l show-cursor -d 'Print the cursor after all the entries'
complete -c journalctl -l verify -d 'Verify the consistency of journal files'
complete -c journalctl -s q -l quiet -d 'Do not show info messages and privilege warnings'
complete -c journalctl -s h -l help -d 'Print help'
complete -c journalctl -s V -l version -d 'Print version'
