// `studiotimer lock` and `unlock` (docs/REPORTS.md, "Closed periods"): close the period up to a
// day, open it again, show the lock and its trail.
#include "CommandLine.h"
#include "Option.h"

#include "domain/Format.h"
#include "protocol/Locks.h"
#include "timer/TimerService.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace st {

void CommandLine::lockOptions(QCommandLineParser &p)
{
    p.addOptions({cli::option("until", "DAY"), cli::option("json"), cli::option("user", "NAME")});
}

// lock --until DAY | lock [--json]: closes the period, or says what is closed.
CommandOutput CommandLine::lock(QCommandLineParser &p)
{
    if (!p.isSet(QStringLiteral("until")))
        return p.isSet(QStringLiteral("user"))
                   ? usageError(tr("--user goes with --until: who locks the period."))
                   : lockStatus(p.isSet(QStringLiteral("json")));
    if (p.isSet(QStringLiteral("json")))
        return usageError(tr("\"lock --until\" does not take --json."));
    const QString given = p.value(QStringLiteral("until"));
    const QDate day = format::parseDay(given, m_service.clock().nowMs());
    if (!day.isValid())
        return usageError(tr("--until takes a day such as 2026-11-28, not \"%1\".").arg(given));
    auto who = actor(p, false);
    if (!who)
        return fail(who.error());
    auto locked = m_service.lockUntil(day, who->id);
    if (!locked)
        return fail(locked.error());
    CommandOutput out;
    out.out = tr("Locked the period up to %1: entries on or before that day cannot be added, "
                 "changed or deleted.\n")
                  .arg(day.toString(Qt::ISODate));
    return out;
}

CommandOutput CommandLine::unlock(QCommandLineParser &p)
{
    auto who = actor(p, false);
    if (!who)
        return fail(who.error());
    auto unlocked = m_service.unlock(who->id);
    if (!unlocked)
        return fail(unlocked.error());
    CommandOutput out;
    out.out = tr("Unlocked: entries up to %1 can be changed again.\n")
                  .arg(unlocked->previous.value_or(QDate()).toString(Qt::ISODate));
    return out;
}

CommandOutput CommandLine::lockStatus(bool asJson)
{
    const std::optional<QDate> until = m_service.lockedUntil();
    const QList<LockRecord> trail = m_service.lockTrail();
    CommandOutput out;
    if (asJson) {
        QJsonArray rows;
        for (const LockRecord &r : trail)
            rows.append(protocol::encodeLock(r));
        const QJsonObject o{{QStringLiteral("lockedUntil"), protocol::dayOrNull(until)},
                            {QStringLiteral("trail"), rows}};
        out.out = QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
        return out;
    }
    if (!until) {
        out.out = tr("No period is locked.\n");
        return out;
    }
    out.out = tr("Locked up to %1.\n").arg(until->toString(Qt::ISODate));
    if (!trail.isEmpty()) {
        const LockRecord &last = trail.last();
        out.out += tr("By %1 on %2, %3.\n")
                       .arg(last.actorName, last.deviceName,
                            QLocale().toString(QDateTime::fromMSecsSinceEpoch(last.at),
                                               QStringLiteral("yyyy-MM-dd HH:mm")));
    }
    return out;
}

} // namespace st
