#include "ReportsView.h"

#include "BarChart.h"
#include "ReportFilters.h"
#include "ReportTableModel.h"
#include "TransferProgressDialog.h"
#include "backend/Backend.h"
#include "domain/Format.h"
#include "domain/Money.h"
#include "invoice/InvoiceDialog.h"
#include "models/EntryFormat.h"
#include "report/EntryImport.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace st {

namespace {

constexpr int kTickMs = 60'000; // running timers move the numbers

// What the backend's reader found in a file to import.
struct ImportPreview
{
    ImportPlan plan;
    QString text;
    bool ok = false;
};

QString groupingLabel(ReportGrouping g)
{
    switch (g) {
    case ReportGrouping::TaskType:
        return ReportsView::tr("Task type");
    case ReportGrouping::User:
        return ReportsView::tr("Person");
    case ReportGrouping::Room:
        return ReportsView::tr("Room");
    case ReportGrouping::Day:
        return ReportsView::tr("Day");
    case ReportGrouping::Week:
        return ReportsView::tr("Week");
    case ReportGrouping::Month:
        return ReportsView::tr("Month");
    case ReportGrouping::Client:
        return ReportsView::tr("Client");
    case ReportGrouping::Project:
        return ReportsView::tr("Project");
    case ReportGrouping::Tag:
        return ReportsView::tr("Tag");
    }
    return {};
}

} // namespace

