#include "NowView.h"

#include "ContinueLast.h"
#include "TaskButton.h"
#include "Theme.h"
#include "domain/Format.h"
#include "models/StudioModel.h"
#include "models/TodayModel.h"
#include "projects/ProjectPicker.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace st {

namespace {

constexpr int kNewItem = -2; // the "New user…" / "New room…" entries of the pickers

// A read-only table sized to its contents, the stretch column taking the rest.
QTableView *makeTable(QAbstractItemModel *model, int stretchColumn, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    return table;
}

} // namespace

NowView::NowView(Backend &service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
{
    auto *layout = new QVBoxLayout(this);

    auto *pickers = new QHBoxLayout;
    m_user = new QComboBox(this);
    m_room = new QComboBox(this);
    m_user->setObjectName(QStringLiteral("userPicker"));
    m_room->setObjectName(QStringLiteral("roomPicker"));
    m_user->setMinimumContentsLength(14);
    m_room->setMinimumContentsLength(14);
    m_user->setToolTip(tr("Who works at this desk. A running timer is handed over from now: it "
                          "stops, and goes on for the person picked."));
    m_room->setToolTip(tr("Where the work happens. A running timer moves from now: it is split "
                          "at this instant, the time so far staying in its room."));
    auto *userLabel = new QLabel(tr("Who:"), this);
    userLabel->setBuddy(m_user);
    auto *roomLabel = new QLabel(tr("Room:"), this);
    roomLabel->setBuddy(m_room);
    pickers->addWidget(userLabel);
    pickers->addWidget(m_user);
    pickers->addSpacing(16);
    pickers->addWidget(roomLabel);
    pickers->addWidget(m_room);
    pickers->addSpacing(16);
    m_project = new ProjectPicker(this);
    m_project->setObjectName(QStringLiteral("projectPicker"));
    m_project->setToolTip(tr("The project the work is for: recent ones first; type to find one "
                             "by its name or its client's. A running timer takes it at once."));
    auto *projectLabel = new QLabel(tr("Project:"), this);
    projectLabel->setBuddy(m_project);
    pickers->addWidget(projectLabel);
    pickers->addWidget(m_project, 1);
    pickers->addSpacing(16);
    m_tags = new QLineEdit(this);
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    m_tags->setPlaceholderText(tr("words, separated by spaces"));
    m_tags->setToolTip(tr("Free words to find and report the work by, such as vocals or "
                          "overdub. A running timer takes them when you leave the field."));
    auto *tagsLabel = new QLabel(tr("Tags:"), this);
    tagsLabel->setBuddy(m_tags);
    pickers->addWidget(tagsLabel);
    pickers->addWidget(m_tags, 1);
    layout->addLayout(pickers);

    m_buttons = new QGridLayout;
    layout->addLayout(m_buttons);

    auto *panel = new QGroupBox(tr("Running"), this);
    auto *panelLayout = new QGridLayout(panel);
    m_task = new QLabel(panel);
    QFont big = m_task->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_task->setFont(big);
    m_where = new QLabel(panel);
    m_elapsed = new QLabel(panel);
    QFont clock = big;
    clock.setPointSizeF(big.pointSizeF() * 1.5);
    clock.setFamily(QStringLiteral("monospace"));
    m_elapsed->setFont(clock);
    m_elapsed->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_cost = new QLabel(panel);
    m_cost->setFont(big);
    m_cost->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_note = new QLineEdit(panel);
    m_note->setPlaceholderText(tr("Note (what is being worked on)"));
    m_note->setAccessibleName(tr("Note"));
    // The clock and the cost tick: a fixed name, the figure as the description.
    m_elapsed->setAccessibleName(tr("Elapsed time"));
    m_cost->setAccessibleName(tr("Cost so far"));
    m_pause = new QPushButton(panel);
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_stop = new QPushButton(tr("Stop"), panel);
    m_stop->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    m_stop->setToolTip(
        tr("Stop the timer (%1)").arg(m_stop->shortcut().toString(QKeySequence::NativeText)));
    panelLayout->addWidget(m_task, 0, 0);
    panelLayout->addWidget(m_elapsed, 0, 1, 1, 2);
    panelLayout->addWidget(m_where, 1, 0);
    panelLayout->addWidget(m_cost, 1, 1, 1, 2);
    panelLayout->addWidget(m_note, 2, 0);
    panelLayout->addWidget(m_pause, 2, 1);
    panelLayout->addWidget(m_stop, 2, 2);
    m_continue = new QPushButton(tr("Continue"), panel);
    m_continue->setObjectName(QStringLiteral("continueButton"));
    m_continue->setToolTip(tr("Start the last entry again: same task, room and note"));
    panelLayout->addWidget(m_continue, 2, 3);
    panelLayout->setColumnStretch(0, 1);
    layout->addWidget(panel);

    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *todayBox = new QGroupBox(tr("Today"), split);
    auto *todayLayout = new QVBoxLayout(todayBox);
    m_todayModel = new TodayModel(this);
    QTableView *todayTable = makeTable(m_todayModel, TodayModel::kNoteColumn, todayBox);
    todayTable->setAccessibleName(tr("Today's entries"));
    todayLayout->addWidget(todayTable);
    m_todayTotals = new QLabel(todayBox);
    todayLayout->addWidget(m_todayTotals);
    auto *studioBox = new QGroupBox(tr("Studio"), split);
    auto *studioLayout = new QVBoxLayout(studioBox);
    m_studioModel = new StudioModel(this);
    QTableView *studioTable = makeTable(m_studioModel, StudioModel::RoomColumn, studioBox);
    studioTable->setAccessibleName(tr("Timers running in the studio"));
    // A narrow panel: who, task, room and place share the width (elided, whole in the tooltip),
    // never below their titles ("Room", not ":oom"), and no sideways scrolling.
    QHeaderView *studioHeader = studioTable->horizontalHeader();
    for (const int column : {int(StudioModel::UserColumn), int(StudioModel::TaskColumn),
                             int(StudioModel::RoomColumn), int(StudioModel::DeviceColumn)})
        studioHeader->setSectionResizeMode(column, QHeaderView::Stretch);
    int titleWidth = 0;
    for (int column = 0; column < StudioModel::ColumnCount; ++column)
        titleWidth =
            std::max(titleWidth, studioHeader->fontMetrics().horizontalAdvance(
                                     m_studioModel->headerData(column, Qt::Horizontal).toString()));
    studioHeader->setMinimumSectionSize(
        titleWidth + 2 * studioHeader->style()->pixelMetric(QStyle::PM_HeaderMargin) + 8);
    studioTable->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    studioTable->setTextElideMode(Qt::ElideRight);
    studioTable->setObjectName(QStringLiteral("studioTable"));
    studioLayout->addWidget(studioTable);
    split->addWidget(todayBox);
    split->addWidget(studioBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(m_stop, &QPushButton::clicked, &m_service, &Backend::stop);
    connect(m_continue, &QPushButton::clicked, this, [this] { ui::continueLastEntry(m_service); });
    connect(m_pause, &QPushButton::clicked, &m_service, &Backend::togglePause);
    connect(m_note, &QLineEdit::editingFinished, this, [this] {
        if (m_service.snapshot().running && m_note->isModified()) {
            m_note->setModified(false);
            m_service.setNote(m_note->text());
        }
    });
    connect(m_tags, &QLineEdit::editingFinished, this, [this] {
        if (m_service.snapshot().running && m_tags->isModified()) {
            m_tags->setModified(false);
            m_service.setTags(tags());
        }
    });
    connect(m_project, &ProjectPicker::projectPicked, this, &NowView::chooseProject);
    connect(m_project, &ProjectPicker::unknownProject, this, [this](const QString &typed) {
        Q_EMIT m_service.failed(tr("No project \"%1\".").arg(typed));
    });
    connect(m_user, &QComboBox::activated, this, &NowView::onUserPicked);
    connect(m_room, &QComboBox::activated, this, &NowView::onRoomPicked);
    connect(&m_service, &Backend::snapshotChanged, this, &NowView::rebuild);

    m_ticker = new QTimer(this);
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &NowView::tick);
    m_ticker->start();
    rebuild();
}

QPushButton *NowView::taskButton(const QString &taskTypeId) const
{
    for (TaskButton *b : m_taskButtons) {
        if (b->property("taskTypeId").toString() == taskTypeId)
            return b;
    }
    return nullptr;
}

void NowView::rebuild()
{
    const NowSnapshot &snap = m_service.snapshot();
    m_newDayAsked = false;
    if (snap.running) // the project in use is the one the next start gets
        m_projectChoice = snap.running->projectId;
    rebuildTaskButtons();
    rebuildPickers();
    m_project->setProjects(snap, m_projectChoice);

    const auto &running = snap.running;
    for (TaskButton *b : m_taskButtons) {
        const bool on = running && running->taskTypeId == b->property("taskTypeId").toString();
        const auto type = snap.taskType(b->property("taskTypeId").toString());
        b->setTaskColor(type ? QColor(type->color) : QColor());
        b->setRunning(on);
        b->setChecked(on);
    }
    if (running) {
        const auto type = snap.taskType(running->taskTypeId);
        m_task->setText(running->isPaused()
                            ? tr("%1 (paused)").arg(snap.taskTypeName(running->taskTypeId))
                            : snap.taskTypeName(running->taskTypeId));
        theme::useAccentText(m_task, type ? QColor(type->color) : QColor());
        const QString room = snap.roomName(running->roomId);
        QString where = room.isEmpty()
                            ? tr("No room · since %1").arg(entryFormat::time(running->startedAt))
                            : tr("%1 · since %2").arg(room, entryFormat::time(running->startedAt));
        if (const auto project = snap.project(running->projectId)) {
            const QString client = snap.clientName(project->clientId);
            where = client.isEmpty() ? tr("%1 · %2").arg(project->name, where)
                                     : tr("%1 (%2) · %3").arg(project->name, client, where);
        }
        m_where->setText(where);
        if (!m_note->hasFocus() || !m_note->isModified())
            m_note->setText(running->note);
        if (!m_tags->hasFocus() || !m_tags->isModified())
            m_tags->setText(running->tags.join(QLatin1Char(' ')));
    } else {
        m_task->setText(tr("No timer running"));
        theme::useAccentText(m_task, QColor());
        m_where->setText(tr("Click a task or press its number to start."));
        m_note->clear();
    }
    m_note->setEnabled(running.has_value());
    m_stop->setEnabled(running.has_value());
    m_continue->setVisible(!running); // only while nothing runs
    m_pause->setEnabled(running.has_value());
    const bool paused = running && running->isPaused();
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    // setText gives a button its text's mnemonic as shortcut: Ctrl+P again, after every text.
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pause->setToolTip(tr("Pause or resume the timer (%1)")
                            .arg(m_pause->shortcut().toString(QKeySequence::NativeText)));

    m_todayModel->setSnapshot(snap);
    m_studioModel->setLocalTimers(StudioModel::fromSnapshot(snap));
    tick();
}

void NowView::rebuildTaskButtons()
{
    const NowSnapshot &snap = m_service.snapshot();
    const QList<TaskType> types = snap.activeTaskTypes();
    QString key;
    for (const TaskType &t : types)
        key += t.id + t.name + t.color + QLatin1Char(';');
    if (key == m_buttonsKey)
        return;
    m_buttonsKey = key;
    qDeleteAll(m_taskButtons);
    m_taskButtons.clear();
    const int perRow = types.size() > 6 ? 4 : std::max<int>(1, int(types.size()));
    for (int i = 0; i < types.size(); ++i) {
        const TaskType &t = types.at(i);
        auto *b = new TaskButton(this);
        b->setProperty("taskTypeId", t.id);
        b->setCheckable(true);
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        b->setAccessibleName(tr("Start %1").arg(t.name));
        if (i < 9) {
            b->setText(QStringLiteral("%1   %2").arg(i + 1).arg(t.name));
            b->setShortcut(QKeySequence(Qt::Key_1 + i));
            b->setToolTip(tr("Start %1 (key %2)").arg(t.name).arg(i + 1));
        } else {
            b->setText(t.name);
            b->setToolTip(tr("Start %1").arg(t.name));
        }
        connect(b, &QPushButton::clicked, this, [this, b, id = t.id] {
            const auto &running = m_service.snapshot().running;
            b->setChecked(running && running->taskTypeId == id);
            if (running && running->taskTypeId == id)
                return; // already on this task
            m_service.start(id, selectedRoomId(), {}, selectedProjectId(), tags());
        });
        m_buttons->addWidget(b, i / perRow, i % perRow);
        m_taskButtons.append(b);
    }
    // Tab follows the screen: who, room, project, tags, the task buttons, then the running
    // timer's note.
    QWidget *previous = m_tags;
    for (TaskButton *b : std::as_const(m_taskButtons)) {
        setTabOrder(previous, b);
        previous = b;
    }
    setTabOrder(previous, m_note);
}

void NowView::rebuildPickers()
{
    const NowSnapshot &snap = m_service.snapshot();
    m_updating = true;
    m_user->clear();
    for (const User &u : snap.users) {
        if (!u.archived || u.id == snap.user.id) // archived people are not picked
            m_user->addItem(u.name, u.id);
    }
    m_user->insertSeparator(m_user->count());
    m_user->addItem(tr("New user…"), kNewItem);
    m_user->setCurrentIndex(m_user->findData(snap.user.id));

    m_room->clear();
    m_room->addItem(tr("No room"), QString());
    for (const Room &r : snap.activeRooms())
        m_room->addItem(r.name, r.id);
    m_room->insertSeparator(m_room->count());
    m_room->addItem(tr("New room…"), kNewItem);
    // A running timer's room (picking another moves it); otherwise the room the next start gets.
    const QString room = snap.running   ? snap.running->roomId
                         : m_roomChosen ? m_roomChoice
                                        : snap.prefs.defaultRoomId;
    m_room->setCurrentIndex(std::max(0, m_room->findData(room)));
    m_updating = false;
}

void NowView::chooseProject(const QString &projectId)
{
    m_projectChoice = projectId;
    m_project->setProjects(m_service.snapshot(), projectId);
    const auto &running = m_service.snapshot().running;
    if (running && running->projectId != projectId)
        m_service.setProject(projectId);
}

QString NowView::selectedProjectId() const
{
    return m_projectChoice;
}

QStringList NowView::tags() const
{
    return parseTags(m_tags->text());
}

void NowView::onUserPicked(int index)
{
    if (m_updating)
        return;
    const QVariant choice = m_user->itemData(index);
    if (choice == QVariant(kNewItem)) {
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, tr("New user"), tr("Name:"), QLineEdit::Normal, {}, &ok);
        if (ok && !name.trimmed().isEmpty())
            m_service.addUser(name);
        rebuildPickers();
        return;
    }
    const QString userId = choice.toString();
    if (userId == m_service.snapshot().user.id)
        return;
    // A timer running for the previous person is handed over from now: it stops, and the same
    // task, room and note start for the new person at the same instant (a split, not a change of
    // the past).
    const auto running = m_service.snapshot().running;
    const bool handOver = running && !running->isPaused();
    if (handOver)
        m_service.stop();
    m_service.setCurrentUser(userId);
    if (handOver)
        m_service.start(running->taskTypeId, running->roomId, running->note, running->projectId,
                        running->tags);
}

