#include "InvoiceDialog.h"

#include "InvoicePdf.h"
#include "PeriodLock.h"
#include "Theme.h"
#include "backend/Backend.h"
#include "domain/Money.h"
#include "models/EntryFormat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

namespace st {

namespace {

// What the dialog offers to invoice: the organisation's active clients and projects.
struct Catalog
{
    QList<Client> clients;
    QList<Project> projects;
};

template <class Item> void byName(QList<Item> &items)
{
    std::sort(items.begin(), items.end(), [](const Item &a, const Item &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
}

} // namespace

InvoiceDialog::InvoiceDialog(Backend &service, const QDate &first, const QDate &last,
                             QWidget *parent)
    : QDialog(parent)
    , m_service(service)
{
    setWindowTitle(tr("Invoice"));
    auto *form = new QFormLayout;
    m_client = new QComboBox(this);
    m_client->setObjectName(QStringLiteral("client"));
    form->addRow(tr("&Client:"), m_client);
    m_project = new QComboBox(this);
    m_project->setObjectName(QStringLiteral("project"));
    form->addRow(tr("Pro&ject:"), m_project);

    m_from = new QDateEdit(first, this);
    m_from->setObjectName(QStringLiteral("from"));
    m_to = new QDateEdit(last, this);
    m_to->setObjectName(QStringLiteral("to"));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(entryFormat::dateEditFormat());
    }
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);

    m_roundingStep = new QComboBox(this);
    m_roundingStep->setObjectName(QStringLiteral("roundingStep"));
    m_roundingStep->addItem(tr("None"), 0);
    for (int minutes : Rounding::kSteps)
        m_roundingStep->addItem(tr("%1 min").arg(minutes), minutes);
    m_roundingMode = new QComboBox(this);
    m_roundingMode->setObjectName(QStringLiteral("roundingMode"));
    m_roundingMode->setAccessibleName(tr("Rounding direction"));
    m_roundingMode->addItem(tr("Up (a started step is billed)"), int(Rounding::Mode::Up));
    m_roundingMode->addItem(tr("To the nearest"), int(Rounding::Mode::Nearest));
    m_roundingMode->addItem(tr("Down"), int(Rounding::Mode::Down));
    m_roundingMode->setEnabled(false);
    auto *rounding = new QHBoxLayout;
    rounding->addWidget(m_roundingStep);
    rounding->addWidget(m_roundingMode, 1);
    auto *roundingLabel = new QLabel(tr("&Rounding:"), this);
    roundingLabel->setBuddy(m_roundingStep);
    roundingLabel->setToolTip(tr("Each entry's time is rounded on its own; stored times never "
                                 "change."));
    form->addRow(roundingLabel, rounding);

    m_billableOnly = new QCheckBox(tr("&Billable time only"), this);
    m_billableOnly->setObjectName(QStringLiteral("billableOnly"));
    form->addRow(QString(), m_billableOnly);
    m_number = new QLineEdit(this);
    m_number->setObjectName(QStringLiteral("number"));
    m_number->setPlaceholderText(tr("The next one"));
    m_number->setMaxLength(40);
    form->addRow(tr("&Number:"), m_number);

    m_preview = new QTextBrowser(this);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setAccessibleName(tr("Invoice preview"));
    m_preview->setMinimumSize(520, 320);
    m_preview->setTabChangesFocus(true);
    // Fusion draws no focus on a text view: its frame shows where the keyboard is.
    m_preview->setStyleSheet(
        QStringLiteral("QTextBrowser:focus { border: 2px solid palette(highlight); }"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lock = new PeriodLock(m_service, this);

    // Plain buttons in a row (a QDialogButtonBox reorders Tab among its buttons when it lays them
    // out, which looped Tab between them here).
    m_save = new QPushButton(tr("&Save as PDF…"), this);
    m_print = new QPushButton(tr("&Print…"), this);
    auto *close = new QPushButton(tr("Close"), this);
    m_save->setEnabled(false);
    m_print->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_print);
    buttons->addStretch();
    buttons->addWidget(close);
    connect(close, &QPushButton::clicked, this, &InvoiceDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &InvoiceDialog::choosePdfFile);
    connect(m_print, &QPushButton::clicked, this, &InvoiceDialog::print);

    // Tab follows the screen: the fields, the preview, then the buttons.
    QWidget *previous = m_client;
    for (QWidget *w :
         {static_cast<QWidget *>(m_project), static_cast<QWidget *>(m_from),
          static_cast<QWidget *>(m_to), static_cast<QWidget *>(m_roundingStep),
          static_cast<QWidget *>(m_roundingMode), static_cast<QWidget *>(m_billableOnly),
          static_cast<QWidget *>(m_number), static_cast<QWidget *>(m_preview),
          static_cast<QWidget *>(m_lock->button()), static_cast<QWidget *>(m_save),
          static_cast<QWidget *>(m_print), static_cast<QWidget *>(close)}) {
        QWidget::setTabOrder(previous, w);
        previous = w;
    }

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_lock);
    layout->addLayout(buttons);

    connect(m_client, &QComboBox::currentIndexChanged, this, [this] {
        fillProjects();
        refresh();
    });
    for (QComboBox *box : {m_project, m_roundingStep, m_roundingMode})
        connect(box, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_roundingStep, &QComboBox::currentIndexChanged, this,
            [this] { m_roundingMode->setEnabled(m_roundingStep->currentData().toInt() != 0); });
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, [this] { refresh(); });
    connect(m_billableOnly, &QCheckBox::toggled, this, [this] { refresh(); });
    connect(m_number, &QLineEdit::textEdited, this, [this] { refresh(); });