ReportsView::ReportsView(Backend &service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_model(new ReportTableModel(this))
    , m_tick(new QTimer(this))
{
    m_period = new QComboBox(this);
    for (Period p :
         {Period::Today, Period::Yesterday, Period::ThisWeek, Period::LastWeek, Period::ThisMonth,
          Period::LastMonth, Period::ThisYear, Period::AllTime, Period::Custom})
        m_period->addItem(periods::name(p), int(p));
    m_period->setCurrentIndex(m_period->findData(int(Period::ThisMonth)));
    m_from = new QDateEdit(this);
    m_to = new QDateEdit(this);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(entryFormat::dateEditFormat()); // the locale's, as in History
    }
    m_grouping = new QComboBox(this);
    for (ReportGrouping g : {ReportGrouping::TaskType, ReportGrouping::User, ReportGrouping::Room,
                             ReportGrouping::Client, ReportGrouping::Project, ReportGrouping::Tag,
                             ReportGrouping::Day, ReportGrouping::Week, ReportGrouping::Month})
        m_grouping->addItem(groupingLabel(g), int(g));

    auto *exportCsv = new QPushButton(tr("Export CSV…"), this);
    auto *exportJson = new QPushButton(tr("Export JSON…"), this);
    auto *exportToggl = new QPushButton(tr("Export for Toggl…"), this);
    exportToggl->setToolTip(tr("Toggl Track's detailed report CSV"));
    auto *importButton = new QPushButton(tr("Import…"), this);
    importButton->setToolTip(tr("Entries from a Studio Timer CSV or JSON file, or from Toggl "
                                "Track's detailed report CSV"));

    auto *periodLabel = new QLabel(tr("Period:"), this);
    periodLabel->setBuddy(m_period);
    m_from->setAccessibleName(tr("First day"));
    m_to->setAccessibleName(tr("Last day"));
    auto *byLabel = new QLabel(tr("By:"), this);
    byLabel->setBuddy(m_grouping);
    m_grouping->setAccessibleName(tr("Group by"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(periodLabel);
    bar->addWidget(m_period);
    bar->addWidget(m_from);
    bar->addWidget(new QLabel(QStringLiteral("–"), this));
    bar->addWidget(m_to);
    bar->addSpacing(12);
    bar->addWidget(byLabel);
    bar->addWidget(m_grouping);
    bar->addStretch();

    m_chart = new BarChart(this);
    m_chart->setAccessibleName(tr("Chart of the report"));
    m_table = new QTableView(this);
    m_table->setAccessibleName(tr("Report breakdown"));
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Numbers take the width they need; the group's name takes the rest.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ReportTableModel::Name, QHeaderView::Stretch);
    m_table->setMinimumWidth(460);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_chart);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    m_total = new QLabel(this);
    m_total->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // The files go below the report, beside its total: one row above for what is shown, one below
    // for what is done with it, so neither is squeezed (the top row has room in French too).
    auto *files = new QHBoxLayout;
    files->addWidget(m_total, 1);
    files->addWidget(exportCsv);
    files->addWidget(exportJson);
    files->addWidget(exportToggl);
    files->addWidget(importButton);

    // Which clients, projects and tags, billable only, and the billing rounding: a row of their
    // own.
    m_filters = new ReportFilters(this);
    m_filters->setSnapshot(m_service.snapshot());

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_filters);
    layout->addWidget(splitter, 1);
    layout->addLayout(files);

    // Tab follows the screen: the period, the filters, the report, then the files.
    QWidget::setTabOrder(m_grouping, m_filters);
    QWidget::setTabOrder(m_filters->roundingMode(), m_table);
    QWidget *previous = m_table;
    for (QWidget *w : {static_cast<QWidget *>(exportCsv), static_cast<QWidget *>(exportJson),
                       static_cast<QWidget *>(exportToggl), static_cast<QWidget *>(importButton)}) {
        QWidget::setTabOrder(previous, w);
        previous = w;
    }

    connect(m_period, &QComboBox::currentIndexChanged, this,
            [this] { setPeriod(Period(m_period->currentData().toInt())); });
    connect(m_from, &QDateEdit::dateChanged, this, [this] {
        if (Period(m_period->currentData().toInt()) == Period::Custom)
            refresh();
    });
    connect(m_to, &QDateEdit::dateChanged, this, [this] {
        if (Period(m_period->currentData().toInt()) == Period::Custom)
            refresh();
    });
    connect(m_grouping, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_filters, &ReportFilters::changed, this, [this] { refresh(); });
    connect(&m_service, &Backend::snapshotChanged, this,
            [this] { m_filters->setSnapshot(m_service.snapshot()); });
    connect(exportCsv, &QPushButton::clicked, this,
            [this] { chooseExportFile(TransferFormat::Csv); });
    connect(exportJson, &QPushButton::clicked, this,
            [this] { chooseExportFile(TransferFormat::Json); });
    connect(exportToggl, &QPushButton::clicked, this,
            [this] { chooseExportFile(TransferFormat::TogglCsv); });
    connect(importButton, &QPushButton::clicked, this, [this] { chooseImportFile(); });
    // Issue 12: the invoice of a client over the period shown (ui/invoice).
    auto *invoiceButton = new QPushButton(tr("Invoice…"), this);
    files->addWidget(invoiceButton);
    QWidget::setTabOrder(importButton, invoiceButton);
    connect(invoiceButton, &QPushButton::clicked, this,
            [this] { InvoiceDialog::openOver(m_service, m_from->date(), m_to->date(), this); });
    connect(&m_service, &Backend::entryChanged, this, [this] { refresh(); });
    connect(&m_service, &Backend::catalogChanged, this, [this] { refresh(); });
    connect(&m_service, &Backend::entriesChanged, this, [this] { refresh(); });
    connect(this, &ReportsView::exported, this, [this](const QString &path, const QString &error) {
        if (!error.isEmpty() && isVisible())
            QMessageBox::warning(this, tr("Export"), error);
        else if (error.isEmpty())
            m_total->setToolTip(tr("Exported to %1").arg(path));
    });
    connect(this, &ReportsView::imported, this, [this](const QString &message, bool ok) {
        if (!isVisible())
            return;
        if (ok)
            QMessageBox::information(this, tr("Import"), message);
        else
            QMessageBox::warning(this, tr("Import"), message);
    });
    m_tick->setInterval(kTickMs);
    connect(m_tick, &QTimer::timeout, this, [this] { refresh(); });
    m_tick->start();

    setPeriod(Period::ThisMonth);
}

void ReportsView::setPeriod(Period period)
{
    const int index = m_period->findData(int(period));
    if (index < 0)
        return;
    {
        const QSignalBlocker block(m_period);
        m_period->setCurrentIndex(index);
    }
    const bool custom = period == Period::Custom;
    m_from->setEnabled(custom);
    m_to->setEnabled(custom);
    if (!custom) {
        const QDate today = QDateTime::fromMSecsSinceEpoch(m_service.clock().nowMs()).date();
        // All time: up to today, from the first entry's day once the report has found it.
        const auto [first, last] = period == Period::AllTime
                                       ? std::pair(today, today)
                                       : periods::days(period, today, QLocale().firstDayOfWeek());
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setDate(first);
        m_to->setDate(last);
    }
    refresh();
}

