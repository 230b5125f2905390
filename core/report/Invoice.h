#pragma once

#include "domain/Rounding.h"
#include "domain/Types.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

namespace st {

class TimerService;

// The studio's details printed on an invoice: settings of the data folder (`studiotimer settings
// set studio.name|studio.address|studio.taxNumber VALUE`), in its meta table.
struct StudioDetails
{
    QString name;
    QString address; // lines separated by \n
    QString taxNumber;
};

// One line: a project and a task type at one rate (an entry's rate is fixed when recorded, so a
// project and task type at two rates make two lines).
struct InvoiceLine
{
    QString project; // "" for entries without a project
    QString taskType;
    Ms billedMs = 0; // rounded per entry when the invoice rounds
    qint64 hourlyRateCents = 0;
    qint64 amountCents = 0; // the sum of each entry's cost, as in reports
    int entries = 0;
};

struct Invoice
{
    QString number;
    QDate issued;
    QDate first; // the period, both days included
    QDate last;
    QString currency;
    StudioDetails studio;
    Client client;
    Rounding rounding;
    bool billableOnly = false;
    QList<InvoiceLine> lines; // by project name, then task type order, then rate
    Ms totalMs = 0;
    qint64 totalCents = 0;
};

struct InvoiceRequest
{
    QString clientId;
    QString projectId; // empty: every project of the client
    QDate first;
    QDate last;
    Rounding rounding;
    bool billableOnly = false;
    QString number; // empty: the next one (settings key invoice.next, from 1)
};

namespace invoice {

// Reads the studio's details.
Result<StudioDetails> studioDetails(const TimerService &service);
// The settings an invoice reads, in the order `settings list` shows them.
QStringList settingKeys();

// The invoice of the client's projects (or one of them) over the days: every live entry of those
// projects overlapping them, clipped to them, priced as reports price them (billEntry). An error
// when there is nothing to bill. Does not take the number: see takeNumber.
Result<Invoice> build(const TimerService &service, const InvoiceRequest &request);

// Remembers number as used: the next default is the number after it (when it ends in digits).
Result<void> takeNumber(const TimerService &service, const QString &number);

} // namespace invoice
} // namespace st
