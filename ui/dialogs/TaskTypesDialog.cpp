#include "TaskTypesDialog.h"

#include "Theme.h"
#include "backend/Backend.h"
#include "domain/Money.h"
#include "models/EntryFormat.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace st {

namespace {
QIcon swatch(const QString &color)
{
    return theme::swatch(QColor(color));
}
} // namespace

TaskTypesDialog::TaskTypesDialog(Backend &service, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
{
    setWindowTitle(tr("Task types"));
    auto *layout = new QVBoxLayout(this);
    auto *columns = new QHBoxLayout;
    layout->addLayout(columns);

    auto *left = new QVBoxLayout;
    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Task types"));
    left->addWidget(m_list);
    // Archived types in the muted text colour of the current palette (light or dark).
    theme::onPaletteChange(m_list, [this] {
        const QColor muted = theme::mutedText(m_list->palette());
        for (int row = 0; row < m_list->count() && row < m_types.size(); ++row) {
            if (m_types.at(row).archived)
                m_list->item(row)->setForeground(muted);
        }
    });
    auto *order = new QHBoxLayout;
    auto *up = new QPushButton(tr("&Up"), this);
    auto *down = new QPushButton(tr("&Down"), this);
    up->setToolTip(tr("Move the selected task type up"));
    down->setToolTip(tr("Move the selected task type down"));
    auto *add = new QPushButton(tr("&Add"), this);
    order->addWidget(up);
    order->addWidget(down);
    order->addWidget(add);
    left->addLayout(order);
    columns->addLayout(left, 1);

    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    form->addRow(tr("&Name:"), m_name);
    m_color = new QPushButton(this);
    m_color->setAccessibleName(tr("Colour"));
    m_color->setToolTip(tr("Choose the colour of the task's button"));
    form->addRow(tr("Co&lour:"), m_color);
    m_rate = new QDoubleSpinBox(this);
    m_rate->setRange(0, double(money::kMaxHourlyRateCents) / 100);
    m_rate->setDecimals(2);
    m_rate->setSuffix(QLatin1Char(' ') + money::currencySymbol(m_service.snapshot().org.currency) +
                      tr("/h"));
    form->addRow(tr("Hourly &rate:"), m_rate);
    m_rateFrom = new QDateEdit(this);
    m_rateFrom->setObjectName(QStringLiteral("rateFrom"));
    m_rateFrom->setCalendarPopup(true);
    m_rateFrom->setDisplayFormat(entryFormat::dateEditFormat()); // the locale's, as in History
    m_rateFrom->setToolTip(tr("The first day a new rate applies to. Entries already recorded "
                              "keep their rate."));
    form->addRow(tr("New rate &from:"), m_rateFrom);
    m_history = new QLabel(this);
    m_history->setObjectName(QStringLiteral("rateHistory"));
    m_history->setWordWrap(true);
    form->addRow(tr("Rate history:"), m_history);
    m_billable = new QCheckBox(tr("&Billable"), this);
    form->addRow(QString(), m_billable);
    auto *apply = new QPushButton(tr("A&pply"), this);
    m_archive = new QPushButton(tr("Arc&hive"), this);
    auto *actions = new QHBoxLayout;
    actions->addWidget(apply);
    actions->addWidget(m_archive);
    form->addRow(QString(), actions);
    auto *hint = new QLabel(tr("Archived task types keep their entries but no longer offer a "
                               "button. Task types are never deleted."),
                            this);
    hint->setWordWrap(true);
    form->addRow(hint);
    columns->addLayout(form, 2);

    m_error = new QLabel(this);
    theme::useErrorText(m_error);
    m_error->setWordWrap(true);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &TaskTypesDialog::showCurrent);
    connect(up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(down, &QPushButton::clicked, this, [this] { move(1); });
    connect(add, &QPushButton::clicked, this, &TaskTypesDialog::addNew);
    connect(apply, &QPushButton::clicked, this, &TaskTypesDialog::saveCurrent);
    connect(m_archive, &QPushButton::clicked, this, &TaskTypesDialog::toggleArchived);
    connect(m_color, &QPushButton::clicked, this, [this] {
        const QColor c = QColorDialog::getColor(QColor(m_colorValue), this, tr("Task colour"));
        if (c.isValid()) {
            m_colorValue = c.name();
            m_color->setIcon(swatch(m_colorValue));
            m_color->setText(m_colorValue);
        }
    });
    connect(&m_service, &Backend::snapshotChanged, this, &TaskTypesDialog::reload);
    reload();
    resize(560, 420);
}

QString TaskTypesDialog::errorText() const
{
    return m_error->text();
}

QString TaskTypesDialog::selectedId() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_types.size() ? m_types.at(row).id : QString();
}

