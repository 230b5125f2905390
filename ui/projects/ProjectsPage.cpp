#include "ProjectsPage.h"

#include "CatalogFields.h"
#include "backend/Backend.h"
#include "domain/Format.h"
#include "domain/Money.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>

#include <algorithm>

namespace st {

namespace {

constexpr Ms kHourMs = 3'600'000;

Result<void> saveProject(TimerService &s, const Project &project)
{
    auto saved = s.saveProject(project);
    if (!saved)
        return saved.error();
    return {};
}

} // namespace

ProjectsPage::ProjectsPage(Backend &service, QWidget *parent)
    : CatalogPage(service, tr("Projects"), parent)
{
    const QString currency = service.snapshot().org.currency;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("projectName"));
    m_client = new QComboBox(this);
    m_client->setObjectName(QStringLiteral("projectClient"));
    m_color = new ColorButton(tr("Project colour"), this);
    m_rate = new OptionalRate(currency,
                              tr("Without a rate of its own, the client's rate applies, else the "
                                 "task type's."),
                              this);
    m_budgetKind = new QComboBox(this);
    m_budgetKind->setObjectName(QStringLiteral("budgetKind"));
    m_budgetKind->addItem(tr("No budget"), int(NoBudget));
    m_budgetKind->addItem(tr("Hours"), int(Hours));
    m_budgetKind->addItem(tr("Money"), int(Money));
    m_budget = new QDoubleSpinBox(this);
    m_budget->setObjectName(QStringLiteral("budgetAmount"));
    m_budget->setAccessibleName(tr("Budget amount"));
    m_budget->setDecimals(2);
    auto *budgetRow = new QHBoxLayout;
    budgetRow->addWidget(m_budgetKind);
    budgetRow->addWidget(m_budget, 1);
    m_progress = new QProgressBar(this);
    m_progress->setAccessibleName(tr("Budget used"));
    m_progress->setRange(0, 100);
    m_progressText = new QLabel(this);
    m_progressText->setObjectName(QStringLiteral("budgetProgress"));
    m_progressText->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const auto label = [this](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    form()->addRow(label(tr("&Name:"), m_name), m_name);
    form()->addRow(label(tr("Cli&ent:"), m_client), m_client);
    form()->addRow(label(tr("Co&lour:"), m_color), m_color);
    form()->addRow(label(tr("Hourly &rate:"), m_rate), m_rate);
    form()->addRow(label(tr("&Budget:"), m_budgetKind), budgetRow);
    form()->addRow(tr("Used:"), m_progress);
    form()->addRow(QString(), m_progressText);

    connect(m_budgetKind, &QComboBox::currentIndexChanged, this, &ProjectsPage::showBudgetKind);
    connect(&service, &Backend::entryChanged, this, &ProjectsPage::loadUses);
    connect(&service, &Backend::entriesChanged, this, &ProjectsPage::loadUses);
    connect(&service, &Backend::catalogChanged, this, &ProjectsPage::loadUses);
    reload();
    loadUses();
}

QList<CatalogPage::Row> ProjectsPage::rows() const
{
    const NowSnapshot &snap = service().snapshot();
    QList<Project> projects = snap.projects;
    std::stable_sort(projects.begin(), projects.end(), [](const Project &a, const Project &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    QList<Row> result;
    for (const Project &p : std::as_const(projects)) {
        const QString client = snap.clientName(p.clientId);
        result.append({p.id, client.isEmpty() ? p.name : tr("%1 (%2)").arg(p.name, client), p.color,
                       p.archived});
    }
    return result;
}

void ProjectsPage::rebuildClients(const QString &current)
{
    const QSignalBlocker block(m_client);
    m_client->clear();
    m_client->addItem(tr("No client"), QString());
    for (const Client &c : service().snapshot().clients) {
        if (!c.archived || c.id == current)
            m_client->addItem(c.name, c.id);
    }
    m_client->setCurrentIndex(std::max(0, m_client->findData(current)));
}

void ProjectsPage::showItem(const QString &id)
{
    const auto project = service().snapshot().project(id);
    if (!project)
        return;
    m_name->setText(project->name);
    rebuildClients(project->clientId);
    m_color->setColor(project->color);
    m_rate->setCents(project->hourlyRateCents);
    const BudgetKind kind = project->budgetMs ? Hours : project->budgetCents ? Money : NoBudget;
    {
        const QSignalBlocker block(m_budgetKind);
        m_budgetKind->setCurrentIndex(m_budgetKind->findData(int(kind)));
    }
    showBudgetKind();
    if (project->budgetMs)
        m_budget->setValue(double(*project->budgetMs) / kHourMs);
    else if (project->budgetCents)
        m_budget->setValue(double(*project->budgetCents) / 100);
    showProgress(id);
}

void ProjectsPage::showBudgetKind()
{
    const auto kind = BudgetKind(m_budgetKind->currentData().toInt());
    m_budget->setEnabled(kind != NoBudget);
    if (kind == Money) {
        m_budget->setRange(0, 100'000'000);
        m_budget->setSuffix(QLatin1Char(' ') +
                            money::currencySymbol(service().snapshot().org.currency));
    } else {
        m_budget->setRange(0, 100'000);
        m_budget->setSuffix(kind == Hours ? tr(" h") : QString());
    }
}

void ProjectsPage::applyItem(const QString &id)
{
    auto project = service().snapshot().project(id);
    if (!project)
        return;
    project->name = m_name->text().trimmed();
    project->clientId = m_client->currentData().toString();
    project->color = m_color->color();
    project->hourlyRateCents = m_rate->cents();
    project->budgetMs.reset();
    project->budgetCents.reset();
    switch (BudgetKind(m_budgetKind->currentData().toInt())) {
    case Hours:
        project->budgetMs = qRound64(m_budget->value() * kHourMs);
        break;
    case Money:
        project->budgetCents = qRound64(m_budget->value() * 100);
        break;
    case NoBudget:
        break;
    }
    save([p = *project](TimerService &s) { return saveProject(s, p); }, id);
}

void ProjectsPage::addItem()
{
    Project project;
    project.id = newId();
    project.name = tr("New project %1").arg(service().snapshot().projects.size() + 1);
    project.color = QStringLiteral("#f28e2b");
    save([project](TimerService &s) { return saveProject(s, project); }, project.id);
}

void ProjectsPage::toggleItem(const QString &id)
{
    auto project = service().snapshot().project(id);
    if (!project)
        return;
    project->archived = !project->archived;
    save([p = *project](TimerService &s) { return saveProject(s, p); }, id);
}

int ProjectsPage::progressPercent(const Project &project, const ProjectUse &use)
{
    if (project.budgetMs && *project.budgetMs > 0)
        return int(use.billableMs * 100 / *project.budgetMs);
    if (project.budgetCents && *project.budgetCents > 0)
        return int(use.costCents * 100 / *project.budgetCents);
    return -1;
}

QString ProjectsPage::progressText(const Project &project, const ProjectUse &use,
                                   const QString &currency)
{
    const int percent = progressPercent(project, use);
    if (percent < 0)
        return tr("No budget: %1 worked, %2")
            .arg(format::duration(use.billableMs), money::format(use.costCents, currency, {}));
    const QString used =
        project.budgetMs
            ? tr("%1 of %2")
                  .arg(format::duration(use.billableMs), format::duration(*project.budgetMs))
            : tr("%1 of %2")
                  .arg(money::format(use.costCents, currency, {}),
                       money::format(*project.budgetCents, currency, {}));
    return percent > 100 ? tr("%1 (%2%, over budget)").arg(used).arg(percent)
                         : tr("%1 (%2%)").arg(used).arg(percent);
}

void ProjectsPage::showProgress(const QString &id)
{
    const auto project = service().snapshot().project(id);
    if (!project)
        return;
    const ProjectUse use = m_uses.value(id);
    const int percent = progressPercent(*project, use);
    m_progress->setVisible(percent >= 0);
    m_progress->setValue(std::clamp(percent, 0, 100));
    m_progress->setFormat(QStringLiteral("%1%").arg(percent));
    m_progressText->setText(progressText(*project, use, service().snapshot().org.currency));
}

void ProjectsPage::loadUses()
{
    const quint64 generation = ++m_usesGeneration;
    service().read<QHash<QString, ProjectUse>>(
        [](TimerService &s) {
            QHash<QString, ProjectUse> uses;
            const QList<Project> projects = s.projects(true);
            for (const Project &p : projects) {
                if (auto use = s.projectUse(p.id))
                    uses.insert(p.id, use.value());
            }
            return uses;
        },
        this,
        [this, generation](const QHash<QString, ProjectUse> &uses) {
            if (generation != m_usesGeneration)
                return;
            m_uses = uses;
            if (const QString id = selectedId(); !id.isEmpty())
                showProgress(id);
            Q_EMIT usesLoaded();
        });
}

} // namespace st
