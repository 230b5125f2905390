#include "EntryFormat.h"

#include "Theme.h"
#include "domain/Format.h"
#include "domain/Money.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace st::entryFormat {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::entryFormat)
};
} // namespace

QString title(EntryColumn column)
{
    switch (column) {
    case EntryColumn::Date:
        return Tr::tr("Date");
    case EntryColumn::Start:
        return Tr::tr("Start");
    case EntryColumn::End:
        return Tr::tr("End");
    case EntryColumn::Duration:
        return Tr::tr("Duration");
    case EntryColumn::Task:
        return Tr::tr("Task");
    case EntryColumn::Project:
        return Tr::tr("Project");
    case EntryColumn::User:
        return Tr::tr("User");
    case EntryColumn::Room:
        return Tr::tr("Room");
    case EntryColumn::Note:
        return Tr::tr("Note");
    case EntryColumn::Cost:
        return Tr::tr("Cost");
    case EntryColumn::Adjusted:
        return Tr::tr("Adjusted");
    }
    return {};
}

QString money(qint64 cents, const NowSnapshot &snapshot)
{
    const QString currency =
        snapshot.org.currency.isEmpty() ? QStringLiteral("EUR") : snapshot.org.currency;
    return money::format(cents, currency, QLocale());
}

QString time(Ms ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).time(), QStringLiteral("HH:mm"));
}

QString date(Ms ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).date(), dateEditFormat());
}

QString dateEditFormat()
{
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    // "yy" alone is ambiguous in an edit: always four digits.
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return format;
}

QVariant data(const TimeEntry &e, EntryColumn column, int role, const NowSnapshot &snapshot, Ms now)
{
    if (role == Qt::DisplayRole) {
        switch (column) {
        case EntryColumn::Date:
            return date(e.startedAt);
        case EntryColumn::Start:
            return time(e.startedAt);
        case EntryColumn::End:
            if (!e.endedAt)
                return e.isPaused() ? Tr::tr("paused") : Tr::tr("running");
            return time(*e.endedAt);
        case EntryColumn::Duration:
            return format::duration(e.billableMs(now));
        case EntryColumn::Task:
            return snapshot.taskTypeName(e.taskTypeId);
        case EntryColumn::Project:
            return snapshot.projectName(e.projectId);
        case EntryColumn::User:
            return snapshot.userName(e.userId);
        case EntryColumn::Room:
            return snapshot.roomName(e.roomId);
        case EntryColumn::Note:
            return e.note;
        case EntryColumn::Cost:
            return money(snapshot.costCents(e, now), snapshot);
        case EntryColumn::Adjusted:
            return e.adjusted ? QStringLiteral("✎") : QString();
        }
    } else if (role == Qt::ToolTipRole) {
        if (column == EntryColumn::Adjusted && e.adjusted)
            return Tr::tr("Adjusted after the fact: the audit trail is in the adjust dialog.");
        if (column == EntryColumn::Note && !e.note.isEmpty())
            return e.note;
        if (column == EntryColumn::Project && !e.projectId.isEmpty()) {
            const auto project = snapshot.project(e.projectId);
            if (project && !project->clientId.isEmpty())
                return Tr::tr("Client: %1").arg(snapshot.clientName(project->clientId));
            return project ? Tr::tr("No client") : QVariant();
        }
    } else if (role == Qt::TextAlignmentRole) {
        if (column == EntryColumn::Duration || column == EntryColumn::Cost)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        if (column == EntryColumn::Adjusted)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
    } else if (role == Qt::DecorationRole && column == EntryColumn::Task) {
        if (const auto t = snapshot.taskType(e.taskTypeId))
            return theme::swatch(QColor(t->color));
    } else if (role == Qt::FontRole && e.isRunning()) {
        QFont font;
        font.setBold(true);
        return font;
    }
    return {};
}

std::optional<EntrySortKey> sortKey(EntryColumn column)
{
    switch (column) {
    case EntryColumn::Date:
    case EntryColumn::Start:
        return EntrySortKey::StartedAt;
    case EntryColumn::End:
        return EntrySortKey::EndedAt;
    case EntryColumn::Duration:
        return EntrySortKey::Duration;
    case EntryColumn::Task:
        return EntrySortKey::TaskType;
    case EntryColumn::Project:
        return EntrySortKey::Project;
    case EntryColumn::User:
        return EntrySortKey::User;
    case EntryColumn::Room:
        return EntrySortKey::Room;
    case EntryColumn::Note:
        return EntrySortKey::Note;
    case EntryColumn::Cost: // rates differ: a cost order is not a duration order
    case EntryColumn::Adjusted:
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace st::entryFormat
