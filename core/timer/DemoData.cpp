#include "DemoData.h"

#include "timer/TimerService.h"

#include <QCoreApplication>
#include <QDateTime>

namespace st::demo {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::demo)
};

// A small deterministic generator: the same data on every run.
class Lcg
{
public:
    int next(int bound)
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return int((m_state >> 33) % quint64(bound));
    }

private:
    quint64 m_state = 42;
};

} // namespace

Result<void> populate(TimerService &service, const QString &deskUserId, int days)
{
    const Ms now = service.clock().nowMs();
    QStringList roomIds;
    for (const char *name :
         {QT_TRANSLATE_NOOP("st::demo", "Studio A"), QT_TRANSLATE_NOOP("st::demo", "Studio B"),
          QT_TRANSLATE_NOOP("st::demo", "Live Room")}) {
        auto room = service.findRoom(QCoreApplication::translate("st::demo", name));
        if (!room)
            room = service.saveRoom(
                Room{{}, {}, QCoreApplication::translate("st::demo", name), false, 0});
        if (!room)
            return room.error();
        roomIds << room->id;
    }
    QStringList userIds{deskUserId};
    for (const QString &name : {QStringLiteral("Chloé"), QStringLiteral("Bruno")}) {
        auto user = service.ensureUser(name);
        if (!user)
            return user.error();
        userIds << user->id;
    }
    const QList<TaskType> types = service.taskTypes();
    if (types.isEmpty())
        return Error::invalid(Tr::tr("There are no task types."));
    static const char *const notes[] = {
        QT_TRANSLATE_NOOP("st::demo", "Drums, take 4"),
        QT_TRANSLATE_NOOP("st::demo", "Vocals comp"),
        QT_TRANSLATE_NOOP("st::demo", "Bass DI + amp"),
        QT_TRANSLATE_NOOP("st::demo", "Client revisions"),
        QT_TRANSLATE_NOOP("st::demo", "Stems for the label"),
        "",
    };

    Lcg rnd;
    const QDate today = QDateTime::fromMSecsSinceEpoch(now).date();
    for (int d = days; d >= 0; --d) {
        const QDate day = today.addDays(-d);
        if (day.dayOfWeek() == 7 && d != 0)
            continue; // the studio rests on Sundays
        for (qsizetype u = 0; u < userIds.size(); ++u) {
            Ms at = QDateTime(day, QTime(9, 0)).toMSecsSinceEpoch() + rnd.next(60) * 60'000;
            const int sessions = 3 + rnd.next(4);
            for (int s = 0; s < sessions; ++s) {
                const Ms length = (25 + rnd.next(140)) * 60'000;
                const Ms end = at + length;
                if (end > now - 75 * 60'000)
                    break; // leave the last hour free for the running timers
                ManualEntry m;
                m.userId = userIds.at(u);
                m.taskTypeId = types.at(rnd.next(int(types.size()))).id;
                m.roomId = roomIds.at((u + rnd.next(2)) % roomIds.size());
                m.note =
                    QCoreApplication::translate("st::demo", notes[rnd.next(int(std::size(notes)))]);
                m.startedAt = at;
                m.endedAt = end;
                if (auto r = service.addManual(m); !r)
                    return r.error();
                at = end + rnd.next(30) * 60'000;
            }
        }
    }

    // One corrected entry, so the history shows an audit trail.
    EntryFilter filter;
    filter.userIds = {deskUserId};
    const QList<TimeEntry> recent = service.list(filter, {}, 1, 0);
    if (!recent.isEmpty() && recent.first().endedAt) {
        Adjustment a;
        a.entryId = recent.first().id;
        a.actorId = deskUserId;
        a.endedAt = *recent.first().endedAt - 10 * 60'000;
        a.reason = Tr::tr("Forgot to stop the timer during lunch");
        if (auto r = service.adjust(a); !r)
            return r.error();
    }

    // Two timers running now: the desk user mixing, a colleague recording next door.
    auto mixing = service.findTaskType(types.size() > 2 ? types.at(2).id : types.first().id);
    if (!service.running(deskUserId) && mixing) {
        if (auto r = service.start({deskUserId,
                                    mixing->id,
                                    roomIds.at(0),
                                    Tr::tr("Single \"Northern Lights\", mix v3"),
                                    now - (47 * 60 + 12) * 1000,
                                    {}});
            !r)
            return r.error();
    }
    if (!service.running(userIds.at(1))) {
        if (auto r = service.start({userIds.at(1),
                                    types.at(1 % types.size()).id,
                                    roomIds.at(2),
                                    Tr::tr("Choir overdubs"),
                                    now - (12 * 60 + 5) * 1000,
                                    {}});
            !r)
            return r.error();
    }
    return {};
}

} // namespace st::demo
