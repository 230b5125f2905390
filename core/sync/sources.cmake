# LAN sync (core/sync): the Socket.IO codec, the hub and the sync client.
target_sources(studiotimer_core PRIVATE
    sync/SocketIoCodec.cpp sync/SocketIoCodec.h
    sync/HubStore.cpp sync/HubStore.h
    sync/Hub.cpp sync/Hub.h
)
# The sync client's side: outbox, clock offset, LAN discovery, the client itself.
target_sources(studiotimer_core PRIVATE
    sync/Outbox.cpp sync/Outbox.h
    sync/ClockOffset.cpp sync/ClockOffset.h
    sync/Discovery.cpp sync/Discovery.h
    sync/SyncCache.cpp sync/SyncCache.h
    sync/SyncClient.cpp sync/SyncClient.h
    sync/SyncConfig.cpp sync/SyncConfig.h
)
