#include "CatalogPage.h"

#include "Theme.h"
#include "backend/Backend.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace st {

CatalogPage::CatalogPage(Backend &service, const QString &listName, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
{
    auto *layout = new QVBoxLayout(this);
    auto *columns = new QHBoxLayout;
    layout->addLayout(columns, 1);

    auto *left = new QVBoxLayout;
    m_list = new QListWidget(this);
    m_list->setAccessibleName(listName);
    left->addWidget(m_list);
    m_add = new QPushButton(tr("A&dd"), this);
    left->addWidget(m_add);
    columns->addLayout(left, 1);

    auto *right = new QVBoxLayout;
    m_form = new QFormLayout;
    right->addLayout(m_form);
    auto *actions = new QHBoxLayout;
    m_apply = new QPushButton(tr("A&pply"), this);
    m_archive = new QPushButton(tr("Archi&ve"), this);
    actions->addWidget(m_apply);
    actions->addWidget(m_archive);
    actions->addStretch();
    right->addLayout(actions);
    right->addStretch();
    columns->addLayout(right, 2);

    m_error = new QLabel(this);
    theme::useErrorText(m_error);
    m_error->setWordWrap(true);
    layout->addWidget(m_error);

    theme::onPaletteChange(m_list, [this] {
        const QColor muted = theme::mutedText(m_list->palette());
        for (int row = 0; row < m_list->count() && row < m_rows.size(); ++row) {
            if (m_rows.at(row).archived)
                m_list->item(row)->setForeground(muted);
        }
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &CatalogPage::showSelected);
    connect(m_add, &QPushButton::clicked, this, &CatalogPage::addNew);
    connect(m_apply, &QPushButton::clicked, this, &CatalogPage::applyForm);
    connect(m_archive, &QPushButton::clicked, this, &CatalogPage::toggleArchived);
    connect(&m_service, &Backend::snapshotChanged, this, &CatalogPage::reload);
}

QString CatalogPage::errorText() const
{
    return m_error->text();
}

QString CatalogPage::selectedId() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

void CatalogPage::select(const QString &id)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            m_list->setCurrentRow(row);
    }
}

void CatalogPage::reload()
{
    const QString keep = m_selectAfterReload.isEmpty() ? selectedId() : m_selectAfterReload;
    m_selectAfterReload.clear();
    m_rows = rows();
    const QSignalBlocker block(m_list);
    m_list->clear();
    int selected = 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows.at(i);
        auto *item = new QListWidgetItem(theme::swatch(QColor(r.color)),
                                         r.archived ? tr("%1 (archived)").arg(r.text) : r.text);
        if (r.archived)
            item->setForeground(theme::mutedText(m_list->palette()));
        m_list->addItem(item);
        if (r.id == keep)
            selected = i;
    }
    m_list->setCurrentRow(m_rows.isEmpty() ? -1 : selected);
    showSelected();
}

void CatalogPage::showSelected()
{
    const QString id = selectedId();
    const bool any = !id.isEmpty();
    m_apply->setEnabled(any);
    m_archive->setEnabled(any);
    if (!any)
        return;
    for (const Row &r : std::as_const(m_rows)) {
        if (r.id == id)
            m_archive->setText(r.archived ? tr("Res&tore") : tr("Archi&ve"));
    }
    showItem(id);
}

void CatalogPage::save(std::function<Result<void>(TimerService &)> job, const QString &id)
{
    m_error->clear();
    m_service.write<Result<void>>(std::move(job), this, [this, id](const Result<void> &r) {
        if (!r) {
            m_error->setText(r.error().message);
            return;
        }
        m_selectAfterReload = id;
        select(id); // when the snapshot came before this answer
    });
}

void CatalogPage::applyForm()
{
    if (const QString id = selectedId(); !id.isEmpty())
        applyItem(id);
}

void CatalogPage::addNew()
{
    addItem();
}

void CatalogPage::toggleArchived()
{
    if (const QString id = selectedId(); !id.isEmpty())
        toggleItem(id);
}

} // namespace st
