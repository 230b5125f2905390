#include "ConflictsDialog.h"

#include "backend/SyncSession.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace st {

namespace {

QString describeEvent(protocol::Event event)
{
    switch (event) {
    case protocol::Event::TimerStart:
        return ConflictsDialog::tr("Start a timer");
    case protocol::Event::TimerStop:
        return ConflictsDialog::tr("Stop a timer");
    case protocol::Event::TimerPause:
        return ConflictsDialog::tr("Pause a timer");
    case protocol::Event::TimerResume:
        return ConflictsDialog::tr("Resume a timer");
    case protocol::Event::EntryCreate:
    case protocol::Event::EntryAdjust:
    case protocol::Event::EntryDelete:
    case protocol::Event::EntryRestore:
        return ConflictsDialog::tr("Change an entry");
    case protocol::Event::TaskTypeUpsert:
        return ConflictsDialog::tr("Change a task type");
    case protocol::Event::RoomUpsert:
        return ConflictsDialog::tr("Change a room");
    default:
        return protocol::eventName(event);
    }
}

} // namespace

ConflictsDialog::ConflictsDialog(SyncSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setWindowTitle(tr("Refused changes"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The hub refused these changes made on this machine. Each entry "
                                "was set back to what the hub has."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table = new QTableWidget(0, 3, this);
    m_table->setHorizontalHeaderLabels({tr("When"), tr("Change"), tr("Reason")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAccessibleName(tr("Refused changes"));
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    layout->addWidget(m_table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(&m_session, &SyncSession::conflictsChanged, this, &ConflictsDialog::reload);
    reload();
    m_session.markConflictsSeen();
    resize(640, 320);
}

void ConflictsDialog::reload()
{
    const QList<SyncConflict> conflicts = m_session.conflicts();
    m_table->setRowCount(int(conflicts.size()));
    for (int row = 0; row < conflicts.size(); ++row) {
        const SyncConflict &c = conflicts.at(row);
        const QString when =
            QLocale().toString(QDateTime::fromMSecsSinceEpoch(c.at), QLocale::ShortFormat);
        m_table->setItem(row, 0, new QTableWidgetItem(when));
        m_table->setItem(row, 1, new QTableWidgetItem(describeEvent(c.event)));
        m_table->setItem(row, 2, new QTableWidgetItem(c.message));
    }
    m_table->resizeColumnsToContents();
}

} // namespace st