    m_service.read<Catalog>(
        [](TimerService &s) {
            return Catalog{s.clients(), s.projects()};
        },
        this,
        [this](Catalog catalog) {
            byName(catalog.clients);
            byName(catalog.projects);
            m_projects = catalog.projects;
            {
                const QSignalBlocker block(m_client);
                for (const Client &c : catalog.clients)
                    m_client->addItem(theme::swatch(QColor(c.color)), c.name, c.id);
            }
            fillProjects();
            if (catalog.clients.isEmpty())
                setStatus(tr("There are no clients yet: add one with \"studiotimer clients add "
                             "NAME\", and projects under it."),
                          true);
            else
                refresh();
            Q_EMIT loaded();
        });
}

void InvoiceDialog::openOver(Backend &service, const QDate &first, const QDate &last,
                             QWidget *parent)
{
    auto *dialog = new InvoiceDialog(service, first, last, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void InvoiceDialog::fillProjects()
{
    const QSignalBlocker block(m_project);
    const QString clientId = m_client->currentData().toString();
    m_project->clear();
    m_project->addItem(tr("All of the client's projects"), QString());
    for (const Project &p : std::as_const(m_projects)) {
        if (!clientId.isEmpty() && p.clientId == clientId)
            m_project->addItem(theme::swatch(QColor(p.color)), p.name, p.id);
    }
}

InvoiceRequest InvoiceDialog::request() const
{
    InvoiceRequest r;
    r.clientId = m_client->currentData().toString();
    r.projectId = m_project->currentData().toString();
    r.first = m_from->date();
    r.last = m_to->date();
    r.rounding.minutes = m_roundingStep->currentData().toInt();
    r.rounding.mode = Rounding::Mode(m_roundingMode->currentData().toInt());
    r.billableOnly = m_billableOnly->isChecked();
    r.number = m_number->text().trimmed(); // empty: the next one
    return r;
}

void InvoiceDialog::refresh()
{
    const InvoiceRequest wanted = request();
    const quint64 generation = ++m_generation;
    m_invoice.reset();
    m_save->setEnabled(false);
    m_print->setEnabled(false);
    if (wanted.clientId.isEmpty())
        return;
    m_service.read<Result<Invoice>>(
        [wanted](TimerService &s) { return invoice::build(s, wanted); }, this,
        [this, generation](Result<Invoice> built) {
            if (generation != m_generation)
                return;
            if (!built) {
                m_preview->clear();
                setStatus(built.error().message, true);
                Q_EMIT previewed();
                return;
            }
            m_invoice = built.value();
            m_preview->setHtml(invoiceHtml(*m_invoice));
            if (m_number->text().trimmed().isEmpty())
                m_number->setPlaceholderText(tr("The next one: %1").arg(m_invoice->number));
            setStatus(
                tr("%n line(s), total %1.", nullptr, int(m_invoice->lines.size()))
                    .arg(money::format(m_invoice->totalCents, m_invoice->currency, QLocale())),
                false);
            m_save->setEnabled(true);
            m_print->setEnabled(true);
            Q_EMIT previewed();
        });
}

void InvoiceDialog::choosePdfFile()
{
    if (!m_invoice)
        return;
    const QString suggested =
        QStringLiteral("invoice-%1.pdf")
            .arg(QString(m_invoice->number).replace(QLatin1Char('/'), QLatin1Char('-')));
    const QString file = QFileDialog::getSaveFileName(this, tr("Save the invoice"), suggested,
                                                      tr("PDF files (*.pdf)"));
    if (!file.isEmpty())
        saveTo(file);
}

void InvoiceDialog::saveTo(const QString &file)
{
    if (!m_invoice)
        return;
    // Drawn here: QPdfWriter needs the GUI thread's fonts; nothing of the database is touched.
    if (auto written = writeInvoicePdf(*m_invoice, file); !written) {
        setStatus(written.error().message, true);
        Q_EMIT done(written.error().message);
        return;
    }
    takeNumber(tr("Invoice %1 saved to %2.").arg(m_invoice->number, file));
}

void InvoiceDialog::print()
{
    if (!m_invoice)
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(tr("Invoice %1").arg(m_invoice->number));
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() == QDialog::Accepted)
        printOn(printer);
}

void InvoiceDialog::printOn(QPagedPaintDevice &device)
{
    if (!m_invoice)
        return;
    QTextDocument document;
    document.setHtml(invoiceHtml(*m_invoice));
    document.print(&device);
    takeNumber(tr("Invoice %1 sent to the printer.").arg(m_invoice->number));
}

void InvoiceDialog::takeNumber(const QString &what)
{
    // As `studiotimer invoice`: the number is used once the invoice exists; the next default is
    // the one after it.
    const QString number = m_invoice->number;
    const QDate last = m_invoice->last;
    m_number->setText(number); // this dialog's invoice keeps its number if it is saved again
    m_service.write<Result<void>>(
        [number](TimerService &s) { return invoice::takeNumber(s, number); }, this,
        [this, what, last](Result<void> taken) {
            const QString error = taken ? QString() : taken.error().message;
            setStatus(taken ? what : error, !taken);
            if (taken) // the invoice is made: its period may be closed
                m_lock->offer(last);
            Q_EMIT done(error);
        });
}

void InvoiceDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    if (error)
        theme::useErrorText(m_status);
    else
        theme::useNormalText(m_status);
}

QString InvoiceDialog::statusText() const
{
    return m_status->text();
}

} // namespace st
