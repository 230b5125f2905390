# One desktop app per data dir: commands handed to it over a local socket.
target_sources(studiotimer_core PRIVATE
    cli/SingleInstance.cpp cli/SingleInstance.h
)
