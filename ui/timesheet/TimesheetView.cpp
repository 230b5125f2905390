#include "TimesheetView.h"

#include "DurationInput.h"
#include "Theme.h"
#include "TimesheetModel.h"
#include "backend/Backend.h"
#include "models/EntryFormat.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace st {

namespace {

constexpr int kTickMs = 60'000; // a running timer moves today's cell
constexpr int kColorRole = Qt::UserRole + 1;

} // namespace

TimesheetView::TimesheetView(Backend &service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_model(new TimesheetModel(this))
    , m_tick(new QTimer(this))
{
    setWindowTitle(tr("Week timesheet"));
    auto *previous = new QPushButton(tr("◀ Previous week"), this);
    previous->setObjectName(QStringLiteral("previousWeek"));
    auto *thisWeek = new QPushButton(tr("This week"), this);
    thisWeek->setObjectName(QStringLiteral("thisWeek"));
    auto *next = new QPushButton(tr("Next week ▶"), this);
    next->setObjectName(QStringLiteral("nextWeek"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("weekTitle"));
    QFont big = m_title->font();
    big.setBold(true);
    m_title->setFont(big);
    auto *bar = new QHBoxLayout;
    bar->addWidget(previous);
    bar->addWidget(thisWeek);
    bar->addWidget(next);
    bar->addSpacing(12);
    bar->addWidget(m_title, 1);

    m_table = new QTableView(this);
    m_table->setAccessibleName(tr("Week timesheet"));
    m_table->setModel(m_model);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    m_table->verticalHeader()->hide();
    // Typing into a day starts the editor at once; F2 and a double click too.
    m_table->setEditTriggers(QAbstractItemView::AnyKeyPressed | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::DoubleClicked);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(TimesheetModel::Project,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(64);

    m_project = new QComboBox(this);
    m_project->setObjectName(QStringLiteral("rowProject"));
    m_project->setAccessibleName(tr("Project of the new row"));
    m_project->setSizeAdjustPolicy(QComboBox::AdjustToContents); // the projects arrive later
    m_task = new QComboBox(this);
    m_task->setObjectName(QStringLiteral("rowTask"));
    m_task->setAccessibleName(tr("Task type of the new row"));
    auto *addRowButton = new QPushButton(tr("Add row"), this);
    addRowButton->setObjectName(QStringLiteral("addRow"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *rows = new QHBoxLayout;
    rows->addWidget(new QLabel(tr("Another row:"), this));
    rows->addWidget(m_project);
    rows->addWidget(m_task);
    rows->addWidget(addRowButton);
    rows->addWidget(m_status, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addLayout(rows);

    connect(previous, &QPushButton::clicked, this, [this] { showWeek(m_monday.addDays(-7)); });
    connect(next, &QPushButton::clicked, this, [this] { showWeek(m_monday.addDays(7)); });
    connect(thisWeek, &QPushButton::clicked, this,
            [this] { showWeek(QDateTime::fromMSecsSinceEpoch(m_service.clock().nowMs()).date()); });
    connect(addRowButton, &QPushButton::clicked, this, &TimesheetView::addRow);
    connect(m_model, &TimesheetModel::durationTyped, this, &TimesheetView::addToDay);
    connect(&m_service, &Backend::entryChanged, this, [this] { refresh(); });
    connect(&m_service, &Backend::entriesChanged, this, [this] { refresh(); });
    connect(&m_service, &Backend::catalogChanged, this, [this] {
        fillPickers();
        refresh();
    });
    m_tick->setInterval(kTickMs);
    connect(m_tick, &QTimer::timeout, this, [this] { refresh(); });
    m_tick->start();

    fillPickers();
    showWeek(QDateTime::fromMSecsSinceEpoch(m_service.clock().nowMs()).date());
}

void TimesheetView::showWeek(const QDate &day)
{
    m_monday = timesheet::mondayOf(day);
    const QString format = entryFormat::dateEditFormat();
    const QLocale locale;
    m_title->setText(
        tr("%1 to %2")
            .arg(locale.toString(m_monday, format), locale.toString(m_monday.addDays(6), format)));
    setStatus({}, false);
    refresh();
}

void TimesheetView::refresh()
{
    const QString userId = m_service.currentUserId();
    const QDate monday = m_monday;
    const quint64 generation = ++m_generation;
    m_service.read<Result<TimesheetWeek>>(
        [userId, monday](TimerService &s) { return timesheet::read(s, userId, monday); }, this,
        [this, generation](Result<TimesheetWeek> week) {
            if (generation != m_generation)
                return;
            if (!week) {
                setStatus(week.error().message, true);
                return;
            }
            // Keep the cell the keyboard is on across the reading.
            const QModelIndex current = m_table->currentIndex();
            m_model->setWeek(week.value());
            if (current.isValid())
                m_table->setCurrentIndex(m_model->index(current.row(), current.column()));
            Q_EMIT weekShown();
        });
}

void TimesheetView::fillPickers()
{
    const QString task = m_task->currentData().toString();
    m_task->clear();
    for (const TaskType &t : m_service.snapshot().activeTaskTypes())
        m_task->addItem(theme::swatch(QColor(t.color)), t.name, t.id);
    m_task->setCurrentIndex(std::max(0, m_task->findData(task)));
    m_service.read<QList<Project>>(
        [](TimerService &s) { return s.projects(); }, this,
        [this](QList<Project> projects) {
            std::sort(projects.begin(), projects.end(), [](const Project &a, const Project &b) {
                return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
            });
            const QString chosen = m_project->currentData().toString();
            m_project->clear();
            m_project->addItem(tr("No project"), QString());
            for (const Project &p : projects) {
                m_project->addItem(theme::swatch(QColor(p.color)), p.name, p.id);
                m_project->setItemData(m_project->count() - 1, p.color, kColorRole);
            }
            m_project->setCurrentIndex(std::max(0, m_project->findData(chosen)));
        });
}

void TimesheetView::addRow()
{
    if (m_task->currentIndex() < 0)
        return;
    TimesheetRow row;
    row.projectId = m_project->currentData().toString();
    row.project = row.projectId.isEmpty() ? QString() : m_project->currentText();
    row.taskTypeId = m_task->currentData().toString();
    row.taskType = m_task->currentText();
    row.color = m_project->currentData(kColorRole).toString();
    if (row.color.isEmpty()) {
        if (const auto type = m_service.snapshot().taskType(row.taskTypeId))
            row.color = type->color;
    }
    const int at = m_model->addRow(row);
    // The keyboard goes to today's cell of the row (Monday's in another week).
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_service.clock().nowMs()).date();
    const int day =
        today >= m_monday && today < m_monday.addDays(7) ? int(m_monday.daysTo(today)) : 0;
    m_table->setCurrentIndex(m_model->index(at, TimesheetModel::dayColumn(day)));
    m_table->setFocus();
}

void TimesheetView::addToDay(int row, int day, const QString &text)
{
    const TimesheetRow *r = m_model->rowAt(row);
    if (!r || day < 0 || day > 6)
        return;
    const auto duration = durationInput::parse(text);
    if (!duration) {
        setStatus(duration.error().message, true);
        Q_EMIT added(duration.error().message);
        return;
    }
    TimesheetAddition addition;
    addition.userId = m_service.currentUserId();
    addition.projectId = r->projectId;
    addition.taskTypeId = r->taskTypeId;
    addition.roomId = m_service.snapshot().prefs.defaultRoomId;
    addition.day = m_monday.addDays(day);
    addition.durationMs = duration.value();
    m_service.write<Result<TimeEntry>>(
        [addition](TimerService &s) { return timesheet::add(s, addition); }, this,
        [this](Result<TimeEntry> written) {
            if (!written) {
                setStatus(written.error().message, true);
                Q_EMIT added(written.error().message);
                return;
            }
            setStatus(tr("Added %1 from %2 to %3.")
                          .arg(durationInput::format(written->billableMs(written->startedAt)),
                               entryFormat::time(written->startedAt),
                               entryFormat::time(*written->endedAt)),
                      false);
            Q_EMIT added({});
        });
}

void TimesheetView::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    if (error)
        theme::useErrorText(m_status);
    else
        theme::useNormalText(m_status);
}

QString TimesheetView::statusText() const
{
    return m_status->text();
}

} // namespace st
