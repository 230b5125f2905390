#pragma once

#include <QPushButton>
#include <QWidget>

#include <optional>

class QCheckBox;
class QDoubleSpinBox;

namespace st {

// A colour field: the button shows the colour and its code, a click picks another.
class ColorButton final : public QPushButton
{
    Q_OBJECT
public:
    // dialogTitle: the colour picker's title.
    ColorButton(const QString &dialogTitle, QWidget *parent = nullptr);

    QString color() const { return m_color; }
    void setColor(const QString &color);

private:
    QString m_color;
};

// An optional hourly rate: "Own rate" ticked gives the amount, unticked means none (the next rate
// in line applies: the client's, else the task type's).
class OptionalRate final : public QWidget
{
    Q_OBJECT
public:
    OptionalRate(const QString &currency, const QString &noneHint, QWidget *parent = nullptr);

    std::optional<qint64> cents() const;
    void setCents(std::optional<qint64> cents);
    QCheckBox *ownRate() const { return m_own; }
    QDoubleSpinBox *amount() const { return m_amount; }

private:
    QCheckBox *m_own = nullptr;
    QDoubleSpinBox *m_amount = nullptr;
};

} // namespace st
