// Copies of the database (core/store/Backup): checked copies that never overwrite, and the
// desktop app's daily copies — one a day, the newest N kept, nothing else in the folder touched.
#include "TestStore.h"
#include "backend/Backend.h"
#include "backend/DailyBackup.h"
#include "store/Backup.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>

using namespace st;
using namespace st::test;

namespace {

const QString kStem = QStringLiteral("studiotimer");

QStringList names(const QStringList &paths)
{
    QStringList out;
    for (const QString &p : paths)
        out << QFileInfo(p).fileName();
    return out;
}

QStringList listing(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestBackup final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aCopyIsCheckedPrivateAndNeverOverwrites();
    void dailyCopiesKeepTheNewest();
    void dailyCopiesOffMakesAndRemovesNothing();
    void theAppMakesItsDailyCopyAndFollowsTheSetting();
};

void TestBackup::aCopyIsCheckedPrivateAndNeverOverwrites()
{
    TestStore store;
    QVERIFY(store.service->start(
        {store.userId(), store.typeId(QStringLiteral("Mixing")), {}, {}, std::nullopt, {}}));
    const QString copy = store.dir.filePath(QStringLiteral("copies/one.sqlite"));
    const auto made = backup::writeChecked(*store.db, copy);
    QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message));
    QCOMPARE(made.value(), Database::latestSchemaVersion());
    QCOMPARE(QFileInfo(copy).permissions() &
                 (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther),
             QFile::Permissions());
    QVERIFY(backup::verify(copy).ok());
    // Nothing half-made is left beside it.
    QCOMPARE(listing(QFileInfo(copy).path()), QStringList{QStringLiteral("one.sqlite")});

    const QByteArray before = bytesOf(copy);
    const auto again = backup::writeChecked(*store.db, copy);
    QVERIFY(!again.ok());
    QVERIFY(again.error().message.contains(QLatin1String("exists already")));
    QCOMPARE(bytesOf(copy), before);
    QCOMPARE(listing(QFileInfo(copy).path()), QStringList{QStringLiteral("one.sqlite")});
}

