#pragma once

#include "backend/Backend.h"

#include <QWidget>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace st {

class ProjectPicker;
class StudioModel;
class TaskButton;
class TodayModel;

// The main screen: a big button per task type (1-9), the running timer, who and where, today's
// entries and the studio's running timers. Everything shown comes from the service's snapshot;
// every click is a request to the service.
class NowView final : public QWidget
{
    Q_OBJECT
public:
    explicit NowView(Backend &service, QWidget *parent = nullptr);

    // For tests and the tray: the button that starts a task type.
    QPushButton *taskButton(const QString &taskTypeId) const;
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *continueButton() const { return m_continue; }
    QPushButton *pauseButton() const { return m_pause; }
    QLineEdit *noteEdit() const { return m_note; }
    // The project the next start gets (a running timer's project while one runs).
    ProjectPicker *projectPicker() const { return m_project; }
    QLineEdit *tagsEdit() const { return m_tags; }
    QLabel *whereLabel() const { return m_where; }
    // Picks the project (empty: none) as the user would; a running timer takes it.
    void chooseProject(const QString &projectId);
    QString selectedProjectId() const;
    QStringList tags() const;
    QLabel *elapsedLabel() const { return m_elapsed; }
    QLabel *costLabel() const { return m_cost; }
    StudioModel *studioModel() const { return m_studioModel; }
    TodayModel *todayModel() const { return m_todayModel; }

private:
    void rebuild();
    void rebuildTaskButtons();
    void rebuildPickers();
    void tick();
    void onUserPicked(int index);
    void onRoomPicked(int index);
    void addRoom(const QString &name);
    void chooseRoom(const QString &roomId);
    QString selectedRoomId() const;

    Backend &m_service;
    QGridLayout *m_buttons = nullptr;
    QList<TaskButton *> m_taskButtons;
    QString m_buttonsKey; // the task types the buttons were made for
    QComboBox *m_user = nullptr;
    QComboBox *m_room = nullptr;
    QString m_roomChoice; // the room picked here; empty: the default room
    bool m_roomChosen = false;
    ProjectPicker *m_project = nullptr;
    QString m_projectChoice; // the project picked here for the next start; empty: none
    QLineEdit *m_tags = nullptr;
    QLabel *m_task = nullptr;
    QLabel *m_where = nullptr;
    QLineEdit *m_note = nullptr;
    QLabel *m_elapsed = nullptr;
    QLabel *m_cost = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_continue = nullptr;
    QLabel *m_todayTotals = nullptr;
    TodayModel *m_todayModel = nullptr;
    StudioModel *m_studioModel = nullptr;
    QTimer *m_ticker = nullptr;
    bool m_updating = false;
    bool m_newDayAsked = false;
};

} // namespace st
