#pragma once

#include "report/Invoice.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPagedPaintDevice;
class QPushButton;
class QTextBrowser;

namespace st {

class Backend;
class PeriodLock;

// Reports → Invoice…: a client (and one of its projects, or all), the days, the billing rounding,
// billable time only and the invoice number (the next one unless typed), with the invoice itself
// as preview; saved as a PDF (invoice/InvoicePdf, as `studiotimer invoice` does) or printed. The
// invoice is built on the backend's reader (invoice::build, the command line's own), and its
// number is taken on the writer once the invoice is saved or printed. Below it, the closed period
// (PeriodLock): once an invoice is made, a button closes the period up to its last day.
class InvoiceDialog final : public QDialog
{
    Q_OBJECT
public:
    InvoiceDialog(Backend &service, const QDate &first, const QDate &last,
                  QWidget *parent = nullptr);

    // Opens a dialog over parent, deleted when closed.
    static void openOver(Backend &service, const QDate &first, const QDate &last, QWidget *parent);

    // The invoice the preview shows, when there is one to bill.
    const std::optional<Invoice> &invoice() const { return m_invoice; }
    // Writes the previewed invoice as a PDF, then takes its number; done() tells the outcome.
    void saveTo(const QString &file);
    // Draws the previewed invoice on a printer (or any paged device), then takes its number.
    void printOn(QPagedPaintDevice &device);
    QString statusText() const;

Q_SIGNALS:
    // The clients and projects are listed (after opening).
    void loaded();
    // A preview came back: invoice() or statusText() tell what it is.
    void previewed();
    // Saved or printed (error empty), or not (error says why).
    void done(const QString &error);

private:
    void fillProjects();
    void refresh();
    InvoiceRequest request() const;
    void choosePdfFile();
    void print();
    void takeNumber(const QString &what);
    void setStatus(const QString &text, bool error);

    Backend &m_service;
    QList<Project> m_projects;
    QComboBox *m_client = nullptr;
    QComboBox *m_project = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_roundingStep = nullptr;
    QComboBox *m_roundingMode = nullptr;
    QCheckBox *m_billableOnly = nullptr;
    QLineEdit *m_number = nullptr;
    QTextBrowser *m_preview = nullptr;
    QLabel *m_status = nullptr;
    PeriodLock *m_lock = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_print = nullptr;
    std::optional<Invoice> m_invoice;
    quint64 m_generation = 0; // answers to older previews are dropped
};

} // namespace st
