# The typed sync protocol (core/protocol): event names, requests, broadcasts, answers.
target_sources(studiotimer_core PRIVATE
    protocol/Event.cpp protocol/Event.h
    protocol/Fields.cpp protocol/Fields.h
    protocol/Requests.cpp protocol/Requests.h
    protocol/Broadcasts.cpp protocol/Broadcasts.h
    protocol/Answers.cpp protocol/Answers.h
)
