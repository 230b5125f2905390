#include "StudioPage.h"

#include "backend/Backend.h"
#include "report/Invoice.h"
#include "store/Database.h"

#include <QFontMetrics>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace st {

namespace {

constexpr int kMaxLength = 500; // as `studiotimer settings set` allows

} // namespace

StudioPage::StudioPage(Backend &service, QWidget *parent)
    : QGroupBox(parent)
    , m_service(service)
{
    setTitle(tr("Studio details on invoices"));
    setObjectName(QStringLiteral("studioPage"));
    auto *form = new QFormLayout(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("studioName"));
    m_name->setMaxLength(kMaxLength);
    form->addRow(tr("Stud&io name:"), m_name);
    m_address = new QPlainTextEdit(this);
    m_address->setObjectName(QStringLiteral("studioAddress"));
    m_address->setTabChangesFocus(true); // Tab leaves the field; Enter starts a new line
    m_address->setFixedHeight(m_address->fontMetrics().lineSpacing() * 3 + 12);
    m_address->setAccessibleName(tr("Studio address"));
    // Fusion draws no focus on a text box of several lines: its frame shows where the keyboard is.
    m_address->setStyleSheet(
        QStringLiteral("QPlainTextEdit:focus { border: 2px solid palette(highlight); }"));
    auto *addressLabel = new QLabel(tr("Addr&ess:"), this);
    addressLabel->setBuddy(m_address);
    form->addRow(addressLabel, m_address);
    m_taxNumber = new QLineEdit(this);
    m_taxNumber->setObjectName(QStringLiteral("studioTaxNumber"));
    m_taxNumber->setMaxLength(kMaxLength);
    form->addRow(tr("Ta&x number:"), m_taxNumber);
    setEnabled(false);

    m_service.read<Result<StudioDetails>>([](TimerService &s) { return invoice::studioDetails(s); },
                                          this,
                                          [this](Result<StudioDetails> details) {
                                              if (!details) {
                                                  m_error = details.error().message;
                                                  return;
                                              }
                                              m_name->setText(details->name);
                                              m_address->setPlainText(details->address);
                                              m_taxNumber->setText(details->taxNumber);
                                              m_loaded = true;
                                              setEnabled(true);
                                              Q_EMIT loaded();
                                          });
}

Result<void> StudioPage::check() const
{
    if (m_address->toPlainText().trimmed().size() > kMaxLength)
        return Error::invalid(tr("The studio's address is at most %1 characters.").arg(kMaxLength));
    return {};
}

void StudioPage::save()
{
    if (!m_loaded || !check())
        return;
    const QStringList keys = invoice::settingKeys(); // name, address, tax number
    const QStringList values = {m_name->text().trimmed(), m_address->toPlainText().trimmed(),
                                m_taxNumber->text().trimmed()};
    m_error.clear();
    m_service.write<Result<void>>(
        [keys, values](TimerService &s) -> Result<void> {
            const Database &db = s.database();
            Transaction tx(db);
            if (!tx.isActive())
                return tx.error();
            for (qsizetype i = 0; i < keys.size(); ++i) {
                if (auto r = db.setMeta(keys.at(i), values.value(i)); !r)
                    return r.error();
            }
            return tx.commit();
        },
        this,
        [this](Result<void> written) {
            m_error = written ? QString() : written.error().message;
            if (written)
                Q_EMIT saved();
        });
}

} // namespace st
