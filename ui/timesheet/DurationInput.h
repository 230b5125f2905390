#pragma once

#include "domain/Error.h"
#include "domain/Types.h"

#include <QString>

namespace st::durationInput {

// A duration as people type it into a timesheet cell: "1:30", "90m", "90 min", "1.5h", "1,5 h",
// "1h30", "1h 30m", or a bare number of hours ("2", "0.75"). Whole minutes, more than none and at
// most a day; an error that shows the accepted forms otherwise.
Result<Ms> parse(const QString &text);

// "1:30", "0:05", "12:00": whole minutes, rounded to the nearest.
QString format(Ms ms);

} // namespace st::durationInput
