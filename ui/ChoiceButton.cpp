#include "ChoiceButton.h"

#include <QMenu>

namespace st {

ChoiceButton::ChoiceButton(const QString &allText, QWidget *parent)
    : QToolButton(parent)
    , m_allText(allText)
{
    setPopupMode(QToolButton::InstantPopup);
    setMenu(new QMenu(this));
    showChecked();
}

void ChoiceButton::setChoices(const QList<Choice> &choices)
{
    if (choices == m_choices)
        return;
    m_choices = choices;
    const QStringList checked = checkedIds();
    menu()->clear();
    for (const Choice &c : choices) {
        QAction *a = menu()->addAction(c.name);
        a->setCheckable(true);
        a->setData(c.id);
        a->setChecked(checked.contains(c.id));
        connect(a, &QAction::toggled, this, [this] {
            showChecked();
            Q_EMIT changed();
        });
    }
    showChecked(); // a renamed choice shows its new name
}

QStringList ChoiceButton::checkedIds() const
{
    QStringList ids;
    for (const QAction *a : menu()->actions()) {
        if (a->isChecked())
            ids << a->data().toString();
    }
    return ids;
}

void ChoiceButton::setCheckedIds(const QStringList &ids)
{
    for (QAction *a : menu()->actions()) {
        const QSignalBlocker block(a);
        a->setChecked(ids.contains(a->data().toString()));
    }
    showChecked();
}

void ChoiceButton::showChecked()
{
    QStringList names;
    for (const QAction *a : menu()->actions()) {
        if (a->isChecked())
            names << a->text();
    }
    setText(names.isEmpty()     ? m_allText
            : names.size() == 1 ? names.first()
                                : tr("%n selected", nullptr, int(names.size())));
    setToolTip(text());
    setAccessibleDescription(text());
}

} // namespace st
