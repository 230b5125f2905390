#include "SingleInstance.h"

#include "domain/Json.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>

namespace st {

namespace {

constexpr qint64 kMaxMessageBytes = 1 << 20;

QByteArray line(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QJsonObject replyJson(const CommandOutput &out)
{
    return {{QStringLiteral("exitCode"), out.exitCode},
            {QStringLiteral("out"), out.out},
            {QStringLiteral("err"), out.err}};
}

} // namespace

SingleInstance::SingleInstance(QString dataDir, QObject *parent)
    : QObject(parent)
    , m_dataDir(std::move(dataDir))
{}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverName(const QString &dataDir)
{
    const QString path = QDir::cleanPath(QFileInfo(dataDir).absoluteFilePath());
    const QByteArray hash = QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("studiotimer-") + QString::fromLatin1(hash.toHex().left(24));
}

std::optional<CommandOutput> SingleInstance::send(const QString &dataDir,
                                                  const QStringList &arguments, int timeoutMs,
                                                  std::optional<qint64> askedAt)
{
    const qint64 asked = askedAt.value_or(QDateTime::currentMSecsSinceEpoch());
    QLocalSocket socket;
    socket.connectToServer(serverName(dataDir));
    if (!socket.waitForConnected(1000))
        return std::nullopt;
    socket.write(line({{QStringLiteral("args"), QJsonArray::fromStringList(arguments)},
                       {QStringLiteral("askedAt"), asked}}));
    socket.waitForBytesWritten(timeoutMs);
    QByteArray answer;
    while (!answer.contains('\n') && answer.size() < kMaxMessageBytes) {
        if (!socket.waitForReadyRead(timeoutMs))
            break;
        answer += socket.readAll();
    }
    const QJsonObject object = QJsonDocument::fromJson(answer.left(answer.indexOf('\n'))).object();
    CommandOutput out;
    if (!object.contains(QStringLiteral("exitCode"))) {
        out.exitCode = 1;
        out.err = tr("studiotimer: the running Studio Timer did not answer.\n");
        return out;
    }
    out.exitCode = object.value(QStringLiteral("exitCode")).toInt();
    out.out = object.value(QStringLiteral("out")).toString();
    out.err = object.value(QStringLiteral("err")).toString();
    return out;
}

bool SingleInstance::listen()
{
    const QString name = serverName(m_dataDir);
    // Listening replaces a socket of the same name, so ask first whether someone answers on it;
    // a socket left by a crashed app answers nothing and is taken over.
    {
        QLocalSocket probe;
        probe.connectToServer(name);
        if (probe.waitForConnected(500)) {
            m_error = tr("Studio Timer is already running on this data folder.");
            return false;
        }
    }
    QLocalServer::removeServer(name);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(name)) {
        m_error = m_server->errorString();
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::accept);
    return true;
}

void SingleInstance::accept()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QLocalSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            if (buffer->size() > kMaxMessageBytes) {
                socket->abort();
                return;
            }
            const qsizetype end = buffer->indexOf('\n');
            if (end < 0)
                return;
            const QByteArray message = buffer->left(end);
            buffer->clear();
            handle(socket, message);
        });
    }
}

void SingleInstance::handle(QLocalSocket *socket, const QByteArray &message)
{
    const qint64 receivedAt = QDateTime::currentMSecsSinceEpoch();
    const QJsonObject object = QJsonDocument::fromJson(message).object();
    const QJsonValue args = object.value(QStringLiteral("args"));
    QPointer<QLocalSocket> guard(socket);
    const Reply reply = [guard](const CommandOutput &out) {
        if (!guard)
            return;
        guard->write(line(replyJson(out)));
        guard->flush();
        guard->disconnectFromServer();
    };
    if (!args.isArray()) {
        reply({2, {}, tr("studiotimer: malformed request.\n")});
        return;
    }
    Request request;
    for (const QJsonValue &v : args.toArray())
        request.arguments << v.toString();
    // Both ends read this machine's clock; an instant it cannot have asked at is not believed.
    if (const auto askedAt = json::wholeNumber(object.value(QStringLiteral("askedAt")))) {
        const qint64 age = receivedAt - *askedAt;
        if (age >= 0 && age <= kMaxAgeMs)
            request.ageMs = age;
    }
    if (request.arguments.isEmpty()) {
        Q_EMIT activationRequested();
        reply({0, {}, {}});
        return;
    }
    if (!m_handler) {
        reply({1, {}, tr("studiotimer: the running Studio Timer cannot run commands.\n")});
        return;
    }
    m_handler(request, reply);
}

} // namespace st
