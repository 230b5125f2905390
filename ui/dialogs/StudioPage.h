#pragma once

#include "domain/Error.h"

#include <QGroupBox>

class QLineEdit;
class QPlainTextEdit;

namespace st {

class Backend;

// Settings → the studio's details printed on invoices: its name, postal address and tax number,
// the settings `studiotimer settings set studio.name|studio.address|studio.taxNumber` writes.
// Read on the backend's reader when it opens, written on its writer in one transaction.
class StudioPage final : public QGroupBox
{
    Q_OBJECT
public:
    explicit StudioPage(Backend &service, QWidget *parent = nullptr);

    // What is wrong with the fields (nothing is written then).
    Result<void> check() const;
    // Writes the fields (after check()); the outcome shows in errorText() when the write's answer
    // arrives, which is before the answer of any change asked after this one.
    void save();
    QString errorText() const { return m_error; }

Q_SIGNALS:
    void loaded();
    void saved();

private:
    Backend &m_service;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_address = nullptr;
    QLineEdit *m_taxNumber = nullptr;
    bool m_loaded = false; // nothing is written before the saved details are shown
    QString m_error;
};

} // namespace st
