#pragma once

#include "domain/Types.h"

#include <QDialog>

class QCheckBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace st {

class Backend;

// Editing task types: name, colour, hourly rate, billable, order, archived. A task type is
// archived, never deleted: its entries keep their name and rate. A new rate takes effect from a
// day (today unless changed, never later); entries already recorded keep theirs
// (docs/REPORTS.md, "Rates"), and the type's rate history is shown.
class TaskTypesDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit TaskTypesDialog(Backend &service, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QString errorText() const;

    // Saves the form into the selected task type (or a new one).
    void saveCurrent();
    void addNew();
    void move(int delta);
    void toggleArchived();

private:
    void reload();
    void showCurrent();
    void save(const TaskType &type);
    QString selectedId() const;

    Backend &m_service;
    QList<TaskType> m_types;
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QPushButton *m_color = nullptr;
    QDoubleSpinBox *m_rate = nullptr;
    QDateEdit *m_rateFrom = nullptr;
    QLabel *m_history = nullptr;
    QCheckBox *m_billable = nullptr;
    QPushButton *m_archive = nullptr;
    QLabel *m_error = nullptr;
    QString m_colorValue;
    QString m_selectAfterReload;
};

} // namespace st
