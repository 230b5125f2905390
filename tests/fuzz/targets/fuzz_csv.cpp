// libFuzzer target: the strict CSV parser every import goes through (core/report/Csv). Never
// crashes; what it accepts, written back with csv::row, parses to the same fields.

#include "FuzzInput.h"
#include "report/Csv.h"

using namespace st;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto records = csv::parse(fuzz::text(data, size));
    if (!records)
        return 0;
    QString written;
    const QList<csv::Record> list = records.value();
    for (const csv::Record &record : list)
        written += csv::row(record.fields);
    const auto again = csv::parse(written);
    fuzz::check(bool(again), "written CSV parses again");
    const QList<csv::Record> reparsed = again.value();
    // Blank lines are skipped on reading, so a record of one empty field does not come back.
    QList<QStringList> before, after;
    for (const csv::Record &record : list)
        if (record.fields != QStringList{QString()})
            before.append(record.fields);
    for (const csv::Record &record : reparsed)
        after.append(record.fields);
    fuzz::check(before == after, "written CSV parses to the same fields");
    return 0;
}
