#pragma once

// The requests the hub tests send and what they read from the answers (one copy for every hub
// test).

#include "domain/Types.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace st::test {

inline QJsonObject user(const QString &id, const QString &name)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}};
}

inline QJsonObject startPayload(const QString &entryId, const QString &taskTypeId,
                                const QJsonObject &u, const QString &opId = newId())
{
    return {{QStringLiteral("opId"), opId},
            {QStringLiteral("user"), u},
            {QStringLiteral("entryId"), entryId},
            {QStringLiteral("taskTypeId"), taskTypeId}};
}

inline bool isOk(const QJsonObject &answer)
{
    return answer.value(QLatin1String("ok")).toBool();
}

inline QString errorCode(const QJsonObject &answer)
{
    return answer.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
}

inline qint64 seqOf(const QJsonObject &answer)
{
    return answer.value(QLatin1String("seq")).toInteger();
}

inline QString entryIdOf(const QJsonObject &answer)
{
    return answer.value(QLatin1String("entry")).toObject().value(QLatin1String("id")).toString();
}

// The first task type of a sync:pull answer from seq 0 (an organisation's first change is its
// first default task type, Recording); empty when the answer has none.
inline QString firstTaskTypeId(const QJsonObject &pulled)
{
    return pulled.value(QLatin1String("changes"))
        .toArray()
        .first()
        .toObject()
        .value(QLatin1String("data"))
        .toObject()
        .value(QLatin1String("taskType"))
        .toObject()
        .value(QLatin1String("id"))
        .toString();
}

} // namespace st::test
