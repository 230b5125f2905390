# The desktop app's side of the timer: the store on a worker thread, demo data.
target_sources(studiotimer_core PRIVATE
    timer/AsyncTimerService.cpp timer/AsyncTimerService.h
    timer/DemoData.cpp timer/DemoData.h
)
