#pragma once

#include <QDialog>

class QLabel;

namespace st {

class Backend;

// Help ▸ About: the version, the licence, where the data lives, the hub this desk syncs with, and
// links. The data folder and hub are read from the store (on the reader) when the dialog opens.
class AboutDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(Backend &service, QWidget *parent = nullptr);

    QString text() const; // what the dialog says, as plain text (tests)

private:
    QLabel *m_about = nullptr;
    QLabel *m_details = nullptr;
};

} // namespace st
