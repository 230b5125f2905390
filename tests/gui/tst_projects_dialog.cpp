#include "GuiFixture.h"

#include "projects/CatalogFields.h"
#include "projects/ClientsPage.h"
#include "projects/ProjectsDialog.h"
#include "projects/ProjectsPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>

using namespace st;
using namespace st::test;

namespace {
constexpr Ms kHour = 3'600'000;

std::optional<Client> clientNamed(GuiFixture &f, const QString &name)
{
    auto c = f.store.service->findClient(name);
    return c ? std::optional<Client>(c.value()) : std::nullopt;
}

std::optional<Project> projectNamed(GuiFixture &f, const QString &name)
{
    auto p = f.store.service->findProject(name);
    return p ? std::optional<Project>(p.value()) : std::nullopt;
}
} // namespace

// Issue 12: the window's manager of clients and projects, through the backend.
class TestProjectsDialog final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addAndRenameAClientWithARate();
    void aProjectUnderAClientWithAnHourBudgetShowsItsProgress();
    void aMoneyBudgetAndNoOwnRate();
    void aDuplicateNameIsRefusedAndChangesNothing();
    void archiveAndRestore();
};

void TestProjectsDialog::addAndRenameAClientWithARate()
{
    GuiFixture f;
    ProjectsDialog dialog(*f.async);
    ClientsPage *page = dialog.clientsPage();
    QCOMPARE(page->list()->count(), 0);
    QVERIFY(!page->applyButton()->isEnabled());
    page->addNew();
    f.settle();
    QCOMPARE(page->list()->count(), 1);
    QCOMPARE(f.store.service->clients().size(), 1);

    page->nameEdit()->setText(QStringLiteral("Blue Label"));
    page->rateField()->ownRate()->setChecked(true);
    page->rateField()->amount()->setValue(72.5);
    page->colorButton()->setColor(QStringLiteral("#112233"));
    page->applyForm();
    f.settle();
    const auto client = clientNamed(f, QStringLiteral("Blue Label"));
    QVERIFY(client);
    QCOMPARE(client->hourlyRateCents, std::optional<qint64>(7250));
    QCOMPARE(client->color, QStringLiteral("#112233"));
    QCOMPARE(page->list()->currentItem()->text(), QStringLiteral("Blue Label"));
    QVERIFY(page->errorText().isEmpty());

    // No own rate: none stored (the project's or the task type's applies).
    page->rateField()->ownRate()->setChecked(false);
    page->applyForm();
    f.settle();
    QCOMPARE(clientNamed(f, QStringLiteral("Blue Label"))->hourlyRateCents, std::nullopt);
}

void TestProjectsDialog::aProjectUnderAClientWithAnHourBudgetShowsItsProgress()
{
    GuiFixture f;
    Client label;
    label.name = QStringLiteral("Blue Label");
    label.color = QStringLiteral("#4e79a7");
    QVERIFY(f.store.service->saveClient(label));
    f.async->refresh();
    f.settle();

    ProjectsDialog dialog(*f.async);
    QCOMPARE(dialog.tabs()->currentWidget(), dialog.projectsPage());
    ProjectsPage *page = dialog.projectsPage();
    page->addNew();
    f.settle();
    page->nameEdit()->setText(QStringLiteral("First Album"));
    page->clientCombo()->setCurrentIndex(
        page->clientCombo()->findText(QStringLiteral("Blue Label")));
    page->budgetKind()->setCurrentIndex(page->budgetKind()->findData(int(ProjectsPage::Hours)));
    QVERIFY(page->budgetAmount()->isEnabled());
    page->budgetAmount()->setValue(4);
    page->applyForm();
    f.settle();
    auto album = projectNamed(f, QStringLiteral("First Album"));
    QVERIFY(album);
    QCOMPARE(album->clientId, f.store.service->findClient(QStringLiteral("Blue Label"))->id);
    QCOMPARE(album->budgetMs, std::optional<Ms>(4 * kHour));
    QCOMPARE(album->budgetCents, std::nullopt);
    QCOMPARE(page->list()->currentItem()->text(), QStringLiteral("First Album (Blue Label)"));

    // An hour of work on it: a quarter of the budget.
    ManualEntry work;
    work.userId = f.store.userId();
    work.taskTypeId = f.typeId(QStringLiteral("Recording"));
    work.startedAt = f.store.clock.nowMs() - 2 * kHour;
    work.endedAt = work.startedAt + kHour;
    work.projectId = album->id;
    QSignalSpy loaded(page, &ProjectsPage::usesLoaded);
    f.async->write<Result<TimeEntry>>([work](TimerService &s) { return s.addManual(work); },
                                      nullptr, {});
    QVERIFY(loaded.wait(5000));
    f.settle();
    QCOMPARE(page->progressBar()->value(), 25);
    QVERIFY(page->progressBar()->isVisibleTo(page));
    QCOMPARE(page->progressLabel()->text(), QStringLiteral("1:00:00 of 4:00:00 (25%)"));
}