void ReportsView::setCustomRange(const QDate &first, const QDate &last)
{
    {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setDate(first);
        m_to->setDate(last);
    }
    setPeriod(Period::Custom);
}

void ReportsView::setGrouping(ReportGrouping grouping)
{
    m_grouping->setCurrentIndex(m_grouping->findData(int(grouping)));
}

ReportGrouping ReportsView::grouping() const
{
    return ReportGrouping(m_grouping->currentData().toInt());
}

EntryFilter ReportsView::currentFilter() const
{
    QDate first = m_from->date();
    QDate last = m_to->date();
    if (last < first)
        std::swap(first, last);
    const format::Range range = format::days(first, last);
    EntryFilter filter;
    filter.from = range.from;
    filter.to = range.to;
    m_filters->narrow(filter, m_service.snapshot());
    return filter;
}

ReportFilters *ReportsView::filters() const
{
    return m_filters;
}

Rounding ReportsView::rounding() const
{
    return m_filters->rounding();
}

void ReportsView::refresh()
{
    EntryFilter filter = currentFilter();
    const ReportGrouping by = grouping();
    const Rounding rounding = m_filters->rounding();
    const bool allTime = Period(m_period->currentData().toInt()) == Period::AllTime;
    const quint64 generation = ++m_generation;
    m_service.read<Result<Report>>(
        [filter, by, rounding, allTime](TimerService &service) mutable {
            if (allTime) { // from the first day with an entry
                const QList<TimeEntry> first =
                    service.list(EntryFilter{}, EntrySort{EntrySortKey::StartedAt, false}, 1, 0);
                if (!first.isEmpty()) {
                    const QDate day =
                        QDateTime::fromMSecsSinceEpoch(first.first().startedAt).date();
                    filter.from = std::min(*filter.from, format::days(day, day).from);
                }
            }
            return ReportService(service).build(filter, by, rounding);
        },
        this,
        [this, generation, allTime](Result<Report> built) {
            if (generation != m_generation)
                return;
            if (!built) {
                m_total->setText(built.error().message);
                return;
            }
            if (allTime) { // the days it covers, for the exports too
                const QSignalBlocker block(m_from);
                m_from->setDate(QDateTime::fromMSecsSinceEpoch(built->from).date());
            }
            showReport(built.value());
        });
}

void ReportsView::showReport(const Report &report)
{
    m_model->setReport(report);
    QList<BarChart::Bar> bars;
    const QLocale locale;
    for (const ReportGroup &g : report.groups) {
        BarChart::Bar bar;
        bar.label = g.name;
        bar.value = double(g.billableMs);
        bar.valueText = format::duration(g.billableMs);
        bar.color = QColor(g.color);
        bar.toolTip = tr("%1: %2, %3, %n entries", nullptr, g.entries)
                          .arg(g.name, format::duration(g.billableMs),
                               money::format(g.costCents, report.currency, locale));
        bars << bar;
    }
    m_chart->setBars(bars);
    const Ms notBilled = report.total.nonBillableMs;
    m_total->setText(tr("Total: %1, %2, %n entries", nullptr, report.total.entries)
                         .arg(format::duration(report.total.billableMs),
                              money::format(report.total.costCents, report.currency, locale)) +
                     QLatin1Char('\n') +
                     tr("Billable %1 · not billable %2")
                         .arg(format::duration(report.total.billableMs - notBilled),
                              format::duration(notBilled)));
    Q_EMIT reportChanged();
}

void ReportsView::chooseExportFile(TransferFormat format)
{
    const QString first = m_from->date().toString(Qt::ISODate);
    const QString last = m_to->date().toString(Qt::ISODate);
    const bool json = format == TransferFormat::Json;
    const QString suggested =
        QStringLiteral("studiotimer-%1-%2%3.%4")
            .arg(first, last,
                 format == TransferFormat::TogglCsv ? QStringLiteral("-toggl") : QString(),
                 json ? QStringLiteral("json") : QStringLiteral("csv"));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export entries"), suggested,
                                     json ? tr("JSON files (*.json)") : tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path, format);
}

