#include "SyncSettingsPage.h"

#include "SyncStatusWidget.h"
#include "Theme.h"
#include "backend/SyncSession.h"
#include "secrets/CredentialStore.h"
#include "sync/Discovery.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace st {

SyncSettingsPage::SyncSettingsPage(SyncSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_browser(std::make_unique<discovery::Browser>(m_clock))
{
    auto *layout = new QVBoxLayout(this);
    m_off = new QRadioButton(tr("O&ff: this machine keeps its data to itself"), this);
    m_join = new QRadioButton(tr("&Join a hub"), this);
    m_host = new QRadioButton(tr("R&un the hub on this machine"), this);
    auto *group = new QButtonGroup(this);
    for (QRadioButton *b : {m_off, m_join, m_host})
        group->addButton(b);

    m_joinBox = new QWidget(this);
    auto *joinForm = new QFormLayout(m_joinBox);
    // One line, commas between hubs: the same list `studiotimer sync join URL,URL` takes.
    m_address = new QLineEdit(m_joinBox);
    m_address->setPlaceholderText(tr("192.168.1.20:7345"));
    m_address->setToolTip(tr("Several hubs share one database: separate their addresses with "
                             "commas. This machine uses the first that answers and moves to the "
                             "next when one fails, without syncing again from the start."));
    joinForm->addRow(tr("Hub a&ddresses:"), m_address);
    m_found = new QListWidget(m_joinBox);
    m_found->setMaximumHeight(90);
    m_found->setAccessibleName(tr("Hubs found on the network")); // item views read no buddy label
    joinForm->addRow(tr("Found on the &network:"), m_found);
    m_token = new QLineEdit(m_joinBox);
    m_token->setPlaceholderText(tr("Paste the invite token shown on the hub"));
    joinForm->addRow(tr("Invite &token:"), m_token);
    m_fingerprint = new QLineEdit(m_joinBox);
    m_fingerprint->setObjectName(QStringLiteral("fingerprint"));
    m_fingerprint->setPlaceholderText(tr("Filled in from the invite code"));
    m_fingerprint->setToolTip(tr("The SHA-256 fingerprint of the hub's certificate, as the hub "
                                 "shows it: 64 hexadecimal digits, colons optional. A hub showing "
                                 "another certificate gets nothing, not even the token."));
    joinForm->addRow(tr("Certificate finger&print:"), m_fingerprint);
    m_plainText = new QCheckBox(tr("Plain text (&ws://), without encryption"), m_joinBox);
    m_plainText->setObjectName(QStringLiteral("plainText"));
    joinForm->addRow(QString(), m_plainText);
    m_insecure = new QLabel(tr("Insecure: the token and every entry cross the network readable, "
                               "and anyone on it can pretend to be the hub. Use plain text only "
                               "on a network that is yours alone."),
                            m_joinBox);
    m_insecure->setObjectName(QStringLiteral("insecure"));
    theme::useErrorText(m_insecure);
    m_insecure->setWordWrap(true);
    joinForm->addRow(QString(), m_insecure);

    m_hostBox = new QWidget(this);
    auto *hostForm = new QFormLayout(m_hostBox);
    m_port = new QSpinBox(m_hostBox);
    m_port->setRange(1, 65535);
    hostForm->addRow(tr("Po&rt:"), m_port);
    // The token is long: it gets the whole width, the buttons go under it.
    m_invite = new QLineEdit(m_hostBox);
    m_invite->setReadOnly(true);
    m_invite->setMinimumWidth(m_invite->fontMetrics().averageCharWidth() * 46);
    m_invite->setPlaceholderText(tr("Shown once the hub runs"));
    hostForm->addRow(tr("Invite token for another &machine:"), m_invite);
    auto *inviteButtons = new QHBoxLayout;
    m_copy = new QPushButton(tr("Cop&y"), m_hostBox);
    m_newInvite = new QPushButton(tr("New &invite"), m_hostBox);
    inviteButtons->addWidget(m_copy);
    inviteButtons->addWidget(m_newInvite);
    inviteButtons->addStretch(1);
    hostForm->addRow(QString(), inviteButtons);

    m_keychain = new QLabel(this);
    m_keychain->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    theme::useErrorText(m_error);
    m_error->setWordWrap(true);

    layout->addWidget(m_off);
    layout->addWidget(m_join);
    layout->addWidget(m_joinBox);
    layout->addWidget(m_host);
    layout->addWidget(m_hostBox);
    layout->addWidget(m_keychain);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addStretch(1);
    // Tab follows the page: each way of syncing, then its own fields.
    setTabOrder(m_join, m_address);
    setTabOrder(m_address, m_found);
    setTabOrder(m_found, m_token);
    setTabOrder(m_token, m_fingerprint);
    setTabOrder(m_fingerprint, m_plainText);
    setTabOrder(m_plainText, m_host);
    setTabOrder(m_host, m_port);

    const SyncConfig config = m_session.config();
    m_off->setChecked(config.mode == SyncMode::Off);
    m_join->setChecked(config.mode == SyncMode::Join);
    m_host->setChecked(config.mode == SyncMode::Host);
    m_port->setValue(config.port);
    if (config.mode == SyncMode::Join) {
        QStringList addresses;
        for (const HubEndpoint &hub : syncconfig::hubs(config))
            addresses.append(syncconfig::addressText(hub));
        m_address->setText(addresses.join(QStringLiteral(", ")));
        m_fingerprint->setText(syncconfig::formatFingerprint(config.fingerprint));
        m_plainText->setChecked(!config.tls); // settings saved before TLS existed were plain
    }
    m_invite->setText(m_session.inviteToken());

    if (const CredentialStore *store = m_session.credentialStore())
        m_keychain->setText(store->description());
    else
        m_keychain->setText(tr("No keychain is available: the token is kept for this run only "
                               "and has to be entered again at the next start."));

    connect(group, &QButtonGroup::buttonToggled, this, [this] { updateEnabled(); });
    // A hub picked with the arrows (or a click) fills in its address.
    connect(m_found, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && !item->data(Qt::UserRole).toString().isEmpty())
            m_address->setText(item->data(Qt::UserRole).toString());
    });
    connect(m_plainText, &QCheckBox::toggled, this, [this] { updateEnabled(); });
    connect(m_token, &QLineEdit::textChanged, this, &SyncSettingsPage::takeFingerprintFromInvite);
    connect(m_found, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        m_address->setText(item->data(Qt::UserRole).toString());
    });
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_invite->text()); });
    connect(m_newInvite, &QPushButton::clicked, this, [this] { m_session.issueInvite(); });
    connect(&m_session, &SyncSession::inviteTokenChanged, this,
            [this](const QString &token) { m_invite->setText(token); });
    connect(&m_session, &SyncSession::stateChanged, this, &SyncSettingsPage::updateStatus);
    connect(&m_session, &SyncSession::hubInUseChanged, this, &SyncSettingsPage::updateStatus);
    connect(m_browser.get(), &discovery::Browser::hubsChanged, this,
            &SyncSettingsPage::updateFound);
    if (!m_browser->start())
        m_found->addItem(tr("Cannot listen for hubs: %1").arg(m_browser->errorString()));
    updateEnabled();
    updateStatus();
}

