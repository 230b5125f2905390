# LAN sync in the desktop app (issue 4): settings page, status corner, refused changes, wiring.
target_sources(studiotimer_ui PRIVATE
    sync/ConflictsDialog.cpp sync/ConflictsDialog.h
    sync/SyncSettingsPage.cpp sync/SyncSettingsPage.h
    sync/SyncStatusWidget.cpp sync/SyncStatusWidget.h
    sync/SyncUi.cpp sync/SyncUi.h
)
