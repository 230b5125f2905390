<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>st::ChoiceButton</name>
    <message numerus="yes">
        <location filename="../ui/ChoiceButton.cpp" line="+64"/>
        <source>%n selected</source>
        <translation type="unfinished">
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>st::CommandLine</name>
    <message numerus="yes">
        <location filename="../core/cli/CommandLine.cpp" line="+466"/>
        <source>%n entries, %1, %2 %3
</source>
        <translation>
            <numerusform>%n entry, %1, %2 %3
</numerusform>
            <numerusform>%n entries, %1, %2 %3
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../core/cli/ReportCommands.cpp" line="+230"/>
        <source>Each entry rounded to %n minute(s) (%1).
</source>
        <translation>
            <numerusform>Each entry rounded to %n minute (%1).
</numerusform>
            <numerusform>Each entry rounded to %n minutes (%1).
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+88"/>
        <source>Exported %n entries to %1 (%2).
</source>
        <translation>
            <numerusform>Exported %n entry to %1 (%2).
</numerusform>
            <numerusform>Exported %n entries to %1 (%2).
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../core/cli/ForwardedCommand.cpp" line="+67"/>
        <source>studiotimer: The desktop app cannot reach the hub within 10 s (%1); %n change(s) still wait.
</source>
        <translation>
            <numerusform>studiotimer: The desktop app cannot reach the hub within 10 s (%1); %n change still waits.
</numerusform>
            <numerusform>studiotimer: The desktop app cannot reach the hub within 10 s (%1); %n changes still wait.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../core/cli/SyncCommands.cpp" line="+269"/>
        <source>%n change(s) waiting to be sent.
</source>
        <translation>
            <numerusform>%n change waiting to be sent.
</numerusform>
            <numerusform>%n changes waiting to be sent.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n conflict(s): &quot;studiotimer sync conflicts&quot; lists them.
</source>
        <translation>
            <numerusform>%n conflict: &quot;studiotimer sync conflicts&quot; lists it.
</numerusform>
            <numerusform>%n conflicts: &quot;studiotimer sync conflicts&quot; lists them.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+110"/>
        <source>The connection to the hub dropped (%1); %n change(s) still wait.</source>
        <translation>
            <numerusform>The connection to the hub dropped (%1); %n change still waits.</numerusform>
            <numerusform>The connection to the hub dropped (%1); %n changes still wait.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../core/cli/TaskTypeCommands.cpp" line="+212"/>
        <source>%1, %2 to %3: %n entries at other rates, %4 %5 → %6 %5.
</source>
        <translation>
            <numerusform>%1, %2 to %3: %n entry at another rate, %4 %5 → %6 %5.
</numerusform>
            <numerusform>%1, %2 to %3: %n entries at other rates, %4 %5 → %6 %5.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Repriced %n entries (audited).
</source>
        <translation>
            <numerusform>Repriced %n entry (audited).
</numerusform>
            <numerusform>Repriced %n entries (audited).
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../core/cli/RosterCommands.cpp" line="+62"/>
        <source>&quot;%1 %2&quot; takes %n name(s) (quote a name with spaces).</source>
        <translation>
            <numerusform>&quot;%1 %2&quot; takes %n name (quote a name with spaces).</numerusform>
            <numerusform>&quot;%1 %2&quot; takes %n names (quote a name with spaces).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>Merged &quot;%1&quot; into &quot;%2&quot;: %n entry(s) moved.</source>
        <translation>
            <numerusform>Merged &quot;%1&quot; into &quot;%2&quot;: %n entry moved.</numerusform>
            <numerusform>Merged &quot;%1&quot; into &quot;%2&quot;: %n entries moved.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>st::EntryImporter</name>
    <message numerus="yes">
        <location filename="../core/report/EntryImport.cpp" line="+92"/>
        <source>The file has %n bad row(s); nothing was imported.</source>
        <translation>
            <numerusform>The file has %n bad row; nothing was imported.</numerusform>
            <numerusform>The file has %n bad rows; nothing was imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+71"/>
        <source>Nothing was imported: the file has %n bad row(s).
</source>
        <translation>
            <numerusform>Nothing was imported: the file has %n bad row.
</numerusform>
            <numerusform>Nothing was imported: the file has %n bad rows.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>  … and %n more row(s)
</source>
        <translation>
            <numerusform>  … and %n more row
</numerusform>
            <numerusform>  … and %n more rows
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Imported %n entries</source>
        <translation>
            <numerusform>Imported %n entry</numerusform>
            <numerusform>Imported %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Would import %n entries</source>
        <translation>
            <numerusform>Would import %n entry</numerusform>
            <numerusform>Would import %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, skipped %n.
</source>
        <translation>
            <numerusform>, skipped %n.
</numerusform>
            <numerusform>, skipped %n.
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>st::HistoryView</name>
    <message numerus="yes">
        <location filename="../ui/HistoryView.cpp" line="+335"/>
        <source>&lt;b&gt;%n entries · %1 · %2&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%n entry · %1 · %2&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%n entries · %1 · %2&lt;/b&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>st::InvoiceDialog</name>
    <message numerus="yes">
        <location filename="../ui/invoice/InvoiceDialog.cpp" line="+250"/>
        <source>%n line(s), total %1.</source>
        <translation>
            <numerusform>%n line, total %1.</numerusform>
            <numerusform>%n lines, total %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>st::InvoicePdf</name>
    <message numerus="yes">
        <location filename="../invoice/InvoicePdf.cpp" line="+79"/>
        <source>Each entry is billed in steps of %n minute(s).</source>
        <translation>
            <numerusform>Each entry is billed in steps of %n minute.</numerusform>
            <numerusform>Each entry is billed in steps of %n minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>st::NowView</name>
    <message numerus="yes">
        <location filename="../ui/NowView.cpp" line="+489"/>
        <source>Today: %1 · %2 · %n entries</source>
        <translation>
            <numerusform>Today: %1 · %2 · %n entry</numerusform>
            <numerusform>Today: %1 · %2 · %n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>st::ReportFilters</name>
    <message numerus="yes">
        <location filename="../ui/reports/ReportFilters.cpp" line="+41"/>
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>st::ReportsView</name>
    <message numerus="yes">
        <location filename="../ui/reports/ReportsView.cpp" line="+344"/>
        <source>%1: %2, %3, %n entries</source>
        <translation>
            <numerusform>%1: %2, %3, %n entry</numerusform>
            <numerusform>%1: %2, %3, %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Total: %1, %2, %n entries</source>
        <translation>
            <numerusform>Total: %1, %2, %n entry</numerusform>
            <numerusform>Total: %1, %2, %n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>st::SyncStatusWidget</name>
    <message numerus="yes">
        <location filename="../ui/sync/SyncStatusWidget.cpp" line="+44"/>
        <source>Offline, %n change(s) pending</source>
        <translation>
            <numerusform>Offline, %n change pending</numerusform>
            <numerusform>Offline, %n changes pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Connecting, %n change(s) pending</source>
        <translation>
            <numerusform>Connecting, %n change pending</numerusform>
            <numerusform>Connecting, %n changes pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n refused change(s)</source>
        <translation>
            <numerusform>%n refused change</numerusform>
            <numerusform>%n refused changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>st::TransferProgressDialog</name>
    <message numerus="yes">
        <location filename="../ui/TransferProgressDialog.cpp" line="+83"/>
        <source>%p% · %Ln row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