SyncSettingsPage::~SyncSettingsPage() = default;

QString SyncSettingsPage::errorText() const
{
    return m_error->text();
}

void SyncSettingsPage::updateEnabled()
{
    m_joinBox->setEnabled(m_join->isChecked());
    m_hostBox->setEnabled(m_host->isChecked());
    m_fingerprint->setEnabled(!m_plainText->isChecked());
    m_insecure->setVisible(m_plainText->isChecked());
    const bool hosting = m_session.config().mode == SyncMode::Host && m_host->isChecked();
    m_copy->setEnabled(hosting);
    m_newInvite->setEnabled(hosting);
}

void SyncSettingsPage::takeFingerprintFromInvite()
{
    const auto invite = syncconfig::parseInvite(m_token->text());
    if (!invite || invite->fingerprint.isEmpty())
        return;
    m_fingerprint->setText(syncconfig::formatFingerprint(invite->fingerprint));
    m_plainText->setChecked(false); // the hub serves wss:// with that certificate
}

void SyncSettingsPage::updateFound()
{
    // The hub being looked at stays current while the list is refreshed.
    const QString current =
        m_found->currentItem() ? m_found->currentItem()->data(Qt::UserRole).toString() : QString();
    const QSignalBlocker block(m_found);
    m_found->clear();
    for (const discovery::FoundHub &hub : m_browser->hubs()) {
        const QString label =
            hub.announcement.orgHint.isEmpty()
                ? QStringLiteral("%1 (%2)").arg(hub.announcement.name, hub.address())
                : QStringLiteral("%1 — %2 (%3)")
                      .arg(hub.announcement.orgHint, hub.announcement.name, hub.address());
        auto *item = new QListWidgetItem(label, m_found);
        item->setData(Qt::UserRole, hub.address());
        if (!current.isEmpty() && hub.address() == current)
            m_found->setCurrentItem(item);
    }
}

