#pragma once

// Private to TimerService's implementation (TimerService.cpp, TimerEdits.cpp, TimerCatalog.cpp,
// TimerQueries.cpp): the helpers more than one of those files needs. Not part of the API.

#include "TimerService.h"

#include <QCoreApplication>

#include <algorithm>

namespace st::timer_detail {

// A read for a public query, whose signature has no room for an error: the failure was logged
// with its query (Database) and reads as no value.
template <typename T> T orEmpty(Result<T> read)
{
    return read ? std::move(read).value() : T{};
}

// A row of orgId's, nullopt for a row of another organisation.
template <typename T>
Result<std::optional<T>> ownedBy(Result<std::optional<T>> row, const QString &orgId)
{
    if (row && row.value() && row.value()->orgId != orgId)
        return std::optional<T>();
    return row;
}

// What differs between saving a task type and a room (TimerService::saveCatalogItem).
template <class Item> struct CatalogKind;

// find and save through the item's repository on db; upsert: the change sent to the hub.
template <> struct CatalogKind<TaskType>
{
    static Result<std::optional<TaskType>> find(const Database &db, const QString &id)
    {
        return CatalogRepository(db).taskType(id);
    }
    static Result<void> save(const Database &db, const TaskType &t)
    {
        return CatalogRepository(db).saveTaskType(t);
    }
    static std::optional<Mutation> upsert(const TaskType &t)
    {
        protocol::TaskTypeUpsert request;
        request.taskType = t;
        return Mutation{request, {}, std::nullopt, std::nullopt};
    }
    static QString notFound()
    {
        return QCoreApplication::translate("st::TimerService", "No such task type.");
    }
    static QString nameTaken(const QString &name)
    {
        return QCoreApplication::translate("st::TimerService",
                                           "A task type named \"%1\" exists already.")
            .arg(name);
    }
};

template <> struct CatalogKind<Room>
{
    static Result<std::optional<Room>> find(const Database &db, const QString &id)
    {
        return CatalogRepository(db).room(id);
    }
    static Result<void> save(const Database &db, const Room &r)
    {
        return CatalogRepository(db).saveRoom(r);
    }
    static std::optional<Mutation> upsert(const Room &r)
    {
        protocol::RoomUpsert request;
        request.room = r;
        return Mutation{request, {}, std::nullopt, std::nullopt};
    }
    static QString notFound()
    {
        return QCoreApplication::translate("st::TimerService", "No such room.");
    }
    static QString nameTaken(const QString &name)
    {
        return QCoreApplication::translate("st::TimerService",
                                           "A room named \"%1\" exists already.")
            .arg(name);
    }
};

template <> struct CatalogKind<Client>
{
    static Result<std::optional<Client>> find(const Database &db, const QString &id)
    {
        return ProjectRepository(db).client(id);
    }
    static Result<void> save(const Database &db, const Client &c)
    {
        return ProjectRepository(db).saveClient(c);
    }
    static std::optional<Mutation> upsert(const Client &c)
    {
        protocol::ClientUpsert request;
        request.client = c;
        return Mutation{request, {}, std::nullopt, std::nullopt};
    }
    static QString notFound()
    {
        return QCoreApplication::translate("st::TimerService", "No such client.");
    }
    static QString nameTaken(const QString &name)
    {
        return QCoreApplication::translate("st::TimerService",
                                           "A client named \"%1\" exists already.")
            .arg(name);
    }
};

template <> struct CatalogKind<Project>
{
    static Result<std::optional<Project>> find(const Database &db, const QString &id)
    {
        return ProjectRepository(db).project(id);
    }
    static Result<void> save(const Database &db, const Project &p)
    {
        return ProjectRepository(db).saveProject(p);
    }
    static std::optional<Mutation> upsert(const Project &p)
    {
        protocol::ProjectUpsert request;
        request.project = p;
        return Mutation{request, {}, std::nullopt, std::nullopt};
    }
    static QString notFound()
    {
        return QCoreApplication::translate("st::TimerService", "No such project.");
    }
    static QString nameTaken(const QString &name)
    {
        return QCoreApplication::translate("st::TimerService",
                                           "A project named \"%1\" exists already.")
            .arg(name);
    }
};

} // namespace st::timer_detail
