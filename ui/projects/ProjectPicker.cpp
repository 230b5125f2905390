#include "ProjectPicker.h"

#include "Theme.h"
#include "backend/NowSnapshot.h"

#include <QCompleter>
#include <QLineEdit>
#include <QRegularExpression>

#include <algorithm>

namespace st {

ProjectPicker::ProjectPicker(QWidget *parent)
    : QComboBox(parent)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setMinimumContentsLength(18);
    completer()->setCompletionMode(QCompleter::PopupCompletion);
    completer()->setFilterMode(Qt::MatchContains);
    completer()->setCaseSensitivity(Qt::CaseInsensitive);
    lineEdit()->setPlaceholderText(tr("No project"));
    addItem(tr("No project"), QString());
    connect(this, &QComboBox::activated, this, &ProjectPicker::pick);
    connect(lineEdit(), &QLineEdit::editingFinished, this, &ProjectPicker::onTextEntered);
}

void ProjectPicker::setProjects(const NowSnapshot &snap, const QString &current)
{
    m_snapshot = &snap;
    // Recent projects first (the desk user's latest entries), then the others by name.
    QList<Project> ordered;
    for (const QString &id : snap.recentProjectIds) {
        if (const auto p = snap.project(id); p && !p->archived)
            ordered << *p;
    }
    const qsizetype recent = ordered.size();
    QList<Project> others;
    for (const Project &p : snap.activeProjects()) {
        if (!snap.recentProjectIds.contains(p.id))
            others << p;
    }
    std::sort(others.begin(), others.end(), [](const Project &a, const Project &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    ordered << others;
    QString key = current + QLatin1Char('|');
    for (const Project &p : std::as_const(ordered))
        key += p.id + p.name + p.color + snap.clientName(p.clientId) + QLatin1Char(';');
    const bool typing = lineEdit()->hasFocus() && lineEdit()->isModified();
    if (key == m_key || typing)
        return;
    m_key = key;
    m_current = current;
    m_updating = true;
    clear();
    addItem(tr("No project"), QString());
    for (qsizetype i = 0; i < ordered.size(); ++i) {
        const Project &p = ordered.at(i);
        if (i == recent && recent > 0)
            insertSeparator(count());
        const QString client = snap.clientName(p.clientId);
        addItem(theme::swatch(QColor(p.color)),
                client.isEmpty() ? p.name : tr("%1 (%2)").arg(p.name, client), p.id);
    }
    // A project archived since it was picked is still shown as the current one.
    if (const auto p = snap.project(current); p && p->archived)
        addItem(theme::swatch(QColor(p->color)), tr("%1 (archived)").arg(p->name), p->id);
    setCurrentIndex(std::max(0, findData(current)));
    lineEdit()->setModified(false);
    m_updating = false;
}

void ProjectPicker::pick(int index)
{
    if (m_updating || index < 0)
        return;
    const QVariant id = itemData(index);
    if (id.typeId() != QMetaType::QString)
        return; // the separator
    lineEdit()->setModified(false);
    m_current = id.toString();
    Q_EMIT projectPicked(m_current);
}

void ProjectPicker::onTextEntered()
{
    if (m_updating || !lineEdit()->isModified())
        return;
    lineEdit()->setModified(false);
    const QString typed = lineEdit()->text().trimmed();
    int found = typed.isEmpty() ? 0 : -1;
    for (int i = 0; i < count() && found < 0; ++i) {
        if (itemText(i).compare(typed, Qt::CaseInsensitive) == 0)
            found = i;
    }
    for (int i = 1; m_snapshot && i < count() && found < 0; ++i) { // by its name alone
        const auto p = m_snapshot->project(itemData(i).toString());
        if (p && p->name.compare(typed, Qt::CaseInsensitive) == 0)
            found = i;
    }
    if (found < 0) { // no such project: the one in use again
        {
            const QSignalBlocker block(this);
            setCurrentIndex(std::max(0, findData(m_current)));
            lineEdit()->setText(itemText(currentIndex()));
        }
        Q_EMIT unknownProject(typed);
        return;
    }
    {
        const QSignalBlocker block(this);
        setCurrentIndex(found);
    }
    pick(found);
}

QStringList parseTags(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    return validate::normalizedTags(text.split(separators, Qt::SkipEmptyParts));
}

} // namespace st
