#include "AboutDialog.h"

#include "backend/Backend.h"
#include "sync/SyncConfig.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QTextDocument>
#include <QUrl>
#include <QVBoxLayout>

namespace st {

namespace {

struct Where
{
    QString dataFolder;
    QString hub; // empty: not syncing
    bool hosting = false;
};

QString link(const QString &url, const QString &text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(url.toHtmlEscaped(), text.toHtmlEscaped());
}

} // namespace

AboutDialog::AboutDialog(Backend &service, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Studio Timer"));
    auto *layout = new QVBoxLayout(this);
    m_about = new QLabel(this);
    m_about->setTextFormat(Qt::RichText);
    m_about->setOpenExternalLinks(true);
    m_about->setWordWrap(true);
    m_about->setTextInteractionFlags(Qt::TextBrowserInteraction);
    const QString website = tr("studiotimer.org: news, help and reporting a problem");
    m_about->setText(tr("<h3>Studio Timer %1</h3><p>Time tracking for recording studios.</p>"
                        "<p>Free software under the MIT licence.</p>")
                         .arg(QCoreApplication::applicationVersion().toHtmlEscaped()) +
                     QStringLiteral("<p>") +
                     link(QStringLiteral("https://studiotimer.org"), website) +
                     QStringLiteral("</p>"));
    // A wrapped label asks for little width; the link reads whole on one line (it was cut).
    m_about->setMinimumWidth(m_about->fontMetrics().horizontalAdvance(website) +
                             2 * m_about->fontMetrics().averageCharWidth());
    layout->addWidget(m_about);

    m_details = new QLabel(tr("Reading…"), this);
    m_details->setTextFormat(Qt::RichText);
    m_details->setWordWrap(true);
    m_details->setOpenExternalLinks(true);
    m_details->setTextInteractionFlags(Qt::TextBrowserInteraction);
    layout->addWidget(m_details);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    service.read<Where>(
        [](TimerService &s) {
            Where w;
            w.dataFolder = QFileInfo(s.database().path()).absolutePath();
            const SyncConfig config = syncconfig::load(s.database());
            w.hosting = config.mode == SyncMode::Host;
            if (config.mode == SyncMode::Join)
                w.hub = QStringLiteral("%1:%2").arg(config.host).arg(config.port);
            else if (w.hosting)
                w.hub = QStringLiteral("localhost:%1").arg(config.port);
            return w;
        },
        this,
        [this](const Where &w) {
            const QString folder = link(QUrl::fromLocalFile(w.dataFolder).toString(),
                                        QDir::toNativeSeparators(w.dataFolder));
            const QString hub = w.hub.isEmpty() ? tr("not syncing")
                                : w.hosting     ? tr("%1 (hosted on this machine)").arg(w.hub)
                                                : w.hub;
            m_details->setText(tr("Data folder: %1<br>Hub: %2").arg(folder, hub.toHtmlEscaped()));
        });
}

QString AboutDialog::text() const
{
    QTextDocument doc;
    doc.setHtml(m_about->text() + QStringLiteral("<br>") + m_details->text());
    return doc.toPlainText();
}

} // namespace st
