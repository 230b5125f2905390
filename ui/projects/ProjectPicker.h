#pragma once

#include <QComboBox>
#include <QStringList>

namespace st {

struct NowSnapshot;

// Picks a project: "No project", the desk user's recent projects first, then the others by name
// (each with its client). Editable: typing finds a project by any part of its name or its
// client's; a name that is no project puts the current one back.
class ProjectPicker final : public QComboBox
{
    Q_OBJECT
public:
    explicit ProjectPicker(QWidget *parent = nullptr);

    // Lists the snapshot's projects and shows current (shown even when archived). Does nothing
    // while a name is being typed or when nothing changed.
    void setProjects(const NowSnapshot &snapshot, const QString &current);
    QString projectId() const { return m_current; }

Q_SIGNALS:
    // The user picked a project ("" for none), from the list or by typing its name.
    void projectPicked(const QString &projectId);
    void unknownProject(const QString &typed);

private:
    void pick(int index);
    void onTextEntered();

    const NowSnapshot *m_snapshot = nullptr;
    QString m_current;
    QString m_key;
    bool m_updating = false;
};

// Tags as typed in a field: words separated by spaces or commas, repeats dropped.
QStringList parseTags(const QString &text);

} // namespace st
