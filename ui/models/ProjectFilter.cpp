#include "ProjectFilter.h"

#include "backend/NowSnapshot.h"

namespace st {

QStringList projectFilterIds(const NowSnapshot &snapshot, const QStringList &clientIds,
                             const QStringList &projectIds)
{
    if (clientIds.isEmpty())
        return projectIds;
    QStringList ofClients;
    if (clientIds.contains(QString()))
        ofClients << QString(); // no project: no client either
    for (const Project &p : snapshot.projects) {
        if (clientIds.contains(p.clientId))
            ofClients << p.id;
    }
    QStringList result;
    for (const QString &id : std::as_const(ofClients)) {
        if (projectIds.isEmpty() || projectIds.contains(id))
            result << id;
    }
    // Nothing can pass: an ID no project has (the nil UUID).
    if (result.isEmpty())
        result << QStringLiteral("00000000-0000-0000-0000-000000000000");
    return result;
}

} // namespace st