void NowView::onRoomPicked(int index)
{
    if (m_updating)
        return;
    const QVariant choice = m_room->itemData(index);
    if (choice == QVariant(kNewItem)) {
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, tr("New room"), tr("Name:"), QLineEdit::Normal, {}, &ok);
        rebuildPickers();
        if (ok && !name.trimmed().isEmpty())
            addRoom(name.trimmed());
        return;
    }
    chooseRoom(choice.toString());
}

void NowView::addRoom(const QString &name)
{
    // Made, then picked (and applied to a running timer) once it exists.
    m_service.write<Result<Room>>(
        [name](TimerService &s) {
            Room room;
            room.name = name;
            return s.saveRoom(room);
        },
        this,
        [this](const Result<Room> &room) {
            if (!room) {
                Q_EMIT m_service.failed(room.error().message);
                return;
            }
            m_service.refresh();
            chooseRoom(room->id);
        });
}

void NowView::chooseRoom(const QString &roomId)
{
    m_roomChoice = roomId;
    m_roomChosen = true;
    const int index = m_room->findData(roomId);
    if (index >= 0) {
        const QSignalBlocker block(m_room);
        m_room->setCurrentIndex(index);
    }
    // A running timer moves to the room from now: a split at this instant (the time so far stays
    // in the room it was spent in), the same task and note going on.
    const auto &running = m_service.snapshot().running;
    if (running && !running->isPaused() && running->roomId != roomId)
        m_service.start(running->taskTypeId, roomId, running->note, running->projectId,
                        running->tags);
}