void TestBackup::dailyCopiesKeepTheNewest()
{
    TestStore store;
    const QString folder = store.dir.filePath(QStringLiteral("backups"));
    const QDate today(2026, 11, 30);
    // Ten earlier days (one missed), a manual backup and files that only look like daily copies.
    for (int back = 1; back <= 11; ++back) {
        if (back != 4)
            QVERIFY(backup::writeChecked(*store.db,
                                         backup::dailyName(folder, kStem, today.addDays(-back))));
    }
    const QStringList others{QStringLiteral("studiotimer-backup-20261101-120000.sqlite"),
                             QStringLiteral("studiotimer-daily-2026-11-01.sqlite.txt"),
                             QStringLiteral("hub-daily-2026-11-01.sqlite"),
                             QStringLiteral("notes.txt")};
    for (const QString &name : others) {
        QFile f(QDir(folder).filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me");
    }
    QCOMPARE(backup::dailyCopies(folder, kStem).size(), 10);

    const auto made = backup::keepDaily(*store.db, folder, kStem, today, 3);
    QVERIFY(made.ok());
    QCOMPARE(made.value(), backup::dailyName(folder, kStem, today));
    QVERIFY(backup::verify(made.value()).ok());
    QCOMPARE(names(backup::dailyCopies(folder, kStem)),
             (QStringList{QStringLiteral("studiotimer-daily-2026-11-30.sqlite"),
                          QStringLiteral("studiotimer-daily-2026-11-29.sqlite"),
                          QStringLiteral("studiotimer-daily-2026-11-28.sqlite")}));
    for (const QString &name : others)
        QCOMPARE(bytesOf(QDir(folder).filePath(name)), QByteArray("keep me"));

    // The same day again: nothing new, today's copy kept as it was.
    const QByteArray todays = bytesOf(made.value());
    const auto second = backup::keepDaily(*store.db, folder, kStem, today, 3);
    QVERIFY(second.ok());
    QVERIFY(second.value().isEmpty());
    QCOMPARE(bytesOf(made.value()), todays);
    QCOMPARE(backup::dailyCopies(folder, kStem).size(), 3);

    // A lower count prunes at once.
    QVERIFY(backup::keepDaily(*store.db, folder, kStem, today, 1).ok());
    QCOMPARE(names(backup::dailyCopies(folder, kStem)),
             QStringList{QStringLiteral("studiotimer-daily-2026-11-30.sqlite")});
}

void TestBackup::dailyCopiesOffMakesAndRemovesNothing()
{
    TestStore store;
    const QString folder = store.dir.filePath(QStringLiteral("backups"));
    const QDate today(2026, 11, 30);
    for (int back = 1; back <= 3; ++back)
        QVERIFY(backup::writeChecked(*store.db,
                                     backup::dailyName(folder, kStem, today.addDays(-back))));
    const auto made = backup::keepDaily(*store.db, folder, kStem, today, 0);
    QVERIFY(made.ok());
    QVERIFY(made.value().isEmpty());
    QCOMPARE(backup::dailyCopies(folder, kStem).size(), 3);
    QVERIFY(!QFileInfo::exists(backup::dailyName(folder, kStem, today)));
}

void TestBackup::theAppMakesItsDailyCopyAndFollowsTheSetting()
{
    TestStore store; // 2025-11-28T08:00Z
    Backend backend(store.path(), store.clock, store.profile.org.id);
    const QString folder = backup::folderFor(store.path());
    QCOMPARE(folder, store.dir.filePath(QStringLiteral("backups")));
    DailyBackup daily(backend, folder);
    QSignalSpy checked(&daily, &DailyBackup::checked);
    QSignalSpy failed(&daily, &DailyBackup::failed);

    daily.start();
    QTRY_COMPARE(checked.size(), 1);
    QCOMPARE(daily.keep(), 7); // the default
    QCOMPARE(checked.at(0).at(0).toString(), backup::dailyName(folder, kStem, QDate(2025, 11, 28)));
    QVERIFY(backup::verify(checked.at(0).at(0).toString()).ok());

    // Three more days: a copy each.
    for (int day = 1; day <= 3; ++day) {
        store.clock.advance(24LL * 3600 * 1000);
        daily.start();
        QTRY_COMPARE(checked.size(), 1 + day);
    }
    QCOMPARE(backup::dailyCopies(folder, kStem).size(), 4);

    // The setting lowered to 2 in Settings: the older copies go at once.
    Preferences prefs = preferences::load(*store.db);
    prefs.dailyBackups = 2;
    bool saved = false;
    backend.savePreferences(prefs, &daily, [&saved](const Result<void> &r) { saved = r.ok(); });
    QTRY_VERIFY(saved);
    QTRY_COMPARE(daily.keep(), 2);
    QTRY_COMPARE(names(backup::dailyCopies(folder, kStem)),
                 (QStringList{QStringLiteral("studiotimer-daily-2025-12-01.sqlite"),
                              QStringLiteral("studiotimer-daily-2025-11-30.sqlite")}));

    // Off: the next day makes none.
    prefs.dailyBackups = 0;
    saved = false;
    backend.savePreferences(prefs, &daily, [&saved](const Result<void> &r) { saved = r.ok(); });
    QTRY_VERIFY(saved);
    QTRY_COMPARE(daily.keep(), 0);
    store.clock.advance(24LL * 3600 * 1000);
    const int before = int(checked.size());
    daily.start();
    QTRY_COMPARE(checked.size(), before + 1);
    QVERIFY(checked.last().at(0).toString().isEmpty());
    QCOMPARE(backup::dailyCopies(folder, kStem).size(), 2);
    QCOMPARE(failed.size(), 0);
}

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
