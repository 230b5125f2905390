#pragma once

#include "domain/Error.h"

#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;
class QListWidget;
class QPushButton;

namespace st {

class Backend;
class TimerService;

// One page of the clients and projects manager: the list on the left (archived ones muted and
// marked), the selected item's form on the right with Apply, Add and Archive/Restore, and the
// store's refusal below. Nothing is deleted: an archived item keeps its entries.
class CatalogPage : public QWidget
{
    Q_OBJECT
public:
    QListWidget *list() const { return m_list; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *archiveButton() const { return m_archive; }
    QString errorText() const;

    QString selectedId() const;
    void select(const QString &id);
    // Saves the form into the selected item.
    void applyForm();
    void addNew();
    void toggleArchived();

protected:
    struct Row
    {
        QString id;
        QString text;
        QString color;
        bool archived = false;
    };
    CatalogPage(Backend &service, const QString &listName, QWidget *parent);

    Backend &service() const { return m_service; }
    QFormLayout *form() const { return m_form; }
    // Lists the items again from the snapshot, keeping the selection (or the one just saved).
    void reload();
    // Runs the save on the writer; a refusal is shown, a success selects id after the reload.
    void save(std::function<Result<void>(TimerService &)> job, const QString &id);

    virtual QList<Row> rows() const = 0;
    virtual void showItem(const QString &id) = 0;
    virtual void applyItem(const QString &id) = 0;
    virtual void addItem() = 0;
    virtual void toggleItem(const QString &id) = 0;

private:
    void showSelected();

    Backend &m_service;
    QList<Row> m_rows;
    QListWidget *m_list = nullptr;
    QFormLayout *m_form = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_archive = nullptr;
    QLabel *m_error = nullptr;
    QString m_selectAfterReload;
};

} // namespace st
