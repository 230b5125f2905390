// `studiotimer help`: the command-line contract in one screen (docs/studiotimer.1 says more).
#include "CommandLine.h"

namespace st {

QString CommandLine::usage()
{
    return tr(
        "Usage: studiotimer [--data-dir DIR] [COMMAND ...]\n"
        "Without a command, opens the desktop app.\n\n"
        "Commands:\n"
        "  start TASK [--room ROOM] [--note TEXT] [--user NAME] [--project NAME] [--tag WORD]...\n"
        "                                                         start (or switch) a timer\n"
        "  stop | pause | resume                                  the running timer\n"
        "  continue                                               the last entry again\n"
        "  status [--json]                                        what runs now\n"
        "  add TASK --from WHEN --to WHEN [--room ROOM] [--note TEXT] [--project NAME] "
        "[--tag WORD]... [--non-billable]\n"
        "  adjust ENTRY_ID [--from WHEN] [--to WHEN] [--task TASK] [--note TEXT] "
        "--reason TEXT\n"
        "  delete ENTRY_ID [--reason TEXT]      restore ENTRY_ID\n"
        "  backup [FILE]                        a checked copy of the database\n"
        "  restore FILE                         put a backup back (the app closed)\n"
        "  history ENTRY_ID [--json]            the entry's audit trail\n"
        "  list [--from DAY] [--to DAY] [--task TASK] [--user NAME] [--room ROOM] "
        "[--tag WORD]... [--text TEXT] [--json | --csv]\n"
        "  task-types [--json]\n"
        "  task-types set TASK [--rate AMOUNT] [--from DAY] [--name NEW] [--color #RRGGBB] "
        "[--billable yes|no] [--archived yes|no]\n"
        "  task-types reprice TASK --from DAY --to DAY [--yes]\n"
        "  clients add NAME [--rate AMOUNT]     clients list [--json]\n"
        "  projects add NAME [--client NAME] [--rate AMOUNT] [--budget-hours H]\n"
        "  projects list [--json]\n"
        "  report [--from DAY] [--to DAY] --by task|user|room|day|week|month|client|project|tag "
        "[--tag WORD]... [--rounding MIN[:up|nearest|down]] [--billable-only] [--json | --csv]\n"
        "  invoice --client NAME [--project NAME] --from DAY --to DAY [--rounding MIN[:MODE]] "
        "[--billable-only] [--number N] -o FILE.pdf\n"
        "  lock --until DAY                     close the period: entries on or before DAY "
        "cannot be added, changed or deleted\n"
        "  lock [--json]                        what is locked, and by whom     unlock\n"
        "  rooms list [--json] [--archived]     rooms rename OLD NEW\n"
        "  rooms archive NAME | rooms unarchive NAME | rooms merge FROM INTO\n"
        "  people ...                           the same for people\n"
        "  settings list [--json] | settings get KEY | settings set KEY VALUE   "
        "(studio.name, studio.address, studio.taxNumber)\n"
        "  export [--from DAY] [--to DAY] [--format csv|json|toggl-csv] [-o FILE] [--progress]\n"
        "  import FILE [--format csv|json|toggl-csv] [--task TASK] [--dry-run] [--progress]\n"
        "  sync join URL[,URL...] (--token TOKEN | --token-file FILE) [--fingerprint SHA256]\n"
        "  sync status [--json] | sync now | sync conflicts [--json] | sync off\n\n"
        "TASK and ROOM are names (any case) or IDs. WHEN is 2026-11-28T09:30 (an offset such "
        "as +01:00 may follow) or a time today, 09:30. DAY is 2026-11-28, today or "
        "yesterday; ranges are whole local days, both ends included. URL is wss://HOST:PORT (ws:// "
        "for plain text). restore takes a FILE when its argument is an existing file, has a / or "
        "ends in .sqlite; otherwise an ENTRY_ID.\n");
}

} // namespace st
