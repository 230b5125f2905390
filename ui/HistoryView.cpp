#include "HistoryView.h"

#include "ChoiceButton.h"

#include "backend/Backend.h"
#include "dialogs/EntryDialog.h"
#include "domain/Format.h"
#include "models/HistoryModel.h"
#include "models/ProjectFilter.h"
#include "projects/ProjectPicker.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace st {

HistoryView::HistoryView(Backend &service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
{
    auto *layout = new QVBoxLayout(this);
    auto *filters = new QHBoxLayout;
    m_period = new QComboBox(this);
    for (const Period p :
         {Period::Today, Period::Yesterday, Period::ThisWeek, Period::LastWeek, Period::ThisMonth,
          Period::LastMonth, Period::ThisYear, Period::Custom, Period::AllTime})
        m_period->addItem(periods::name(p), int(p));
    const QDate today = QDate::currentDate();
    m_from = new QDateEdit(today.addDays(-7), this);
    m_to = new QDateEdit(today, this);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(entryFormat::dateEditFormat()); // the locale's, as in the table
    }
    m_types = new ChoiceButton(tr("All tasks"), this);
    m_users = new ChoiceButton(tr("All users"), this);
    m_rooms = new ChoiceButton(tr("All rooms"), this);
    m_clients = new ChoiceButton(tr("All clients"), this);
    m_projects = new ChoiceButton(tr("All projects"), this);
    m_types->setObjectName(QStringLiteral("taskFilter"));
    m_users->setObjectName(QStringLiteral("userFilter"));
    m_rooms->setObjectName(QStringLiteral("roomFilter"));
    m_clients->setObjectName(QStringLiteral("clientFilter"));
    m_projects->setObjectName(QStringLiteral("projectFilter"));
    m_tags = new QLineEdit(this);
    m_tags->setObjectName(QStringLiteral("tagFilter"));
    m_tags->setPlaceholderText(tr("Tags"));
    m_tags->setToolTip(tr("Entries having any of these words as a tag (separated by spaces)"));
    m_tags->setClearButtonEnabled(true);
    m_text = new QLineEdit(this);
    m_text->setPlaceholderText(tr("Search notes"));
    // No labels on the filter bar: screen readers get names instead.
    m_period->setAccessibleName(tr("Period"));
    m_from->setAccessibleName(tr("First day"));
    m_to->setAccessibleName(tr("Last day"));
    m_types->setAccessibleName(tr("Task types shown"));
    m_users->setAccessibleName(tr("People shown"));
    m_rooms->setAccessibleName(tr("Rooms shown"));
    m_clients->setAccessibleName(tr("Clients shown"));
    m_projects->setAccessibleName(tr("Projects shown"));
    m_tags->setAccessibleName(tr("Tags shown"));
    m_text->setAccessibleName(tr("Search notes"));
    m_text->setClearButtonEnabled(true);
    filters->addWidget(m_period);
    filters->addWidget(m_from);
    filters->addWidget(m_to);
    filters->addWidget(m_types);
    filters->addWidget(m_users);
    filters->addWidget(m_rooms);
    filters->addWidget(m_clients);
    filters->addWidget(m_projects);
    filters->addWidget(m_tags);
    filters->addWidget(m_text, 1);
    layout->addLayout(filters);

    m_model = new HistoryModel(m_service, this);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(0, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    // Sized to the first rows' contents (not all of a million), the note taking the rest.
    m_table->horizontalHeader()->setResizeContentsPrecision(100);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(
        int(HistoryModel::columns().indexOf(EntryColumn::Note)), QHeaderView::Stretch);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->setAccessibleName(tr("Entries"));
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    m_table->installEventFilter(this);
    layout->addWidget(m_table, 1);
    // No entry in the period and filters: say so, and how one gets there, instead of an empty
    // table (shown once the model has counted, so never while the first page loads).
    m_empty =
        new QLabel(tr("No entries in this period with these filters. Start a timer on the "
                      "Now tab, add one with New entry… (%1), or widen the period.")
                       .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)),
                   this);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->hide();
    layout->addWidget(m_empty, 1);

    // After a delete, for a few seconds: "Entry deleted — Undo" (Ctrl+Z does the same).
    m_undoBar = new QFrame(this);
    m_undoBar->setObjectName(QStringLiteral("undoBar"));
    m_undoBar->setFrameShape(QFrame::StyledPanel);
    auto *undoLayout = new QHBoxLayout(m_undoBar);
    undoLayout->setContentsMargins(8, 2, 8, 2);
    auto *undoText = new QLabel(tr("Entry deleted"), m_undoBar);
    auto *undoButton = new QPushButton(tr("Undo"), m_undoBar);
    undoButton->setObjectName(QStringLiteral("undoButton"));
    undoButton->setAccessibleName(tr("Undo the delete"));
    undoLayout->addWidget(undoText);
    undoLayout->addWidget(undoButton);
    undoLayout->addStretch();
    m_undoBar->hide();
    layout->addWidget(m_undoBar);
    m_undoBarTimer = new QTimer(this);
    m_undoBarTimer->setSingleShot(true);
    m_undoBarTimer->setInterval(8000);
    connect(m_undoBarTimer, &QTimer::timeout, m_undoBar, &QWidget::hide);

    auto *bottom = new QHBoxLayout;
    m_totals = new QLabel(this);
    m_totals->setWordWrap(true);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bottom->addWidget(m_totals, 1);
    auto *add = new QPushButton(tr("New entry…"), this);
    auto *adjust = new QPushButton(tr("Adjust…"), this);
    auto *remove = new QPushButton(tr("Delete"), this);
    bottom->addWidget(add);
    bottom->addWidget(adjust);
    bottom->addWidget(remove);
    layout->addLayout(bottom);

    auto *adjustAction = new QAction(tr("Adjust…"), this);
    adjustAction->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    adjustAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    auto *deleteAction = new QAction(tr("Delete"), this);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(adjustAction);
    m_table->addAction(deleteAction);
    m_undo = new QAction(tr("&Undo delete"), this);
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setEnabled(false);
    m_newEntry = new QAction(tr("&New entry…"), this);
    m_newEntry->setShortcut(QKeySequence::New);
    const auto keys = [](const QAction *a) {
        return a->shortcut().toString(QKeySequence::NativeText);
    };
    add->setToolTip(tr("Add an entry by hand (%1)").arg(keys(m_newEntry)));
    adjust->setToolTip(tr("Adjust the selected entry (%1)").arg(keys(adjustAction)));
    remove->setToolTip(tr("Delete the selected entry (%1); %2 brings it back")
                           .arg(keys(deleteAction), keys(m_undo)));

    connect(add, &QPushButton::clicked, this, &HistoryView::addEntry);
    connect(m_newEntry, &QAction::triggered, this, &HistoryView::addEntry);
    connect(adjust, &QPushButton::clicked, this, &HistoryView::adjustSelected);
    connect(adjustAction, &QAction::triggered, this, &HistoryView::adjustSelected);
    connect(m_table, &QTableView::doubleClicked, this, &HistoryView::adjustSelected);
    connect(remove, &QPushButton::clicked, this, &HistoryView::deleteSelected);
    connect(deleteAction, &QAction::triggered, this, &HistoryView::deleteSelected);
    connect(m_undo, &QAction::triggered, this, &HistoryView::undoDelete);
    connect(undoButton, &QPushButton::clicked, this, &HistoryView::undoDelete);

    connect(m_period, &QComboBox::currentIndexChanged, this, &HistoryView::applyFilter);
    connect(m_from, &QDateEdit::dateChanged, this, &HistoryView::applyFilter);
    connect(m_to, &QDateEdit::dateChanged, this, &HistoryView::applyFilter);
    m_textDelay = new QTimer(this);
    m_textDelay->setSingleShot(true);
    m_textDelay->setInterval(300);
    connect(m_text, &QLineEdit::textChanged, m_textDelay, qOverload<>(&QTimer::start));
    connect(m_tags, &QLineEdit::textChanged, m_textDelay, qOverload<>(&QTimer::start));
    connect(m_textDelay, &QTimer::timeout, this, &HistoryView::applyFilter);
    connect(m_model, &HistoryModel::loaded, this, &HistoryView::updateTotals);
    connect(m_model, &HistoryModel::ticked, this, &HistoryView::updateTotals);
    // A reset sizes the columns to an empty table (the headers alone): size them again once rows
    // arrive or change ("29 N…", "runn…" otherwise).
    m_fitColumns = new QTimer(this);
    m_fitColumns->setSingleShot(true);
    m_fitColumns->setInterval(0);
    connect(m_fitColumns, &QTimer::timeout, this, &HistoryView::fitColumns);
    connect(m_model, &HistoryModel::rowsInserted, m_fitColumns, qOverload<>(&QTimer::start));
    // Queued: the model counts the rows as loaded once the insertion is over.
    connect(
        m_model, &HistoryModel::rowsInserted, this,
        [this] {
            if (m_goToEnd && !m_model->isLoading())
                goToLastRow();
        },
        Qt::QueuedConnection);
    connect(m_model, &HistoryModel::modelReset, this, [this] { m_goToEnd = false; });
    connect(m_model, &HistoryModel::rowsRemoved, m_fitColumns, qOverload<>(&QTimer::start));
    connect(m_model, &HistoryModel::modelReset, m_fitColumns, qOverload<>(&QTimer::start));
    connect(m_model, &HistoryModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                // Not for the running rows' seconds: they keep their width.
                if (topLeft.column() != bottomRight.column())
                    m_fitColumns->start();
            });
    connect(&m_service, &Backend::snapshotChanged, this, &HistoryView::rebuildChoices);

    for (ChoiceButton *b : {m_types, m_users, m_rooms, m_clients, m_projects})
        connect(b, &ChoiceButton::changed, this, &HistoryView::applyFilter);
    m_period->setCurrentIndex(m_period->findData(int(Period::ThisWeek)));
    rebuildChoices();
    applyFilter();
}