void ReportsView::exportTo(const QString &path, TransferFormat format)
{
    const EntryFilter filter = currentFilter();
    // Read and written on the backend's reader; the file appears whole or not at all (Cancel too).
    QPointer<TransferProgressDialog> progress =
        new TransferProgressDialog(tr("Export"), tr("Exporting entries…"), this);
    m_service.read<QString>(
        [filter, format, path, hooks = progress->progress()](TimerService &service) {
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return tr("Cannot write %1: %2").arg(path, file.errorString());
            const auto written = EntryExporter(service).write(file, filter, format, hooks);
            if (!written || !file.commit()) {
                const QString why = written ? file.errorString() : written.error().message;
                file.cancelWriting();
                return hooks.cancelled() ? why : tr("Cannot write %1: %2").arg(path, why);
            }
            return QString();
        },
        this,
        [this, path, progress](QString error) {
            if (progress)
                progress->finish();
            Q_EMIT exported(path, error);
        });
}

void ReportsView::chooseImportFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import entries"), QString(), tr("Time entries (*.csv *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    const std::optional<QString> taskType = askTogglTaskType(path);
    if (!taskType)
        return;
    importFile(
        path,
        [this](const QString &preview) {
            QMessageBox box(QMessageBox::Question, tr("Import"), tr("Import these entries?"),
                            QMessageBox::Ok | QMessageBox::Cancel, this);
            box.setInformativeText(preview);
            box.button(QMessageBox::Ok)->setText(tr("Import"));
            return box.exec() == QMessageBox::Ok;
        },
        *taskType);
}

std::optional<QString> ReportsView::askTogglTaskType(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) ||
        EntryImporter::detectFormat(path, file.peek(4096)) != TransferFormat::TogglCsv)
        return QString(); // not Toggl's (or unreadable: the import says why)
    QStringList names{tr("None: such rows are refused")};
    QStringList ids{QString()};
    for (const TaskType &type : m_service.snapshot().activeTaskTypes()) {
        names.append(type.name);
        ids.append(type.id);
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Import from Toggl"),
        tr("Task type of the rows whose Task column names none of yours:"), names, 0, false, &ok);
    if (!ok)
        return std::nullopt;
    return ids.value(names.indexOf(chosen));
}

void ReportsView::importFile(const QString &path,
                             std::function<bool(const QString &preview)> confirm,
                             const QString &defaultTaskType)
{
    const QString userId = m_service.currentUserId();
    QPointer<TransferProgressDialog> reading =
        new TransferProgressDialog(tr("Import"), tr("Reading %1…").arg(path), this);
    m_service.read<ImportPreview>(
        [path, userId, defaultTaskType, hooks = reading->progress()](TimerService &service) {
            ImportPreview preview;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                preview.text = tr("Cannot read %1: %2").arg(path, file.errorString());
                return preview;
            }
            const auto format = EntryImporter::detectFormat(path, file.peek(4096));
            file.close();
            if (!format) {
                preview.text = tr("%1 is neither a Studio Timer CSV or JSON file nor a Toggl "
                                  "Track CSV.")
                                   .arg(path);
                return preview;
            }
            EntryImporter importer(service, userId);
            importer.setDefaultTaskType(defaultTaskType);
            preview.plan = importer.previewFile(path, *format, hooks);
            preview.text = importer.describe(preview.plan, false);
            preview.ok = preview.plan.ok();
            return preview;
        },
        this,
        [this, userId, defaultTaskType, confirm = std::move(confirm),
         reading](ImportPreview preview) {
            if (reading)
                reading->finish();
            if (!preview.ok) {
                Q_EMIT imported(preview.text, false);
                return;
            }
            if (!confirm(preview.text))
                return;
            const ImportPlan plan = preview.plan;
            QPointer<TransferProgressDialog> writing =
                new TransferProgressDialog(tr("Import"), tr("Importing entries…"), this);
            m_service.write<std::pair<QString, bool>>(
                [plan, userId, defaultTaskType,
                 hooks = writing->progress()](TimerService &service) {
                    EntryImporter importer(service, userId);
                    importer.setDefaultTaskType(defaultTaskType); // the rows are resolved again
                    auto written = importer.apply(plan, hooks);
                    if (!written)
                        return std::pair<QString, bool>(written.error().message, false);
                    return std::pair<QString, bool>(importer.describe(plan, true), true);
                },
                this,
                [this, writing](std::pair<QString, bool> result) {
                    if (writing)
                        writing->finish();
                    Q_EMIT imported(result.first, result.second);
                });
        });
}

} // namespace st
