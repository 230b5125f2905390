#pragma once

#include "domain/Error.h"
#include "domain/RosterAudit.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace st {

class Backend;
class TimerService;

// One page of "Rooms and people" (docs/REPORTS.md, "Rooms and people"): the rooms (or people),
// archived ones marked; the selected one renamed, archived or unarchived, or merged into another,
// each through the backend's writer (TimerService::editRoster: audited, synced). A refusal is
// shown below and changes nothing.
class RosterPage final : public QWidget
{
    Q_OBJECT
public:
    RosterPage(Backend &service, RosterKind kind, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *mergeTarget() const { return m_into; }
    QString errorText() const;

    void rename();
    void toggleArchived();
    void merge();

private:
    struct Row
    {
        QString id;
        QString name;
        bool archived = false;
    };
    QList<Row> rows() const;
    void reload();
    void showSelected();
    QString selectedId() const;
    void run(std::function<Result<RosterRecord>(TimerService &)> job);

    Backend &m_service;
    RosterKind m_kind;
    QList<Row> m_rows;
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_archive = nullptr;
    QComboBox *m_into = nullptr;
    QPushButton *m_merge = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace st
