#pragma once

#include "domain/Types.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

// Fixed ids, a fixed time and a JSON literal reader for the protocol decoder tests (tst_protocol,
// tst_protocol_projects): the payloads they write by hand name these ids.
namespace st::test::protocol_ids {

inline const QString kEntry = QStringLiteral("0b6f3c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f");
inline const QString kType = QStringLiteral("1c7a4d2f-2e3b-4d4c-8f9a-8b7c6d5e4f3a");
inline const QString kThird = QStringLiteral("2d8b5e3a-3f4c-4e5d-9a0b-9c8d7e6f5a4b");
inline const QString kUser = QStringLiteral("3e9c6f4b-4a5d-4f6e-8b1c-0d9e8f7a6b5c");
inline const QString kFifth = QStringLiteral("4f0d7a5c-5b6e-4a7f-9c2d-1e0f9a8b7c6d");
inline const QString kOp = QStringLiteral("5a1e8b6d-6c7f-4b8a-8d3e-2f1a0b9c8d7e");
inline constexpr Ms kT = 1'764'316'800'000;

inline QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace st::test::protocol_ids
