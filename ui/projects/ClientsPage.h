#pragma once

#include "CatalogPage.h"

class QLineEdit;

namespace st {

class ColorButton;
class OptionalRate;

// Clients (artist, band, label): name, colour, an optional hourly rate for their projects.
class ClientsPage final : public CatalogPage
{
    Q_OBJECT
public:
    explicit ClientsPage(Backend &service, QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    ColorButton *colorButton() const { return m_color; }
    OptionalRate *rateField() const { return m_rate; }

private:
    QList<Row> rows() const override;
    void showItem(const QString &id) override;
    void applyItem(const QString &id) override;
    void addItem() override;
    void toggleItem(const QString &id) override;

    QLineEdit *m_name = nullptr;
    ColorButton *m_color = nullptr;
    OptionalRate *m_rate = nullptr;
};

} // namespace st
