// `studiotimer rooms` and `people` (docs/REPORTS.md, "Rooms and people"): list, rename, archive,
// unarchive and merge, each change audited with who and which device.
#include "CommandLine.h"
#include "Option.h"

#include "timer/TimerService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace st {

namespace {

// A room or a person as the commands list them.
struct Listed
{
    QString id;
    QString name;
    bool archived = false;
};

} // namespace

void CommandLine::rosterOptions(QCommandLineParser &p)
{
    p.addOptions({cli::option("json"), cli::option("archived"), cli::option("user", "NAME")});
}

// rooms|people list [--json] [--archived] | rename OLD NEW | archive NAME | unarchive NAME |
// merge FROM INTO.
CommandOutput CommandLine::roster(QCommandLineParser &p, RosterKind kind)
{
    const QStringList args = p.positionalArguments();
    const QString command =
        kind == RosterKind::Room ? QStringLiteral("rooms") : QStringLiteral("people");
    const QString sub = args.value(0);
    struct Shape
    {
        const char *name;
        int arguments;
        QStringList options;
    };
    const QList<Shape> shapes{
        {"list", 0, {QStringLiteral("json"), QStringLiteral("archived")}},
        {"rename", 2, {QStringLiteral("user")}},
        {"archive", 1, {QStringLiteral("user")}},
        {"unarchive", 1, {QStringLiteral("user")}},
        {"merge", 2, {QStringLiteral("user")}},
    };
    const auto shape = std::find_if(shapes.begin(), shapes.end(), [&sub](const Shape &s) {
        return sub == QLatin1String(s.name);
    });
    if (shape == shapes.end())
        return usageError(tr("\"%1\" takes list, rename, archive, unarchive or merge, not \"%2\".")
                              .arg(command, sub));
    if (args.size() - 1 != shape->arguments)
        return usageError(
            tr("\"%1 %2\" takes %n name(s) (quote a name with spaces).", nullptr, shape->arguments)
                .arg(command, sub));
    for (const QString &name : p.optionNames()) {
        if (!shape->options.contains(name))
            return usageError(tr("\"%1 %2\" does not take --%3.").arg(command, sub, name));
    }
    if (sub == QLatin1String("list"))
        return listRoster(kind, p.isSet(QStringLiteral("json")),
                          p.isSet(QStringLiteral("archived")));

    const auto find = [this, kind](const QString &name) -> Result<QString> {
        if (kind == RosterKind::Room) {
            auto room = m_service.findRoom(name);
            return room ? Result<QString>(room->id) : Result<QString>(room.error());
        }
        auto user = m_service.findUser(name);
        return user ? Result<QString>(user->id) : Result<QString>(user.error());
    };
    auto who = actor(p, false);
    if (!who)
        return fail(who.error());
    auto item = find(args.at(1));
    if (!item)
        return fail(item.error());
    Result<RosterRecord> done = Error::internal({});
    if (sub == QLatin1String("rename")) {
        done = m_service.renameInRoster(kind, item.value(), args.at(2), who->id);
    } else if (sub == QLatin1String("merge")) {
        auto into = find(args.at(2));
        if (!into)
            return fail(into.error());
        done = m_service.mergeInRoster(kind, item.value(), into.value(), who->id);
    } else {
        done =
            m_service.archiveInRoster(kind, item.value(), sub == QLatin1String("archive"), who->id);
    }
    if (!done)
        return fail(done.error());
    const RosterRecord &r = done.value();
    QString text;
    if (r.action == QLatin1String("rename"))
        text = tr("Renamed \"%1\" to \"%2\".").arg(r.itemName, r.targetName);
    else if (r.action == QLatin1String("archive"))
        text = tr("Archived \"%1\": hidden from pickers, kept on its entries and in reports.")
                   .arg(r.itemName);
    else if (r.action == QLatin1String("unarchive"))
        text = tr("\"%1\" is back in the pickers.").arg(r.itemName);
    else
        text = tr("Merged \"%1\" into \"%2\": %n entry(s) moved.", nullptr, r.entries)
                   .arg(r.itemName, r.targetName);
    return {0, text + QLatin1Char('\n'), {}};
}

CommandOutput CommandLine::listRoster(RosterKind kind, bool json, bool withArchived)
{
    QList<Listed> items;
    if (kind == RosterKind::Room) {
        for (const Room &r : m_service.rooms(withArchived))
            items.append({r.id, r.name, r.archived});
    } else {
        for (const User &u : m_service.users(withArchived))
            items.append({u.id, u.name, u.archived});
    }
    CommandOutput out;
    if (json) {
        QJsonArray array;
        for (const Listed &i : items)
            array.append(QJsonObject{{QStringLiteral("id"), i.id},
                                     {QStringLiteral("name"), i.name},
                                     {QStringLiteral("archived"), i.archived}});
        out.out = QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return out;
    }
    for (const Listed &i : items)
        out.out += (i.archived ? tr("%1 (archived)").arg(i.name) : i.name) + QLatin1Char('\n');
    return out;
}

} // namespace st
