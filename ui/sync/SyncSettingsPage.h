#pragma once

#include "domain/Clock.h"
#include "domain/Error.h"

#include <memory>

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace st {

class SyncSession;
namespace discovery {
class Browser;
}

// Settings → Sync: Off; Join a hub (addresses typed, commas between the hubs of one database, or
// one picked among the hubs found on the network, plus an invite token); Run the hub on this
// machine (a port; the organisation is made from this machine's, and an invite token is shown to
// copy for the other machines).
// Joining is wss:// pinned to the hub's certificate fingerprint, which an invite code fills in
// (editable: 64 hex digits, colons optional); plain ws:// only when ticked, with a visible
// warning.
class SyncSettingsPage final : public QWidget
{
    Q_OBJECT
public:
    explicit SyncSettingsPage(SyncSession &session, QWidget *parent = nullptr);
    ~SyncSettingsPage() override;

    // Checks the fields and hands them to the session; an error says what to fix, changes nothing
    // and is shown in errorText().
    Result<void> apply();
    QString errorText() const;

    QRadioButton *offButton() const { return m_off; }
    QRadioButton *joinButton() const { return m_join; }
    QRadioButton *hostButton() const { return m_host; }
    QLineEdit *addressEdit() const { return m_address; }
    QLineEdit *tokenEdit() const { return m_token; }
    QLineEdit *fingerprintEdit() const { return m_fingerprint; }
    QCheckBox *plainTextBox() const { return m_plainText; }
    QLabel *insecureWarning() const { return m_insecure; }
    QSpinBox *portSpin() const { return m_port; }
    QLineEdit *inviteEdit() const { return m_invite; }
    QListWidget *foundHubs() const { return m_found; }
    QLabel *keychainLabel() const { return m_keychain; }

private:
    void updateEnabled();
    // An invite code with a fingerprint pasted as the token: the fingerprint field shows it.
    void takeFingerprintFromInvite();
    void updateFound();
    void updateStatus();

    SyncSession &m_session;
    SystemClock m_clock;
    std::unique_ptr<discovery::Browser> m_browser;
    QRadioButton *m_off = nullptr;
    QRadioButton *m_join = nullptr;
    QRadioButton *m_host = nullptr;
    QWidget *m_joinBox = nullptr;
    QWidget *m_hostBox = nullptr;
    QLineEdit *m_address = nullptr;
    QListWidget *m_found = nullptr;
    QLineEdit *m_token = nullptr;
    QLineEdit *m_fingerprint = nullptr;
    QCheckBox *m_plainText = nullptr;
    QLabel *m_insecure = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_invite = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_newInvite = nullptr;
    QLabel *m_keychain = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace st
