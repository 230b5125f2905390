#include "EntryDialog.h"

#include "Theme.h"
#include "backend/Backend.h"
#include "domain/Json.h"
#include "models/EntryFormat.h"
#include "projects/ProjectPicker.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace st {

namespace {

// What the edit shows: whole minutes, so an untouched field compares equal to the entry.
QDateTime toMinute(Ms ms)
{
    QDateTime dt = QDateTime::fromMSecsSinceEpoch(ms);
    dt.setTime(QTime(dt.time().hour(), dt.time().minute()));
    return dt;
}

// One Tab stop per field (not one per year, month, day, hour, minute); Left and Right move
// between those parts, Up and Down change the one under the cursor.
class FieldDateTimeEdit final : public QDateTimeEdit
{
public:
    using QDateTimeEdit::QDateTimeEdit;

protected:
    bool focusNextPrevChild(bool next) override { return QWidget::focusNextPrevChild(next); }
    void keyPressEvent(QKeyEvent *event) override
    {
        const bool left = event->key() == Qt::Key_Left, right = event->key() == Qt::Key_Right;
        if ((left || right) && event->modifiers() == Qt::NoModifier) {
            const int section = currentSectionIndex() + (right ? 1 : -1);
            if (section >= 0 && section < sectionCount())
                setCurrentSectionIndex(section);
            return;
        }
        QDateTimeEdit::keyPressEvent(event);
    }
};

QDateTimeEdit *makeTimeEdit(Ms ms, QWidget *parent)
{
    auto *edit = new FieldDateTimeEdit(toMinute(ms), parent);
    edit->setCalendarPopup(true);
    // The locale's date, as the tables show it, and the time on 24 hours as everywhere.
    edit->setDisplayFormat(entryFormat::dateEditFormat() + QStringLiteral(" HH:mm"));
    return edit;
}

} // namespace

