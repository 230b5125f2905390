#include "EntryFormat.h"

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
QString tr(const char *text)
{
    return QCoreApplication::translate("st::entryFormat", text); // the context lupdate gives
}
} // namespace

QString title(EntryColumn column)
{
    switch (column) {
    case EntryColumn::Date:
        return tr("Date");
    case EntryColumn::Start:
        return tr("Start");
    case EntryColumn::End:
        return tr("End");
    case EntryColumn::Duration:
        return tr("Duration");
    case EntryColumn::Task:
        return tr("Task");
    case EntryColumn::User:
        return tr("User");
    case EntryColumn::Room:
        return tr("Room");
    case EntryColumn::Note:
        return tr("Note");
    case EntryColumn::Cost:
        return tr("Cost");
    case EntryColumn::Adjusted:
        return tr("Adjusted");
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
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).date(), QLocale::ShortFormat);
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
                return e.isPaused() ? tr("paused") : tr("running");
            return time(*e.endedAt);
        case EntryColumn::Duration:
            return format::duration(e.billableMs(now));
        case EntryColumn::Task:
            return snapshot.taskTypeName(e.taskTypeId);
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
            return tr("Adjusted after the fact: the audit trail is in the adjust dialog.");
        if (column == EntryColumn::Note && !e.note.isEmpty())
            return e.note;
    } else if (role == Qt::TextAlignmentRole) {
        if (column == EntryColumn::Duration || column == EntryColumn::Cost)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        if (column == EntryColumn::Adjusted)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
    } else if (role == Qt::DecorationRole && column == EntryColumn::Task) {
        if (const auto t = snapshot.taskType(e.taskTypeId))
            return QColor(t->color);
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
