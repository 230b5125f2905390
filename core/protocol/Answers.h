#pragma once

#include "Broadcasts.h"
#include "Event.h"
#include "domain/Error.h"
#include "domain/Types.h"

#include <QJsonObject>
#include <QJsonValue>

#include <optional>

// The handshake and the answers (docs/PROTOCOL.md, "Connecting" and "Answers").
namespace st::protocol {

// CONNECT to "/": the desk's auth object.
struct ConnectAuth
{
    QString token;
    QString deviceId;
    QString deviceName;
    qint64 since = 0;        // the last seq the desk applied (for the log)
    int protocol = kVersion; // absent on the wire: the current version
};
constexpr int kMaxDeviceFieldLength = 128;
QJsonObject encode(const ConnectAuth &auth);
// The token is read as it is (the hub checks it); deviceId must be a non-empty string and
// deviceName, when given, a string, both at most kMaxDeviceFieldLength; protocol, when given, an
// integer. Refused auth is answered "invalid handshake" (kInvalidHandshake).
Result<ConnectAuth> decodeConnectAuth(const QJsonValue &auth);
// The token alone, read even when the rest of the auth is malformed (the hub checks it first).
QString connectToken(const QJsonValue &auth);

// The hub's answer to CONNECT.
struct ConnectAnswer
{
    QString sid;
    QString orgId;
    QString orgName;
    Ms serverTime = 0;
    qint64 head = -1;              // -1: not said
    int protocol = kOldestVersion; // absent: a round-1 hub
    // The devices connected to the organisation (absent: a hub before issue 13, which sends
    // presence broadcasts instead).
    std::optional<QList<PresenceDevice>> presence;
};
QJsonObject encode(const ConnectAnswer &answer);
Result<ConnectAnswer> decodeConnectAnswer(const QJsonValue &answer);

// CONNECT_ERROR: {message, data?}. The messages a desk acts on are fixed words.
struct ConnectRefusal
{
    enum class Reason
    {
        Unauthorized,        // the token is unknown or revoked: stop retrying
        Unavailable,         // the hub cannot check the token now: retry later
        InvalidHandshake,    // the auth object is malformed
        UnsupportedProtocol, // the desk's protocol version is one the hub does not know
        OverLimit,           // the hub holds as many connections as it allows: retry later
        Other,
    };
    Reason reason = Reason::Other;
    QString message;
    int hubProtocol = 0;  // UnsupportedProtocol: the hub's version
    int deskProtocol = 0; // UnsupportedProtocol: the version the desk sent
};
ConnectRefusal unauthorized();
ConnectRefusal unavailable();
ConnectRefusal invalidHandshake();
// "This hub speaks sync protocol 2 and this desk speaks 5: update Studio Timer." (translated on
// the hub); the data says the versions, so a desk can phrase it in its own language.
ConnectRefusal unsupportedProtocol(int deskProtocol);
// A connection limit of the hub (its message says which); data.code "over_limit".
ConnectRefusal overLimit(const QString &message);
QJsonObject encode(const ConnectRefusal &refusal);
ConnectRefusal decodeConnectRefusal(const QJsonValue &data);

// The answer to a change: {ok:true, seq, entry | taskType | room | client | project | lock} or
// {ok:false, error:{code, message}}. The hub adds serverTime as it sends it.
struct Answer
{
    bool ok = true;
    Error error;
    qint64 seq = 0;
    std::optional<TimeEntry> entry;
    std::optional<TaskType> taskType;
    std::optional<Room> room;
    std::optional<Client> client;
    std::optional<Project> project;
    std::optional<LockRecord> lock;
    std::optional<Ms> serverTime;
    // A stale change's refusal (conflict, with entry): the entry's audit trail at the hub.
    QList<AuditRecord> trail;

    static Answer refused(const Error &error);
};
QJsonObject encode(const Answer &answer);
// Never fails: a refusal without a usable error is an internal one with an empty message, and a
// field that does not decode is left out.
Answer decodeAnswer(const QJsonObject &answer);
// The hub's stamp on any answer (a clock sample for the desk).
std::optional<Ms> serverTimeOf(const QJsonObject &answer);
QJsonObject withServerTime(QJsonObject answer, Ms serverTime);

// sync:pull's answer. A change of a type this build does not know keeps its name and raw data.
struct PulledChange
{
    qint64 seq = 0;
    QString type;
    QJsonObject data;
    std::optional<Event> event() const;
};
struct PullAnswer
{
    QList<PulledChange> changes;
    qint64 head = 0;
    bool more = false;
};
QJsonObject encode(const PullAnswer &answer);
// A refusal is the hub's error.
Result<PullAnswer> decodePullAnswer(const QJsonObject &answer);

} // namespace st::protocol
