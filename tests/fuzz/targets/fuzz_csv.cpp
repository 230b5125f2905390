// libFuzzer target: the strict CSV parser every import goes through (core/report/Csv). Never
// crashes; a record it accepts, written back with csv::row (which guards formula cells), parses to
// the same fields once unguarded, as the importer reads them. Records holding a control character
// (which the importer refuses and the writer drops) are not written back.

#include "FuzzInput.h"
#include "report/Csv.h"

#include <algorithm>

using namespace st;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto records = csv::parse(fuzz::text(data, size));
    if (!records)
        return 0;
    QList<QStringList> before;
    QString written;
    const QList<csv::Record> list = records.value();
    for (const csv::Record &record : list) {
        // Blank lines are skipped on reading, so a record of one empty field does not come back.
        if (record.fields == QStringList{QString()} ||
            std::any_of(record.fields.cbegin(), record.fields.cend(), csv::hasControl))
            continue;
        // A file's first character U+FEFF is its byte order mark, not text: a cell that would be
        // written there starting with one cannot come back as it was.
        if (written.isEmpty() && record.fields.first().startsWith(QChar(0xFEFF)))
            continue;
        before.append(record.fields);
        written += csv::row(record.fields);
    }
    const auto again = csv::parse(written);
    fuzz::check(bool(again), "written CSV parses again");
    QList<QStringList> after;
    const QList<csv::Record> reparsed = again.value();
    for (const csv::Record &record : reparsed) {
        QStringList fields;
        for (const QString &f : record.fields)
            fields.append(csv::unguard(f));
        after.append(fields);
    }
    fuzz::check(before == after, "written CSV parses to the same fields once unguarded");
    return 0;
}
