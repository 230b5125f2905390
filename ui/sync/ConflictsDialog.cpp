#include "ConflictsDialog.h"

#include "backend/SyncSession.h"
#include "protocol/Fields.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
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

QString timeText(Ms at)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(at), QLocale::ShortFormat);
}

// What a refused change did ("yours") and, for the same fields, the entry the hub had
// ("theirs"): "end 19:30" beside "end 18:30".
std::pair<QString, QString> yoursAndTheirs(const SyncConflict &c)
{
    const auto request = protocol::decodeStoredRequest(c.event, c.payload);
    if (!request)
        return {};
    QStringList yours, theirs;
    const std::optional<TimeEntry> &t = c.theirs;
    const auto start = [&](std::optional<Ms> at) {
        if (!at)
            return;
        yours << ConflictsDialog::tr("start %1").arg(timeText(*at));
        if (t)
            theirs << ConflictsDialog::tr("start %1").arg(timeText(t->startedAt));
    };
    const auto end = [&](std::optional<Ms> at) {
        if (!at)
            return;
        yours << ConflictsDialog::tr("end %1").arg(timeText(*at));
        if (t)
            theirs << (t->endedAt ? ConflictsDialog::tr("end %1").arg(timeText(*t->endedAt))
                                  : ConflictsDialog::tr("running"));
    };
    std::visit(
        protocol::Overloaded{
            [&](const protocol::EntryAdjust &r) {
                start(r.startedAt);
                end(r.endedAt);
                if (r.note) {
                    yours << ConflictsDialog::tr("note \"%1\"").arg(*r.note);
                    if (t)
                        theirs << ConflictsDialog::tr("note \"%1\"").arg(t->note);
                }
                if (r.taskTypeId || r.roomId)
                    yours << ConflictsDialog::tr("task or room changed");
            },
            [&](const protocol::TimerStop &r) { end(r.at); },
            [&](const protocol::EntryDelete &) { yours << ConflictsDialog::tr("deleted"); },
            [&](const protocol::EntryRestore &) { yours << ConflictsDialog::tr("restored"); },
            [](const auto &) {},
        },
        request.value());
    if (t && t->deleted)
        theirs << ConflictsDialog::tr("deleted");
    QString theirsText = theirs.join(QStringLiteral(", "));
    if (!c.theirsUser.isEmpty())
        theirsText = c.theirsDevice.isEmpty()
                         ? ConflictsDialog::tr("%1 by %2").arg(theirsText, c.theirsUser)
                         : ConflictsDialog::tr("%1 by %2 at %3")
                               .arg(theirsText, c.theirsUser, c.theirsDevice);
    return {yours.join(QStringLiteral(", ")), theirsText};
}

} // namespace

ConflictsDialog::ConflictsDialog(SyncSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setWindowTitle(tr("Refused changes"));
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(tr("The hub refused these changes made on this machine. Each entry "
                            "was set back to what the hub has."),
                         this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    // Nothing to list: say so, and what would appear here, instead of an empty table.
    m_empty = new QLabel(tr("Nothing was refused. When the hub refuses a change made on this "
                            "machine, it is listed here with the hub's reason."),
                         this);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setMinimumHeight(120);
    layout->addWidget(m_empty, 1);
    m_table = new QTableWidget(0, 5, this);
    m_table->setHorizontalHeaderLabels(
        {tr("When"), tr("Change"), tr("Yours"), tr("Theirs (kept)"), tr("Reason")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAccessibleName(tr("Refused changes"));
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    layout->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_reapply = buttons->addButton(tr("&Re-apply mine"), QDialogButtonBox::ActionRole);
    m_reapply->setObjectName(QStringLiteral("reapplyButton"));
    m_reapply->setToolTip(tr("Make the selected change again on the entry as it is now"));
    m_reapply->setEnabled(false);
    connect(m_reapply, &QPushButton::clicked, this, &ConflictsDialog::reapplySelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto *item =
            m_table->currentRow() >= 0 ? m_table->item(m_table->currentRow(), 0) : nullptr;
        m_reapply->setEnabled(item && item->data(Qt::UserRole + 1).toBool());
    });
    connect(&m_session, &SyncSession::conflictReapplied, this,
            [this](const QString &, const QString &error) {
                if (!error.isEmpty())
                    QMessageBox::warning(this, tr("Re-apply mine"), error);
            });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(&m_session, &SyncSession::conflictsChanged, this, &ConflictsDialog::reload);
    reload();
    m_session.markConflictsSeen();
    resize(820, 320);
}

void ConflictsDialog::reload()
{
    const QList<SyncConflict> conflicts = m_session.conflicts();
    m_table->setRowCount(int(conflicts.size()));
    for (int row = 0; row < conflicts.size(); ++row) {
        const SyncConflict &c = conflicts.at(row);
        const QString when =
            QLocale().toString(QDateTime::fromMSecsSinceEpoch(c.at), QLocale::ShortFormat);
        auto *whenItem = new QTableWidgetItem(when);
        whenItem->setData(Qt::UserRole, c.id);
        // Stale changes to an entry can be made again on the current one.
        whenItem->setData(Qt::UserRole + 1, c.code == ErrorCode::Conflict && c.theirs.has_value());
        const auto [yours, theirs] = yoursAndTheirs(c);
        m_table->setItem(row, 0, whenItem);
        m_table->setItem(row, 1, new QTableWidgetItem(describeEvent(c.event)));
        m_table->setItem(row, 2, new QTableWidgetItem(yours));
        m_table->setItem(row, 3, new QTableWidgetItem(theirs));
        m_table->setItem(row, 4, new QTableWidgetItem(c.message));
    }
    m_table->resizeColumnsToContents();
    m_reapply->setEnabled(false);
    const bool empty = conflicts.isEmpty();
    m_empty->setVisible(empty);
    m_intro->setVisible(!empty);
    m_table->setVisible(!empty);
    m_reapply->setVisible(!empty);
}

void ConflictsDialog::reapplySelected()
{
    const int row = m_table->currentRow();
    const auto *item = row >= 0 ? m_table->item(row, 0) : nullptr;
    if (!item)
        return;
    m_reapply->setEnabled(false);
    m_session.reapplyConflict(item->data(Qt::UserRole).toString());
}

} // namespace st
