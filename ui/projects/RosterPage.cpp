#include "RosterPage.h"

#include "backend/Backend.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

namespace st {

RosterPage::RosterPage(Backend &service, RosterKind kind, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_kind(kind)
{
    const bool rooms = kind == RosterKind::Room;
    auto *layout = new QHBoxLayout(this);
    m_list = new QListWidget(this);
    m_list->setObjectName(rooms ? QStringLiteral("roomList") : QStringLiteral("peopleList"));
    m_list->setAccessibleName(rooms ? tr("Rooms") : tr("People"));
    layout->addWidget(m_list, 1);

    auto *side = new QVBoxLayout;
    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("rosterName"));
    form->addRow(tr("New &name:"), m_name);
    m_rename = new QPushButton(tr("&Rename"), this);
    m_rename->setObjectName(QStringLiteral("rosterRename"));
    form->addRow(QString(), m_rename);
    m_archive = new QPushButton(tr("Arc&hive"), this);
    m_archive->setObjectName(QStringLiteral("rosterArchive"));
    form->addRow(QString(), m_archive);
    m_into = new QComboBox(this);
    m_into->setObjectName(QStringLiteral("rosterMergeInto"));
    form->addRow(tr("Merge &into:"), m_into);
    m_merge = new QPushButton(tr("&Merge"), this);
    m_merge->setObjectName(QStringLiteral("rosterMerge"));
    m_merge->setToolTip(rooms ? tr("Every entry of the selected room moves to the one chosen, "
                                   "then the selected room disappears.")
                              : tr("Every entry of the selected person moves to the one chosen, "
                                   "then the selected person disappears."));
    form->addRow(QString(), m_merge);
    side->addLayout(form);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("rosterError"));
    m_error->setWordWrap(true);
    side->addWidget(m_error);
    side->addStretch(1);
    layout->addLayout(side, 1);

    // Enter in the name field renames; no button takes Enter as the dialog's default.
    for (QPushButton *b : {m_rename, m_archive, m_merge})
        b->setAutoDefault(false);
    connect(m_list, &QListWidget::currentRowChanged, this, &RosterPage::showSelected);
    connect(m_rename, &QPushButton::clicked, this, &RosterPage::rename);
    connect(m_name, &QLineEdit::returnPressed, this, &RosterPage::rename);
    connect(m_archive, &QPushButton::clicked, this, &RosterPage::toggleArchived);
    connect(m_merge, &QPushButton::clicked, this, &RosterPage::merge);
    connect(&m_service, &Backend::snapshotChanged, this, &RosterPage::reload);
    reload();
}

QString RosterPage::errorText() const
{
    return m_error->text();
}

QList<RosterPage::Row> RosterPage::rows() const
{
    QList<Row> out;
    const NowSnapshot &snap = m_service.snapshot();
    if (m_kind == RosterKind::Room) {
        for (const Room &r : snap.rooms)
            out.append({r.id, r.name, r.archived});
    } else {
        for (const User &u : snap.users)
            out.append({u.id, u.name, u.archived});
    }
    return out;
}

QString RosterPage::selectedId() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

void RosterPage::reload()
{
    const QString keep = selectedId();
    m_rows = rows();
    const QSignalBlocker block(m_list);
    m_list->clear();
    int current = m_rows.isEmpty() ? -1 : 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows.at(i);
        auto *item =
            new QListWidgetItem(r.archived ? tr("%1 (archived)").arg(r.name) : r.name, m_list);
        if (r.archived)
            item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
        if (r.id == keep)
            current = i;
    }
    m_list->setCurrentRow(current);
    showSelected();
}

void RosterPage::showSelected()
{
    const int row = m_list->currentRow();
    const bool any = row >= 0 && row < m_rows.size();
    m_name->setText(any ? m_rows.at(row).name : QString());
    const bool archived = any && m_rows.at(row).archived;
    m_archive->setText(archived ? tr("Unarc&hive") : tr("Arc&hive"));
    m_into->clear();
    for (const Row &r : m_rows) {
        if (any && r.id != m_rows.at(row).id)
            m_into->addItem(r.name, r.id);
    }
    m_rename->setEnabled(any);
    m_archive->setEnabled(any);
    m_merge->setEnabled(any && m_into->count() > 0);
    m_name->setEnabled(any);
    m_into->setEnabled(m_merge->isEnabled());
}

void RosterPage::run(std::function<Result<RosterRecord>(TimerService &)> job)
{
    m_error->clear();
    m_service.write<Result<RosterRecord>>(std::move(job), this,
                                          [this](const Result<RosterRecord> &done) {
                                              if (!done)
                                                  m_error->setText(done.error().message);
                                          });
}

void RosterPage::rename()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    const QString name = m_name->text();
    const QString actor = m_service.currentUserId();
    const RosterKind kind = m_kind;
    run([=](TimerService &s) { return s.renameInRoster(kind, id, name, actor); });
}

void RosterPage::toggleArchived()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_rows.size())
        return;
    const QString id = m_rows.at(row).id;
    const bool archive = !m_rows.at(row).archived;
    const QString actor = m_service.currentUserId();
    const RosterKind kind = m_kind;
    run([=](TimerService &s) { return s.archiveInRoster(kind, id, archive, actor); });
}

void RosterPage::merge()
{
    const QString id = selectedId();
    const QString into = m_into->currentData().toString();
    if (id.isEmpty() || into.isEmpty())
        return;
    const QString actor = m_service.currentUserId();
    const RosterKind kind = m_kind;
    run([=](TimerService &s) { return s.mergeInRoster(kind, id, into, actor); });
}

} // namespace st
