#include "CatalogFields.h"

#include "Theme.h"
#include "domain/Money.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QDoubleSpinBox>
#include <QHBoxLayout>

namespace st {

ColorButton::ColorButton(const QString &dialogTitle, QWidget *parent)
    : QPushButton(parent)
{
    setAccessibleName(tr("Colour"));
    connect(this, &QPushButton::clicked, this, [this, dialogTitle] {
        const QColor c = QColorDialog::getColor(QColor(m_color), this, dialogTitle);
        if (c.isValid())
            setColor(c.name());
    });
}

void ColorButton::setColor(const QString &color)
{
    m_color = color;
    setIcon(theme::swatch(QColor(color)));
    setText(color);
}

OptionalRate::OptionalRate(const QString &currency, const QString &noneHint, QWidget *parent)
    : QWidget(parent)
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    m_own = new QCheckBox(tr("Own rate"), this);
    m_own->setToolTip(noneHint);
    m_amount = new QDoubleSpinBox(this);
    m_amount->setRange(0, double(money::kMaxHourlyRateCents) / 100);
    m_amount->setDecimals(2);
    m_amount->setSuffix(QLatin1Char(' ') + money::currencySymbol(currency) + tr("/h"));
    m_amount->setAccessibleName(tr("Hourly rate"));
    m_amount->setEnabled(false);
    row->addWidget(m_own);
    row->addWidget(m_amount, 1);
    setFocusProxy(m_own);
    connect(m_own, &QCheckBox::toggled, m_amount, &QWidget::setEnabled);
}

std::optional<qint64> OptionalRate::cents() const
{
    if (!m_own->isChecked())
        return std::nullopt;
    return qRound64(m_amount->value() * 100);
}

void OptionalRate::setCents(std::optional<qint64> cents)
{
    m_own->setChecked(cents.has_value());
    m_amount->setEnabled(cents.has_value());
    m_amount->setValue(cents ? double(*cents) / 100 : 0.0);
}

} // namespace st
