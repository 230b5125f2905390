#pragma once

#include <QProcess>
#include <QStandardPaths>
#include <QString>

// The text of a PDF as poppler's pdftotext reads it (layout kept), for the invoice tests: what a
// reader of the PDF (or a search in it) finds. pdftotext comes with poppler-utils
// (tools/install-deps.sh).
inline QString pdfText(const QString &file)
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        qFatal("pdftotext is missing: tools/install-deps.sh installs poppler-utils");
    QProcess p;
    p.start(pdftotext, {QStringLiteral("-layout"), file, QStringLiteral("-")});
    if (!p.waitForFinished(30'000) || p.exitCode() != 0)
        qFatal("pdftotext failed: %s", p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput());
}
