// EntryImporter::Resolver: a row's task type (Toggl's rules), project, client, tags and billable
// flag. Projects and clients the file names and the store lacks are made once by name, as users
// and rooms are (EntryImportResolve.cpp), and written by the batch through TimerService's one save
// of clients and projects.

#include "EntryImport.h"
#include "EntryImportDetail.h"

#include <QRegularExpression>

namespace st {

using namespace import_detail;

namespace {

// The ID a file gives a new client or project, when it is a UUID no stored row has.
template <typename T> QString freshId(const QString &fileId, const QHash<QString, T> &stored)
{
    return isValidId(fileId) && !stored.contains(fileId) ? fileId : newId();
}

} // namespace

void EntryImporter::Resolver::loadProjects(const ImportPlan *frozen)
{
    const TimerService &service = m_importer.m_service;
    const QList<Client> clients = service.clients(true);
    const QList<Project> projects = service.projects(true);
    m_storedClients = clients.size();
    m_storedProjects = projects.size();
    indexRows(m_clients, clients);
    indexRows(m_projects, projects);
    if (frozen) {
        for (const Client &c : frozen->newClients)
            m_newClients.insert(c.name.toCaseFolded(), c);
        for (const Project &p : frozen->newProjects)
            m_newProjects.insert(p.name.toCaseFolded(), p);
    }
    QStringList known;
    for (const TaskType &t : service.taskTypes(false))
        known << t.name;
    m_knownTypes = known.join(QStringLiteral(", "));
    if (const QString wanted = m_importer.m_defaultTaskType; !wanted.isEmpty()) {
        if (auto type = service.findTaskType(wanted))
            m_defaultType = type.value();
        else
            m_defaultTypeError = type.error().message;
    }
}

bool EntryImporter::Resolver::resolveTaskType(const Raw &raw, ImportRow &row, bool *fromProject,
                                              QString *error) const
{
    const auto fail = [error](const QString &message) {
        *error = message;
        return false;
    };
    *fromProject = false;
    std::optional<TaskType> type = findRow(m_types, raw.taskType);
    if (raw.toggl && !type) {
        if (!m_defaultTypeError.isEmpty())
            return fail(m_defaultTypeError);
        type = m_defaultType;
        // Studio Timer's Toggl files before projects existed put the task type in Project.
        if (!type) {
            type = findRow(m_types, raw.project);
            *fromProject = type.has_value();
        }
        if (!type) {
            return fail(
                tr("No task type \"%1\" (its Task column, else its Project); known: %2. "
                   "Choose one for such rows with --task.")
                    .arg(raw.taskType.isEmpty() ? raw.project : raw.taskType, m_knownTypes));
        }
    }
    if (!type && raw.taskType.isEmpty())
        return fail(tr("it has no task type."));
    if (!type) {
        // The service's message lists the known task types.
        auto missing = m_importer.m_service.findTaskType(raw.taskType);
        return fail(missing ? tr("No task type \"%1\".").arg(raw.taskType)
                            : missing.error().message);
    }
    if (type->archived)
        return fail(tr("the task type \"%1\" is archived.").arg(type->name));
    row.entry.taskTypeId = type->id;
    row.taskTypeName = type->name;
    return true;
}

bool EntryImporter::Resolver::resolveProject(const Raw &raw, bool projectWasTaskType,
                                             ImportRow &row, QString *error)
{
    const auto fail = [error](const QString &message) {
        *error = message;
        return false;
    };

    // Toggl's tags are free words (a tag naming a stored room places the entry there); words
    // with spaces, which Toggl allows, are joined with hyphens ("late night" -> "late-night").
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QStringList tags;
    for (const QString &tag : raw.tags) {
        const QString word = tag.trimmed();
        if (raw.toggl && row.entry.roomId.isEmpty()) {
            if (const auto room = findRow(m_rooms, word)) {
                row.entry.roomId = room->id;
                row.roomName = room->name;
                continue;
            }
        }
        tags << QString(word).replace(space, QStringLiteral("-"));
    }
    tags = validate::normalizedTags(tags);
    if (auto valid = validate::tags(tags); !valid)
        return fail(valid.error().message);
    row.entry.tags = tags;
    row.entry.billable = raw.billable.value_or(true);

    const QString wanted = raw.project.trimmed();
    if (projectWasTaskType || (wanted.isEmpty() && raw.projectId.isEmpty()))
        return true;
    std::optional<Project> project = findRow(m_projects, raw.projectId);
    if (!project)
        project = findRow(m_projects, wanted);
    if (!project && wanted.isEmpty()) {
        auto byId = m_importer.m_service.findProject(raw.projectId);
        if (!byId)
            return fail(byId.error().message);
        project = byId.value();
    }
    if (!project) {
        const QString key = wanted.toCaseFolded();
        if (!m_newProjects.contains(key)) {
            if (m_frozen)
                return fail(changedMessage());
            Project made;
            made.id = freshId(raw.projectId, m_projects);
            made.orgId = m_orgId;
            made.name = wanted;
            made.color = nextCatalogColor(m_storedProjects + m_newProjects.size());
            if (const QString client = raw.client.trimmed();
                !client.isEmpty() || !raw.clientId.isEmpty()) {
                std::optional<Client> owner = findRow(m_clients, raw.clientId);
                if (!owner)
                    owner = findRow(m_clients, client);
                if (!owner && !client.isEmpty()) {
                    const QString clientKey = client.toCaseFolded();
                    if (!m_newClients.contains(clientKey)) {
                        Client newClient;
                        newClient.id = freshId(raw.clientId, m_clients);
                        newClient.orgId = m_orgId;
                        newClient.name = client;
                        newClient.color = nextCatalogColor(m_storedClients + m_newClients.size());
                        if (auto valid = validate::client(newClient); !valid)
                            return fail(valid.error().message);
                        m_newClients.insert(clientKey, newClient);
                        m_clientOrder << clientKey;
                    }
                    owner = m_newClients.value(clientKey);
                }
                if (owner)
                    made.clientId = owner->id;
            }
            if (auto valid = validate::project(made); !valid)
                return fail(valid.error().message);
            m_newProjects.insert(key, made);
            m_projectOrder << key;
        }
        project = m_newProjects.value(key);
    }
    row.entry.projectId = project->id;
    row.projectName = project->name;
    if (!project->clientId.isEmpty()) {
        if (auto client = findRow(m_clients, project->clientId))
            row.clientName = client->name;
        for (const Client &c : std::as_const(m_newClients)) {
            if (c.id == project->clientId)
                row.clientName = c.name;
        }
    }
    return true;
}

QList<Project> EntryImporter::Resolver::newProjects(const QSet<QString> &used) const
{
    QList<Project> list;
    for (const QString &key : m_projectOrder) {
        if (used.contains(m_newProjects.value(key).id))
            list << m_newProjects.value(key);
    }
    return list;
}

QList<Client> EntryImporter::Resolver::newClients(const QList<Project> &projects) const
{
    QList<Client> list;
    for (const QString &key : m_clientOrder) {
        const Client &c = m_newClients.value(key);
        if (std::any_of(projects.cbegin(), projects.cend(),
                        [&c](const Project &p) { return p.clientId == c.id; }))
            list << c;
    }
    return list;
}

} // namespace st
