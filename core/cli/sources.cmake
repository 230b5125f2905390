# One desktop app per data dir: commands handed to it over a local socket, run on the backend.
target_sources(studiotimer_core PRIVATE
    cli/SingleInstance.cpp cli/SingleInstance.h
    cli/ForwardedCommand.cpp cli/ForwardedCommand.h
)
