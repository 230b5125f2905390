#pragma once

#include "domain/Error.h"
#include "domain/Types.h"

#include <QJsonObject>

// Clients and projects as the protocol sends them (docs/PROTOCOL.md, "clients:upsert" and
// "projects:upsert"): {id, name, color, hourlyRateCents (null: none), archived, updatedAt}, and
// for a project also clientId (null: none), budgetMs and budgetCents (null: none). The
// organisation is the connection's; a decoded item is validated as the store would (names,
// colours, rates, one budget at most).
namespace st::protocol {

QJsonObject fromClient(const Client &client);
Result<Client> toClient(const QJsonObject &object);

QJsonObject fromProject(const Project &project);
Result<Project> toProject(const QJsonObject &object);

} // namespace st::protocol
