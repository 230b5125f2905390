#pragma once

#include "TestStore.h"
#include "backend/Backend.h"

#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

#include <memory>

namespace st::test {

// A test store plus the desktop app's asynchronous service on the same database file.
struct GuiFixture
{
    TestStore store;
    std::unique_ptr<Backend> async;

    GuiFixture()
        : async(std::make_unique<Backend>(store.path(), store.clock, store.profile.org.id))
    {
        settle();
    }

    // Lets every request posted so far run on the worker and every answer arrive here.
    void settle()
    {
        for (int i = 0; i < 3; ++i) {
            async->waitForIdle();
            QCoreApplication::sendPostedEvents();
            QCoreApplication::processEvents();
        }
    }

    QString typeId(const QString &name) const { return store.typeId(name); }
    std::optional<TimeEntry> running() const { return store.service->running(store.userId()); }
};

// The app's French for as long as it lives (nothing for an empty path), as the running app loads
// it; ok() says whether it did.
class Translation
{
public:
    explicit Translation(const QString &qm)
    {
        m_ok = qm.isEmpty() ||
               (m_translator.load(qm) && QCoreApplication::installTranslator(&m_translator));
    }
    ~Translation() { QCoreApplication::removeTranslator(&m_translator); }
    Translation(const Translation &) = delete;
    Translation &operator=(const Translation &) = delete;
    bool ok() const { return m_ok; }

private:
    QTranslator m_translator;
    bool m_ok = false;
};

// A data-driven test's rows: English, then French (the column "translation", for Translation).
inline void englishAndFrench()
{
    QTest::addColumn<QString>("translation");
    QTest::newRow("English") << QString();
    QTest::newRow("French") << QStringLiteral(":/i18n/studiotimer_fr.qm");
}

} // namespace st::test
