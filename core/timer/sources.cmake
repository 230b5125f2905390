# The desktop app's side of the timer: demo data.
target_sources(studiotimer_core PRIVATE
    timer/DemoData.cpp timer/DemoData.h
)
