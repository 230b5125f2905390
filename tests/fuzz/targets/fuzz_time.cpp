// libFuzzer target: the time and day parsers behind every --from/--to/--at (core/domain/Format).
// Never crashes; a time it accepts prints back (ISO 8601 with offset) to the same instant.

#include "FuzzInput.h"
#include "domain/Format.h"

using namespace st;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = fuzz::text(data, size);
    const Ms now = 1'795'000'000'000; // a fixed "now" (2026-11), so a failure reproduces
    if (const auto when = format::parseWhen(text, now)) {
        const auto again = format::parseWhen(format::isoWithOffset(*when), now);
        fuzz::check(again.has_value(), "a parsed time prints to a parsable time");
        // isoWithOffset prints whole seconds: the instant agrees to the second.
        fuzz::check(*again / 1000 == *when / 1000, "a parsed time round-trips to the second");
    }
    const QDate day = format::parseDay(text, now);
    if (day.isValid()) {
        const format::Range range = format::days(day, day);
        fuzz::check(range.to > range.from, "a day is a non-empty range");
    }
    return 0;
}
