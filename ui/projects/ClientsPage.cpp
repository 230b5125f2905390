#include "ClientsPage.h"

#include "CatalogFields.h"
#include "backend/Backend.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

#include <algorithm>

namespace st {

namespace {

Result<void> saveClient(TimerService &s, const Client &client)
{
    auto saved = s.saveClient(client);
    if (!saved)
        return saved.error();
    return {};
}

} // namespace

ClientsPage::ClientsPage(Backend &service, QWidget *parent)
    : CatalogPage(service, tr("Clients"), parent)
{
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("clientName"));
    m_color = new ColorButton(tr("Client colour"), this);
    m_rate = new OptionalRate(service.snapshot().org.currency,
                              tr("Without a rate of its own, each project's rate applies, else "
                                 "the task type's."),
                              this);
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    auto *colorLabel = new QLabel(tr("Co&lour:"), this);
    colorLabel->setBuddy(m_color);
    auto *rateLabel = new QLabel(tr("Hourly &rate:"), this);
    rateLabel->setBuddy(m_rate);
    form()->addRow(nameLabel, m_name);
    form()->addRow(colorLabel, m_color);
    form()->addRow(rateLabel, m_rate);
    auto *hint = new QLabel(tr("A project's own rate comes first, then its client's, then the "
                               "task type's. Recorded entries keep their rate."),
                            this);
    hint->setWordWrap(true);
    form()->addRow(hint);
    reload();
}

QList<CatalogPage::Row> ClientsPage::rows() const
{
    QList<Row> result;
    QList<Client> clients = service().snapshot().clients;
    std::stable_sort(clients.begin(), clients.end(), [](const Client &a, const Client &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    for (const Client &c : std::as_const(clients))
        result.append({c.id, c.name, c.color, c.archived});
    return result;
}

void ClientsPage::showItem(const QString &id)
{
    const auto client = service().snapshot().client(id);
    if (!client)
        return;
    m_name->setText(client->name);
    m_color->setColor(client->color);
    m_rate->setCents(client->hourlyRateCents);
}

void ClientsPage::applyItem(const QString &id)
{
    auto client = service().snapshot().client(id);
    if (!client)
        return;
    client->name = m_name->text().trimmed();
    client->color = m_color->color();
    client->hourlyRateCents = m_rate->cents();
    save([c = *client](TimerService &s) { return saveClient(s, c); }, id);
}

void ClientsPage::addItem()
{
    Client client;
    client.id = newId();
    client.name = tr("New client %1").arg(service().snapshot().clients.size() + 1);
    client.color = QStringLiteral("#4e79a7");
    save([client](TimerService &s) { return saveClient(s, client); }, client.id);
}

void ClientsPage::toggleItem(const QString &id)
{
    auto client = service().snapshot().client(id);
    if (!client)
        return;
    client->archived = !client->archived;
    save([c = *client](TimerService &s) { return saveClient(s, c); }, id);
}

} // namespace st