void TestProjectsDialog::aMoneyBudgetAndNoOwnRate()
{
    GuiFixture f;
    ProjectsDialog dialog(*f.async);
    ProjectsPage *page = dialog.projectsPage();
    page->addNew();
    f.settle();
    page->nameEdit()->setText(QStringLiteral("Single"));
    page->rateField()->ownRate()->setChecked(true);
    page->rateField()->amount()->setValue(90);
    page->budgetKind()->setCurrentIndex(page->budgetKind()->findData(int(ProjectsPage::Money)));
    page->budgetAmount()->setValue(1500);
    page->applyForm();
    f.settle();
    auto single = projectNamed(f, QStringLiteral("Single"));
    QVERIFY(single);
    QCOMPARE(single->clientId, QString());
    QCOMPARE(single->hourlyRateCents, std::optional<qint64>(9000));
    QCOMPARE(single->budgetCents, std::optional<qint64>(150000));
    QCOMPARE(single->budgetMs, std::nullopt);
    QCOMPARE(page->progressBar()->value(), 0);

    page->budgetKind()->setCurrentIndex(page->budgetKind()->findData(int(ProjectsPage::NoBudget)));
    QVERIFY(!page->budgetAmount()->isEnabled());
    page->applyForm();
    f.settle();
    single = projectNamed(f, QStringLiteral("Single"));
    QCOMPARE(single->budgetCents, std::nullopt);
    QVERIFY(!page->progressBar()->isVisibleTo(page));
}

void TestProjectsDialog::aDuplicateNameIsRefusedAndChangesNothing()
{
    GuiFixture f;
    ProjectsDialog dialog(*f.async);
    ProjectsPage *page = dialog.projectsPage();
    page->addNew();
    f.settle();
    page->nameEdit()->setText(QStringLiteral("Album"));
    page->applyForm();
    f.settle();
    page->addNew();
    f.settle();
    QCOMPARE(page->list()->count(), 2);
    const QString second = page->selectedId();
    page->nameEdit()->setText(QStringLiteral("ALBUM"));
    page->applyForm();
    f.settle();
    QVERIFY2(page->errorText().contains(QStringLiteral("Album")), qPrintable(page->errorText()));
    QCOMPARE(page->nameEdit()->text(), QStringLiteral("ALBUM")); // the form keeps what was typed
    QCOMPARE(page->selectedId(), second);
    QCOMPARE(projectNamed(f, QStringLiteral("New project 2"))->id, second);
    int albums = 0;
    for (const Project &p : f.store.service->projects(true))
        albums += p.name.compare(QStringLiteral("album"), Qt::CaseInsensitive) == 0;
    QCOMPARE(albums, 1);
}

void TestProjectsDialog::archiveAndRestore()
{
    GuiFixture f;
    ProjectsDialog dialog(*f.async);
    ClientsPage *page = dialog.clientsPage();
    page->addNew();
    f.settle();
    const QString id = page->selectedId();
    QCOMPARE(page->archiveButton()->text(), QStringLiteral("Archi&ve"));
    page->toggleArchived();
    f.settle();
    QVERIFY(f.store.service->clients(true).first().archived);
    QVERIFY(f.store.service->clients(false).isEmpty());
    QVERIFY(page->list()->currentItem()->text().endsWith(QStringLiteral("(archived)")));
    QCOMPARE(page->archiveButton()->text(), QStringLiteral("Res&tore"));
    // An archived client is offered to no other project.
    ProjectsPage *projects = dialog.projectsPage();
    projects->addNew();
    f.settle();
    QCOMPARE(projects->clientCombo()->count(), 1); // "No client" only
    page->toggleArchived();
    f.settle();
    QCOMPARE(page->selectedId(), id);
    QVERIFY(!f.store.service->clients(true).first().archived);
}

QTEST_MAIN(TestProjectsDialog)
#include "tst_projects_dialog.moc"
