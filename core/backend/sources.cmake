# The desktop app's backend (issue 10): a writer thread, a reader thread and the embedded hub's
# thread, each with its own database connection; preferences and the Now snapshot.
target_sources(studiotimer_core PRIVATE
    backend/Preferences.cpp backend/Preferences.h
    backend/NowSnapshot.cpp backend/NowSnapshot.h
    backend/RequestClock.h
    backend/StoreThread.cpp backend/StoreThread.h
    backend/Backend.cpp backend/Backend.h
)
# The desktop app's sync session: outbox and client on the writer, the embedded hub on its thread.
target_sources(studiotimer_core PRIVATE
    backend/EmbeddedHub.cpp backend/EmbeddedHub.h
    backend/SyncSession.cpp backend/SyncSession.h
)
