# LAN sync (core/sync): the Socket.IO codec, the hub and the sync client.
target_sources(studiotimer_core PRIVATE
    sync/SocketIoCodec.cpp sync/SocketIoCodec.h
)
