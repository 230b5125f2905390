#include "HubStore.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <array>

namespace st {

QString HubStore::hashToken(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString HubStore::requestHash(const QString &event, const QJsonObject &payload)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(event.toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(hash.result().toHex());
}

QString HubStore::newToken()
{
    std::array<quint32, 8> words{}; // 32 random bytes
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()), sizeof(words));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace st