EntryDialog::EntryDialog(Backend &service, Mode mode, const TimeEntry &entry, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_mode(mode)
    , m_entry(entry)
{
    const NowSnapshot &snap = m_service.snapshot();
    setWindowTitle(mode == Mode::Adjust ? tr("Adjust entry") : tr("New entry"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    // Every field has its label's underlined letter (Alt+letter), none shared with the buttons.
    const auto row = [this, form](const QString &label, QWidget *field) {
        auto *l = new QLabel(label, this);
        l->setBuddy(field);
        form->addRow(l, field);
    };
    m_start = makeTimeEdit(entry.startedAt, this);
    m_end = makeTimeEdit(entry.endedAt.value_or(m_service.clock().nowMs()), this);
    row(tr("S&tart:"), m_start);
    if (mode == Mode::Adjust && entry.isRunning()) {
        m_end->setEnabled(false);
        m_end->setToolTip(tr("The timer is still running: stop it to set its end."));
        m_end->hide(); // not in the form: the row says "still running"
        form->addRow(tr("End:"), new QLabel(tr("still running"), this));
    } else {
        row(tr("&End:"), m_end);
    }

    m_task = new QComboBox(this);
    for (const TaskType &t : snap.taskTypes) {
        if (!t.archived || t.id == entry.taskTypeId)
            m_task->addItem(t.name, t.id);
    }
    m_task->setCurrentIndex(std::max(0, m_task->findData(entry.taskTypeId)));
    row(tr("T&ask:"), m_task);

    m_room = new QComboBox(this);
    m_room->addItem(tr("No room"), QString());
    for (const Room &r : snap.rooms) {
        if (!r.archived || r.id == entry.roomId)
            m_room->addItem(r.name, r.id);
    }
    m_room->setCurrentIndex(std::max(0, m_room->findData(entry.roomId)));
    row(tr("&Room:"), m_room);

    m_project = new ProjectPicker(this);
    m_project->setObjectName(QStringLiteral("entryProject"));
    m_project->setProjects(snap, entry.projectId);
    row(tr("&Project:"), m_project);
    m_tags = new QLineEdit(entry.tags.join(QLatin1Char(' ')), this);
    m_tags->setObjectName(QStringLiteral("entryTags"));
    m_tags->setPlaceholderText(tr("words, separated by spaces"));
    row(tr("Ta&gs:"), m_tags);

    m_note = new QLineEdit(entry.note, this);
    row(tr("N&ote:"), m_note);

    if (mode == Mode::Adjust) {
        m_reason = new QLineEdit(this);
        m_reason->setPlaceholderText(tr("Why the change (required, kept in the audit trail)"));
        row(tr("Reaso&n:"), m_reason);
        m_audit = new QTreeWidget(this);
        m_audit->setHeaderLabels({tr("When"), tr("Who"), tr("Change"), tr("Reason")});
        m_audit->setRootIsDecorated(false);
        m_audit->setMinimumHeight(110);
        auto *auditLabel = new QLabel(tr("Au&dit trail:"), this);
        auditLabel->setBuddy(m_audit);
        m_audit->setAccessibleName(tr("Audit trail")); // item views read no buddy label
        layout->addWidget(auditLabel);
        layout->addWidget(m_audit);
        loadAudit();
    }

    m_error = new QLabel(this);
    theme::useErrorText(m_error);
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setDefault(true); // Enter saves, Escape cancels
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EntryDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &EntryDialog::reject);
    layout->addWidget(m_buttons);
    connect(m_project, &ProjectPicker::unknownProject, this,
            [this](const QString &typed) { showError(tr("No project \"%1\".").arg(typed)); });
    resize(520, mode == Mode::Adjust ? 520 : 320);
}

QString EntryDialog::problem() const
{
    const bool hasEnd = m_end->isEnabled();
    if (hasEnd && m_end->dateTime() < m_start->dateTime())
        return tr("The end is before the start.");
    if (hasEnd && m_end->dateTime() == m_start->dateTime())
        return tr("The end equals the start: an entry needs a duration.");
    if (m_task->currentIndex() < 0)
        return tr("Choose a task.");
    if (m_mode == Mode::Adjust && m_reason->text().trimmed().isEmpty())
        return tr("Give a reason for the adjustment.");
    return {};
}

QString EntryDialog::errorText() const
{
    return m_error->text();
}

void EntryDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void EntryDialog::accept()
{
    if (m_saving)
        return;
    if (const QString why = problem(); !why.isEmpty()) {
        showError(why);
        return;
    }
    showError({});
    m_saving = true;
    m_buttons->setEnabled(false);
    const auto done = [this](const Result<TimeEntry> &result) {
        m_saving = false;
        m_buttons->setEnabled(true);
        if (!result) {
            showError(result.error().message);
            return;
        }
        Q_EMIT saved(result.value());
        QDialog::accept();
    };

    const QString taskId = m_task->currentData().toString();
    const QString roomId = m_room->currentData().toString();
    const QString note = m_note->text();
    const QString projectId = m_project->projectId();
    const QStringList tags = parseTags(m_tags->text());
    const Ms start = m_start->dateTime().toMSecsSinceEpoch();
    const Ms end = m_end->dateTime().toMSecsSinceEpoch();
    if (m_mode == Mode::Create) {
        ManualEntry m;
        m.userId = m_service.currentUserId();
        m.taskTypeId = taskId;
        m.roomId = roomId;
        m.note = note;
        m.startedAt = start;
        m.endedAt = end;
        m.projectId = projectId;
        m.tags = tags;
        m_service.write<Result<TimeEntry>>([m](TimerService &s) { return s.addManual(m); }, this,
                                           done);
        return;
    }
    Adjustment a;
    a.entryId = m_entry.id;
    a.actorId = m_service.currentUserId();
    a.reason = m_reason->text();
    if (m_start->dateTime() != toMinute(m_entry.startedAt))
        a.startedAt = start;
    if (m_end->isEnabled() && (!m_entry.endedAt || m_end->dateTime() != toMinute(*m_entry.endedAt)))
        a.endedAt = end;
    if (taskId != m_entry.taskTypeId)
        a.taskTypeId = taskId;
    if (roomId != m_entry.roomId)
        a.roomId = roomId;
    if (note.trimmed() != m_entry.note)
        a.note = note;
    if (projectId != m_entry.projectId)
        a.projectId = projectId;
    if (tags != m_entry.tags)
        a.tags = tags;
    m_service.write<Result<TimeEntry>>([a](TimerService &s) { return s.adjust(a); }, this, done);
}

TimeEntry EntryDialog::proposal(const NowSnapshot &snapshot, Ms now)
{
    TimeEntry proposal;
    // The gap after the day's last entry (an hour of it, up to now); when the day is full up to
    // now (a timer runs, or the last entry ends now), the latest gap before it, an hour of it
    // ending where the next entry starts; the last hour on an empty day. Never in the future
    // unless the whole day is taken.
    constexpr Ms kHour = 3'600'000;
    constexpr Ms kMinute = 60'000;
    QList<TimeEntry> day = snapshot.today;
    std::sort(day.begin(), day.end(),
              [](const TimeEntry &a, const TimeEntry &b) { return a.startedAt < b.startedAt; });
    std::optional<Ms> lastEnd;
    for (const TimeEntry &e : std::as_const(day))
        lastEnd = std::max(lastEnd.value_or(e.effectiveEnd(now)), e.effectiveEnd(now));
    // The latest gap of a minute or more between the day's start and its entries.
    const auto latestGap = [&]() -> std::optional<std::pair<Ms, Ms>> {
        std::optional<std::pair<Ms, Ms>> found;
        Ms reach = QDateTime::fromMSecsSinceEpoch(now).date().startOfDay().toMSecsSinceEpoch();
        for (const TimeEntry &e : std::as_const(day)) {
            if (e.startedAt - reach >= kMinute)
                found = std::pair(reach, e.startedAt);
            reach = std::max(reach, e.effectiveEnd(now));
        }
        return found;
    };
    if (lastEnd && now - *lastEnd >= kMinute) {
        proposal.startedAt = *lastEnd;
        proposal.endedAt = std::min(now, *lastEnd + kHour);
    } else if (const auto gap = lastEnd ? latestGap() : std::nullopt) {
        proposal.startedAt = std::max(gap->first, gap->second - kHour);
        proposal.endedAt = gap->second;
    } else if (lastEnd) {
        proposal.startedAt = *lastEnd; // the whole day is taken: the hour after it
        proposal.endedAt = *lastEnd + kHour;
    } else {
        proposal.startedAt = now - kHour;
        proposal.endedAt = now;
    }
    if (const auto types = snapshot.activeTaskTypes(); !types.isEmpty())
        proposal.taskTypeId = types.first().id;
    proposal.roomId = snapshot.prefs.defaultRoomId;
    return proposal;
}

void EntryDialog::loadAudit()
{
    const QString id = m_entry.id;
    m_service.read<QList<AuditRecord>>(
        [id](TimerService &s) { return s.auditTrail(id); }, this,
        [this](const QList<AuditRecord> &records) {
            m_audit->clear();
            for (const AuditRecord &r : records) {
                const QString when =
                    entryFormat::date(r.at) + QLatin1Char(' ') + entryFormat::time(r.at);
                m_audit->addTopLevelItem(
                    new QTreeWidgetItem({when, r.actorName, describeAudit(r), r.reason}));
            }
            if (records.isEmpty())
                m_audit->addTopLevelItem(new QTreeWidgetItem({tr("never adjusted")}));
            m_audit->header()->resizeSections(QHeaderView::ResizeToContents);
        });
}

QString EntryDialog::describeAudit(const AuditRecord &r) const
{
    const NowSnapshot &snap = m_service.snapshot();
    if (r.action == QLatin1String("delete"))
        return tr("deleted");
    if (r.action == QLatin1String("restore"))
        return tr("restored");
    QStringList changes;
    const auto when = [](const QJsonValue &v) {
        // A trail row may come from another desk: its times are read as whole numbers only.
        const std::optional<qint64> ms = json::wholeNumber(v);
        return ms ? entryFormat::time(*ms) : tr("running");
    };
    const auto projectLabel = [&snap](const QString &id) {
        return id.isEmpty() ? tr("none") : snap.projectName(id);
    };
    const auto changed = [&r](const char *key) {
        return r.before.value(QLatin1String(key)) != r.after.value(QLatin1String(key));
    };
    if (changed("startedAt"))
        changes << tr("start %1 → %2")
                       .arg(when(r.before.value(QStringLiteral("startedAt"))),
                            when(r.after.value(QStringLiteral("startedAt"))));
    if (changed("endedAt"))
        changes << tr("end %1 → %2")
                       .arg(when(r.before.value(QStringLiteral("endedAt"))),
                            when(r.after.value(QStringLiteral("endedAt"))));
    if (changed("taskTypeId"))
        changes
            << tr("task %1 → %2")
                   .arg(snap.taskTypeName(r.before.value(QStringLiteral("taskTypeId")).toString()),
                        snap.taskTypeName(r.after.value(QStringLiteral("taskTypeId")).toString()));
    if (changed("roomId"))
        changes << tr("room %1 → %2")
                       .arg(snap.roomName(r.before.value(QStringLiteral("roomId")).toString()),
                            snap.roomName(r.after.value(QStringLiteral("roomId")).toString()));
    if (changed("projectId"))
        changes << tr("project %1 → %2")
                       .arg(projectLabel(r.before.value(QStringLiteral("projectId")).toString()),
                            projectLabel(r.after.value(QStringLiteral("projectId")).toString()));
    if (changed("tags")) {
        QStringList tags;
        for (const QJsonValue &tag : r.after.value(QStringLiteral("tags")).toArray())
            tags << tag.toString();
        changes << tr("tags “%1”").arg(tags.join(QLatin1Char(' ')));
    }
    if (changed("note"))
        changes << tr("note “%1”").arg(r.after.value(QStringLiteral("note")).toString());
    return changes.join(QStringLiteral(", "));
}

} // namespace st