void HistoryView::rebuildChoices()
{
    const NowSnapshot &snap = m_service.snapshot();
    QList<ChoiceButton::Choice> types, users, rooms, clients, projects;
    for (const TaskType &t : snap.taskTypes)
        types.append({t.id, t.name});
    for (const User &u : snap.users)
        users.append({u.id, u.name});
    for (const Room &r : snap.rooms)
        rooms.append({r.id, r.name});
    clients.append({QString(), tr("No client")});
    for (const Client &c : snap.clients)
        clients.append({c.id, c.name});
    projects.append({QString(), tr("No project")});
    for (const Project &p : snap.projects)
        projects.append({p.id, p.name});
    m_types->setChoices(types);
    m_users->setChoices(users);
    m_rooms->setChoices(rooms);
    m_clients->setChoices(clients);
    m_projects->setChoices(projects);
}

EntryFilter HistoryView::currentFilter() const
{
    EntryFilter f;
    const auto period = Period(m_period->currentData().toInt());
    QDate first, last;
    if (period == Period::Custom) {
        first = std::min(m_from->date(), m_to->date());
        last = std::max(m_from->date(), m_to->date());
    } else if (period != Period::AllTime) {
        const QDate today = QDateTime::fromMSecsSinceEpoch(m_service.clock().nowMs()).date();
        std::tie(first, last) = periods::days(period, today, QLocale().firstDayOfWeek());
    }
    if (first.isValid()) {
        const format::Range r = format::days(first, last);
        f.from = r.from;
        f.to = r.to;
    }
    f.taskTypeIds = m_types->checkedIds();
    f.userIds = m_users->checkedIds();
    f.roomIds = m_rooms->checkedIds();
    f.projectIds =
        projectFilterIds(m_service.snapshot(), m_clients->checkedIds(), m_projects->checkedIds());
    f.tags = parseTags(m_tags->text());
    f.text = m_text->text().trimmed();
    return f;
}

