#include "ReportFilters.h"

#include "ChoiceButton.h"
#include "backend/NowSnapshot.h"
#include "models/ProjectFilter.h"
#include "projects/ProjectPicker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>

namespace st {

ReportFilters::ReportFilters(QWidget *parent)
    : QWidget(parent)
{
    m_clients = new ChoiceButton(tr("All clients"), this);
    m_clients->setObjectName(QStringLiteral("reportClients"));
    m_clients->setAccessibleName(tr("Clients in the report"));
    m_projects = new ChoiceButton(tr("All projects"), this);
    m_projects->setObjectName(QStringLiteral("reportProjects"));
    m_projects->setAccessibleName(tr("Projects in the report"));
    m_tags = new QLineEdit(this);
    m_tags->setObjectName(QStringLiteral("reportTags"));
    m_tags->setPlaceholderText(tr("Tags"));
    m_tags->setAccessibleName(tr("Tags in the report"));
    m_tags->setToolTip(tr("Entries having any of these words as a tag (separated by spaces)"));
    m_tags->setClearButtonEnabled(true);
    m_tagsDelay = new QTimer(this);
    m_tagsDelay->setSingleShot(true);
    m_tagsDelay->setInterval(300);
    m_billableOnly = new QCheckBox(tr("Billable only"), this);
    m_billableOnly->setToolTip(tr("Leave out the entries that are not billed"));
    m_step = new QComboBox(this);
    m_step->setObjectName(QStringLiteral("roundingStep"));
    m_step->addItem(tr("None"), 0);
    for (const int minutes : Rounding::kSteps)
        m_step->addItem(tr("%n min", nullptr, minutes), minutes);
    m_step->setToolTip(tr("Each entry's time is rounded on its own, in this report only; stored "
                          "times never change."));
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("roundingMode"));
    m_mode->setAccessibleName(tr("Rounding direction"));
    m_mode->addItem(tr("up"), int(Rounding::Mode::Up));
    m_mode->addItem(tr("to nearest"), int(Rounding::Mode::Nearest));
    m_mode->addItem(tr("down"), int(Rounding::Mode::Down));
    m_mode->setEnabled(false);
    auto *roundingLabel = new QLabel(tr("Rounding:"), this);
    roundingLabel->setBuddy(m_step);

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_clients);
    row->addWidget(m_projects);
    row->addWidget(m_tags);
    row->addSpacing(12);
    row->addWidget(m_billableOnly);
    row->addSpacing(12);
    row->addWidget(roundingLabel);
    row->addWidget(m_step);
    row->addWidget(m_mode);
    row->addStretch();

    connect(m_clients, &ChoiceButton::changed, this, &ReportFilters::changed);
    connect(m_projects, &ChoiceButton::changed, this, &ReportFilters::changed);
    connect(m_tags, &QLineEdit::textChanged, m_tagsDelay, qOverload<>(&QTimer::start));
    connect(m_tagsDelay, &QTimer::timeout, this, &ReportFilters::changed);
    connect(m_billableOnly, &QCheckBox::toggled, this, &ReportFilters::changed);
    connect(m_step, &QComboBox::currentIndexChanged, this, [this] {
        m_mode->setEnabled(m_step->currentData().toInt() != 0);
        Q_EMIT changed();
    });
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ReportFilters::changed);
}

void ReportFilters::setSnapshot(const NowSnapshot &snapshot)
{
    QList<ChoiceButton::Choice> clients{{QString(), tr("No client")}};
    QList<ChoiceButton::Choice> projects{{QString(), tr("No project")}};
    for (const Client &c : snapshot.clients)
        clients.append({c.id, c.name});
    for (const Project &p : snapshot.projects)
        projects.append({p.id, p.name});
    m_clients->setChoices(clients);
    m_projects->setChoices(projects);
}

void ReportFilters::narrow(EntryFilter &filter, const NowSnapshot &snapshot) const
{
    filter.projectIds =
        projectFilterIds(snapshot, m_clients->checkedIds(), m_projects->checkedIds());
    filter.tags = parseTags(m_tags->text());
    filter.billableOnly = m_billableOnly->isChecked();
}

Rounding ReportFilters::rounding() const
{
    Rounding r;
    r.minutes = m_step->currentData().toInt();
    r.mode = Rounding::Mode(m_mode->currentData().toInt());
    return r;
}

void ReportFilters::setRounding(const Rounding &rounding)
{
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(int(rounding.mode))));
    m_step->setCurrentIndex(std::max(0, m_step->findData(rounding.minutes)));
}

void ReportFilters::setClients(const QStringList &ids)
{
    m_clients->setCheckedIds(ids);
    Q_EMIT changed();
}

void ReportFilters::setProjects(const QStringList &ids)
{
    m_projects->setCheckedIds(ids);
    Q_EMIT changed();
}

void ReportFilters::setTags(const QString &words)
{
    const QSignalBlocker block(m_tags);
    m_tags->setText(words);
    m_tagsDelay->stop();
    Q_EMIT changed();
}

void ReportFilters::setBillableOnly(bool on)
{
    m_billableOnly->setChecked(on);
}

} // namespace st
