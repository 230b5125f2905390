// `studiotimer history ENTRY_ID [--json]`: an entry's audit trail, oldest first (issue 11). The
// JSON rows are domain/Audit's one shape, byte-identical on every synced desk.
#include "CommandLine.h"

#include "timer/TimerService.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace st {

namespace {

QString actionWord(const QString &action)
{
    if (action == QLatin1String("adjust"))
        return CommandLine::tr("adjusted");
    if (action == QLatin1String("delete"))
        return CommandLine::tr("deleted");
    if (action == QLatin1String("restore"))
        return CommandLine::tr("restored");
    return action;
}

} // namespace

CommandOutput CommandLine::history(QCommandLineParser &p)
{
    const auto entry = m_service.findEntry(p.positionalArguments().first());
    if (!entry)
        return fail(entry.error());
    const QList<AuditRecord> rows = m_service.auditTrail(entry->id);
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray out;
        for (const AuditRecord &row : rows)
            out.append(audit::toJson(row));
        return {0, QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented)), {}};
    }
    QString text = tr("History of %1:\n").arg(describe(entry.value()));
    if (rows.isEmpty())
        text += tr("  no changes recorded.\n");
    for (const AuditRecord &row : rows) {
        const QString when =
            QDateTime::fromMSecsSinceEpoch(row.at).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        const QString who = row.deviceName.isEmpty()
                                ? row.actorName
                                : QStringLiteral("%1 (%2)").arg(row.actorName, row.deviceName);
        text += tr("  %1  %2 %3: %4\n").arg(when, who, actionWord(row.action), row.reason);
    }
    return {0, text, {}};
}

} // namespace st
