# LAN sync (core/sync): the Socket.IO codec, the hub and the sync client.
target_sources(studiotimer_core PRIVATE
    sync/SocketIoCodec.cpp sync/SocketIoCodec.h
    sync/HubStore.cpp sync/HubStore.h
    sync/Hub.cpp sync/Hub.h
    sync/HubService.cpp sync/HubService.h
)
# The sync client's side: outbox, clock offset, LAN discovery, the client itself.
target_sources(studiotimer_core PRIVATE
    sync/Outbox.cpp sync/Outbox.h
    sync/ClockOffset.cpp sync/ClockOffset.h
    sync/Discovery.cpp sync/Discovery.h
    sync/SyncCache.cpp sync/SyncCache.h sync/SyncCacheJoin.cpp
    sync/SyncClient.cpp sync/SyncClient.h sync/SyncClientChanges.cpp
)
# The desktop app's sync session (outbox, client, embedded hub on the store's worker thread).
target_sources(studiotimer_core PRIVATE sync/SyncSession.cpp sync/SyncSession.h)