void SyncSettingsPage::updateStatus()
{
    QString text = SyncStatusWidget::describe(m_session.state(), m_session.pendingCount(),
                                              m_session.errorMessage());
    if (m_session.hubPort() != 0)
        text = tr("The hub listens on port %1. %2").arg(m_session.hubPort()).arg(text);
    else if (!m_session.config().moreHubs.isEmpty() && !m_session.hubInUse().isEmpty())
        text = tr("%1 (hub in use: %2)").arg(text, m_session.hubInUse());
    m_status->setText(text);
    updateEnabled();
}

Result<void> SyncSettingsPage::apply()
{
    SyncConfig config;
    QString token;
    if (m_join->isChecked()) {
        config.mode = SyncMode::Join;
        auto addresses = syncconfig::parseAddresses(m_address->text());
        if (!addresses) {
            m_error->setText(addresses.error().message);
            return addresses.error();
        }
        syncconfig::setHubs(config, *addresses);
        // The token of one hub is the token of every hub on its database: a list that keeps one
        // of the hubs joined keeps the token.
        const SyncConfig current = m_session.config();
        const QList<HubEndpoint> joined = syncconfig::hubs(current);
        const bool sameDatabase =
            current.mode == SyncMode::Join &&
            std::any_of(addresses->cbegin(), addresses->cend(),
                        [&](const HubEndpoint &hub) { return joined.contains(hub); });
        const bool sameHub = sameDatabase && m_session.state() != SyncState::Unauthorized;
        if (!sameHub || !m_token->text().trimmed().isEmpty()) {
            auto checked = syncconfig::checkToken(m_token->text());
            if (!checked) {
                m_error->setText(checked.error().message);
                return checked.error();
            }
            token = *checked;
        }
        // TLS unless plain text is ticked; pinned to the fingerprint shown (an invite code's
        // fills it in), else the certificate must be valid for the host name.
        config.tls = !m_plainText->isChecked();
        if (config.tls && !m_fingerprint->text().trimmed().isEmpty()) {
            auto pin = syncconfig::parseFingerprint(m_fingerprint->text());
            if (!pin) {
                m_error->setText(pin.error().message);
                return pin.error();
            }
            config.fingerprint = *pin;
        }
        if (const auto invite = syncconfig::parseInvite(token);
            invite && !invite->fingerprint.isEmpty() &&
            (!config.tls ||
             (!config.fingerprint.isEmpty() && invite->fingerprint != config.fingerprint))) {
            // Typed over what the invite code filled in: which one is meant is not guessed.
            const Error differs = Error::invalid(
                tr("The invite code is for wss:// with the certificate %1, which the fields "
                   "below do not match: paste the invite code again.")
                    .arg(syncconfig::formatFingerprint(invite->fingerprint)));
            m_error->setText(differs.message);
            return differs;
        }
        if (sameDatabase) {
            // Same hub: a token file (`studiotimer sync join --token-file`) stays unless a token
            // is typed here.
            config.tokenFile = token.isEmpty() ? current.tokenFile : QString();
        }
    } else if (m_host->isChecked()) {
        config.mode = SyncMode::Host;
        config.port = quint16(m_port->value());
    }
    if (config == m_session.config() && token.isEmpty()) {
        m_error->clear();
        return {};
    }
    if (auto r = m_session.configure(config, token); !r) {
        m_error->setText(r.error().message);
        return r;
    }
    m_error->clear();
    m_token->clear();
    return {};
}

} // namespace st
