#pragma once

#include <QToolButton>

namespace st {

// A filter of History and Reports: a button whose menu ticks any number of choices (none ticked:
// all). It shows "all", the one name ticked, or how many.
class ChoiceButton final : public QToolButton
{
    Q_OBJECT
public:
    struct Choice
    {
        QString id; // may be "" (a "No project" choice)
        QString name;
        bool operator==(const Choice &) const = default;
    };

    ChoiceButton(const QString &allText, QWidget *parent = nullptr);

    // Lists the choices, keeping the ticks of those still there (nothing happens when they are
    // the ones listed already).
    void setChoices(const QList<Choice> &choices);
    QStringList checkedIds() const;
    // Ticks exactly these, without a changed() for each.
    void setCheckedIds(const QStringList &ids);

Q_SIGNALS:
    void changed();

private:
    void showChecked();

    QString m_allText;
    QList<Choice> m_choices;
};

} // namespace st
