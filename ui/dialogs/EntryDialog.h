#pragma once

#include "domain/Types.h"

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTreeWidget;

namespace st {

class Backend;
class ProjectPicker;
struct NowSnapshot;

// Adjusting an entry (start, end, task, room, project, tags, note, and a required reason, with the
// entry's audit trail) or adding one by hand. Saves through the service; the store's refusal is
// shown in the dialog, which stays open.
class EntryDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Adjust,
        Create
    };

    // Create: entry gives the proposed times (its id is ignored).
    EntryDialog(Backend &service, Mode mode, const TimeEntry &entry, QWidget *parent = nullptr);

    // What "New entry" proposes: the gap after the last entry of the day (an hour of it, up to
    // now), or the last hour on a day without entries; the first task, the default room.
    static TimeEntry proposal(const NowSnapshot &snapshot, Ms now);

    // Why the fields cannot be saved; empty when they can.
    QString problem() const;
    QString errorText() const;
    bool isSaving() const { return m_saving; }

    QDateTimeEdit *startEdit() const { return m_start; }
    QDateTimeEdit *endEdit() const { return m_end; }
    QComboBox *taskCombo() const { return m_task; }
    QLineEdit *noteEdit() const { return m_note; }
    ProjectPicker *projectPicker() const { return m_project; }
    QLineEdit *tagsEdit() const { return m_tags; }
    QLineEdit *reasonEdit() const { return m_reason; }
    QTreeWidget *auditView() const { return m_audit; }

    void accept() override;

Q_SIGNALS:
    void saved(const st::TimeEntry &entry);

private:
    void loadAudit();
    void showError(const QString &message);
    QString describeAudit(const AuditRecord &record) const;

    Backend &m_service;
    Mode m_mode;
    TimeEntry m_entry;
    QDateTimeEdit *m_start = nullptr;
    QDateTimeEdit *m_end = nullptr;
    QComboBox *m_task = nullptr;
    QComboBox *m_room = nullptr;
    ProjectPicker *m_project = nullptr;
    QLineEdit *m_tags = nullptr;
    QLineEdit *m_note = nullptr;
    QLineEdit *m_reason = nullptr;
    QTreeWidget *m_audit = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_saving = false;
};

} // namespace st