void TaskTypesDialog::reload()
{
    const QString keep = m_selectAfterReload.isEmpty() ? selectedId() : m_selectAfterReload;
    m_selectAfterReload.clear();
    m_types = m_service.snapshot().taskTypes;
    std::stable_sort(m_types.begin(), m_types.end(),
                     [](const TaskType &a, const TaskType &b) { return a.position < b.position; });
    const QSignalBlocker block(m_list);
    m_list->clear();
    int select = 0;
    for (int i = 0; i < m_types.size(); ++i) {
        const TaskType &t = m_types.at(i);
        auto *item = new QListWidgetItem(swatch(t.color),
                                         t.archived ? tr("%1 (archived)").arg(t.name) : t.name);
        if (t.archived)
            item->setForeground(theme::mutedText(m_list->palette()));
        m_list->addItem(item);
        if (t.id == keep)
            select = i;
    }
    m_list->setCurrentRow(m_types.isEmpty() ? -1 : select);
    showCurrent();
}

void TaskTypesDialog::showCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_types.size())
        return;
    const TaskType &t = m_types.at(row);
    m_name->setText(t.name);
    m_colorValue = t.color;
    m_color->setIcon(swatch(t.color));
    m_color->setText(t.color);
    m_rate->setValue(double(t.hourlyRateCents) / 100);
    const QDate today = rates::localDay(m_service.clock().nowMs());
    m_rateFrom->setMaximumDate(today);
    m_rateFrom->setDate(today);
    const QString currency = m_service.snapshot().org.currency;
    const QLocale locale;
    QStringList steps;
    for (const RateStep &step : t.rates) {
        const QString rate = money::format(step.hourlyRateCents, currency, locale);
        steps
            << (step.from <= rates::firstDay()
                    ? rate
                    : tr("%1 from %2").arg(rate, locale.toString(step.from, QLocale::ShortFormat)));
    }
    m_history->setText(steps.isEmpty() ? money::format(t.hourlyRateCents, currency, locale)
                                       : steps.join(QLatin1Char('\n')));
    m_billable->setChecked(t.billable);
    m_archive->setText(t.archived ? tr("Res&tore") : tr("Arc&hive"));
}

void TaskTypesDialog::save(const TaskType &type)
{
    m_error->clear();
    m_selectAfterReload = type.id;
    m_service.write<Result<TaskType>>([type](TimerService &s) { return s.saveTaskType(type); },
                                      this,
                                      [this](const Result<TaskType> &r) {
                                          if (!r)
                                              m_error->setText(r.error().message);
                                      });
}

void TaskTypesDialog::saveCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_types.size())
        return;
    TaskType t = m_types.at(row);
    t.name = m_name->text().trimmed();
    t.color = m_colorValue;
    // A changed rate holds from the chosen day on; recorded entries keep theirs.
    if (const qint64 rate = qRound64(m_rate->value() * 100); rate != t.hourlyRateCents)
        rates::setRateFrom(t, m_rateFrom->date(), rate);
    t.billable = m_billable->isChecked();
    save(t);
}

void TaskTypesDialog::addNew()
{
    TaskType t;
    t.id = newId();
    t.name = tr("New task %1").arg(m_types.size() + 1);
    t.color = QStringLiteral("#59a14f");
    t.hourlyRateCents = 5000;
    t.position = m_types.isEmpty() ? 0 : m_types.last().position + 1;
    save(t);
}

void TaskTypesDialog::move(int delta)
{
    const int row = m_list->currentRow();
    const int other = row + delta;
    if (row < 0 || other < 0 || other >= m_types.size())
        return;
    TaskType a = m_types.at(row);
    TaskType b = m_types.at(other);
    std::swap(a.position, b.position);
    if (a.position == b.position)
        a.position += delta;
    save(b);
    save(a);
}

void TaskTypesDialog::toggleArchived()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_types.size())
        return;
    TaskType t = m_types.at(row);
    t.archived = !t.archived;
    save(t);
}

} // namespace st