QString NowView::selectedRoomId() const
{
    const QVariant choice = m_room->currentData();
    return choice.typeId() == QMetaType::QString ? choice.toString() : QString();
}

void NowView::tick()
{
    const NowSnapshot &snap = m_service.snapshot();
    const Ms now = m_service.clock().nowMs();
    const QDate day = QDateTime::fromMSecsSinceEpoch(now).date();
    if (snap.valid && day != QDateTime::fromMSecsSinceEpoch(snap.takenAt).date() &&
        !std::exchange(m_newDayAsked, true))
        m_service.refresh(); // past midnight: today's list starts over
    if (snap.running) {
        m_elapsed->setText(format::duration(snap.running->billableMs(now)));
        m_cost->setText(entryFormat::money(snap.costCents(*snap.running, now), snap));
    } else {
        m_elapsed->setText(format::duration(0));
        m_cost->setText(QString());
    }
    m_elapsed->setAccessibleDescription(m_elapsed->text());
    m_cost->setAccessibleDescription(m_cost->text());
    qint64 cost = 0;
    Ms total = 0;
    for (const TimeEntry &e : snap.today) {
        total += e.billableMs(now);
        cost += snap.costCents(e, now);
    }
    m_todayTotals->setText(tr("Today: %1 · %2 · %n entries", nullptr, int(snap.today.size()))
                               .arg(format::duration(total), entryFormat::money(cost, snap)));
    m_todayModel->tick(now);
    m_studioModel->tick(now);
}

} // namespace st
