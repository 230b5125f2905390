#pragma once

#include "CatalogPage.h"
#include "store/ProjectRepository.h"

#include <QHash>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace st {

class ColorButton;
class OptionalRate;

// Projects (album, single, block of sessions): name, client (or none), colour, an optional
// hourly rate, and a budget in hours or in money with how much of it is used.
class ProjectsPage final : public CatalogPage
{
    Q_OBJECT
public:
    enum BudgetKind
    {
        NoBudget,
        Hours,
        Money
    };

    explicit ProjectsPage(Backend &service, QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *clientCombo() const { return m_client; }
    ColorButton *colorButton() const { return m_color; }
    OptionalRate *rateField() const { return m_rate; }
    QComboBox *budgetKind() const { return m_budgetKind; }
    QDoubleSpinBox *budgetAmount() const { return m_budget; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *progressLabel() const { return m_progressText; }

    // What "used of budget" reads for a project: "12:30 of 40:00 (31%)"; empty without budget.
    static QString progressText(const Project &project, const ProjectUse &use,
                                const QString &currency);
    // The share of the budget used, in percent (above 100 when over); -1 without budget.
    static int progressPercent(const Project &project, const ProjectUse &use);

Q_SIGNALS:
    // The budgets' use was read again (tests).
    void usesLoaded();

private:
    QList<Row> rows() const override;
    void showItem(const QString &id) override;
    void applyItem(const QString &id) override;
    void addItem() override;
    void toggleItem(const QString &id) override;
    void rebuildClients(const QString &current);
    void showBudgetKind();
    void showProgress(const QString &id);
    void loadUses();

    QLineEdit *m_name = nullptr;
    QComboBox *m_client = nullptr;
    ColorButton *m_color = nullptr;
    OptionalRate *m_rate = nullptr;
    QComboBox *m_budgetKind = nullptr;
    QDoubleSpinBox *m_budget = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressText = nullptr;
    QHash<QString, ProjectUse> m_uses;
    quint64 m_usesGeneration = 0;
};

} // namespace st