void HistoryView::applyFilter()
{
    const bool custom = Period(m_period->currentData().toInt()) == Period::Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    m_textDelay->stop();
    m_model->setFilter(currentFilter());
}

bool HistoryView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::MoveToEndOfDocument)) {
        goToLastRow();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void HistoryView::goToLastRow()
{
    // The real last row, not the last one loaded: load the rest first, then go there.
    m_goToEnd = m_model->canFetchMore({}) || m_model->isLoading();
    if (m_goToEnd) {
        m_model->fetchAll();
        return;
    }
    const int last = m_model->rowCount() - 1;
    if (last < 0)
        return;
    m_table->setCurrentIndex(m_model->index(
        last, m_table->currentIndex().isValid() ? m_table->currentIndex().column() : 0));
    m_table->scrollToBottom();
}

void HistoryView::fitColumns()
{
    // QHeaderView::resizeSections() (a protected slot): every ResizeToContents column to its
    // contents again, the note still stretching.
    QMetaObject::invokeMethod(m_table->horizontalHeader(), "resizeSections");
}

void HistoryView::updateTotals()
{
    const NowSnapshot &snap = m_service.snapshot();
    const Totals t = m_model->totals();
    const bool empty = t.entries == 0 && !m_model->isLoading();
    m_empty->setVisible(empty);
    m_table->setVisible(!empty);
    QStringList perType;
    for (const TaskTotal &tt : t.perTaskType)
        perType << tr("%1 %2 (%3)")
                       .arg(snap.taskTypeName(tt.taskTypeId), format::duration(tt.billableMs),
                            entryFormat::money(tt.costCents, snap));
    m_totals->setText(
        tr("<b>%n entries · %1 · %2</b>", nullptr, t.entries)
            .arg(format::duration(t.billableMs), entryFormat::money(t.costCents, snap)) +
        (perType.isEmpty() ? QString()
                           : QStringLiteral("<br>") + perType.join(QStringLiteral(" · "))));
}

void HistoryView::setPeriod(Period period)
{
    m_period->setCurrentIndex(m_period->findData(int(period)));
}

void HistoryView::setCustomRange(const QDate &from, const QDate &to)
{
    const QSignalBlocker a(m_from), b(m_to);
    m_from->setDate(from);
    m_to->setDate(to);
    if (Period(m_period->currentData().toInt()) == Period::Custom)
        applyFilter();
    else
        setPeriod(Period::Custom);
}

void HistoryView::setTaskTypes(const QStringList &ids)
{
    m_types->setCheckedIds(ids);
    applyFilter();
}

void HistoryView::setUsers(const QStringList &ids)
{
    m_users->setCheckedIds(ids);
    applyFilter();
}

void HistoryView::setRooms(const QStringList &ids)
{
    m_rooms->setCheckedIds(ids);
    applyFilter();
}

void HistoryView::setClients(const QStringList &ids)
{
    m_clients->setCheckedIds(ids);
    applyFilter();
}

void HistoryView::setProjects(const QStringList &ids)
{
    m_projects->setCheckedIds(ids);
    applyFilter();
}

void HistoryView::setTags(const QString &words)
{
    m_tags->setText(words);
    applyFilter();
}

void HistoryView::setText(const QString &text)
{
    m_text->setText(text);
    applyFilter();
}

void HistoryView::adjustSelected()
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid())
        return;
    auto *dialog =
        new EntryDialog(m_service, EntryDialog::Mode::Adjust, m_model->entryAt(index.row()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void HistoryView::addEntry()
{
    const TimeEntry proposal =
        EntryDialog::proposal(m_service.snapshot(), m_service.clock().nowMs());
    auto *dialog = new EntryDialog(m_service, EntryDialog::Mode::Create, proposal, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void HistoryView::deleteSelected()
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid())
        return;
    const QString id = m_model->entryAt(index.row()).id;
    const QString actor = m_service.currentUserId();
    m_service.write<Result<TimeEntry>>([id, actor](TimerService &s) { return s.remove(id, actor); },
                                       this,
                                       [this](const Result<TimeEntry> &r) {
                                           if (!r) {
                                               Q_EMIT m_service.failed(r.error().message);
                                               return;
                                           }
                                           m_deleted.append(r->id);
                                           m_undo->setEnabled(true);
                                           m_undoBar->show();
                                           m_undoBarTimer->start();
                                       });
}

void HistoryView::undoDelete()
{
    if (m_deleted.isEmpty())
        return;
    const QString id = m_deleted.takeLast();
    m_undo->setEnabled(!m_deleted.isEmpty());
    m_undoBar->hide();
    m_undoBarTimer->stop();
    const QString actor = m_service.currentUserId();
    m_service.write<Result<TimeEntry>>(
        [id, actor](TimerService &s) { return s.restore(id, actor); }, this,
        [this](const Result<TimeEntry> &r) {
            if (!r)
                Q_EMIT m_service.failed(r.error().message);
        });
}

} // namespace st
