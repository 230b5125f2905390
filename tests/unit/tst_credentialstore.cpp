#include "secrets/CredentialStore.h"
#include "secrets/KeychainCredentialStore.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace st;

// Runs twice (tests/unit/CMakeLists.txt): under tests/support/with-keyring.sh with a real
// gnome-keyring (ST_EXPECT_KEYCHAIN=1), and with no D-Bus session at all (ST_EXPECT_KEYCHAIN=0),
// where the store must fall back to memory and say so.
class TestCredentialStore : public QObject
{
    Q_OBJECT

    // Waits for one asynchronous answer (the callback runs from the event loop).
    template <typename T, typename Call> std::optional<T> wait(Call call)
    {
        std::optional<T> result;
        call([&](T value) { result.emplace(std::move(value)); });
        QDeadlineTimer deadline(20000);
        while (!result && !deadline.hasExpired())
            QTest::qWait(10);
        return result;
    }

    CredentialStore *open(QObject *parent)
    {
        CredentialStore *store = nullptr;
        openCredentialStore(parent, QStringLiteral("StudioTimer-tests"),
                            [&](CredentialStore *s) { store = s; });
        QDeadlineTimer deadline(20000);
        while (!store && !deadline.hasExpired())
            QTest::qWait(10);
        return store;
    }

    static bool expectKeychain() { return qEnvironmentVariable("ST_EXPECT_KEYCHAIN") == u"1"; }

    QString m_key = QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("ST_EXPECT_KEYCHAIN"),
                 "Run through CTest: ST_EXPECT_KEYCHAIN says which backend to expect");
    }

    void theRightBackendIsChosen()
    {
        QObject owner;
        CredentialStore *store = open(&owner);
        QVERIFY(store);
        QCOMPARE(store->parent(), &owner);
        QCOMPARE(store->isPersistent(), expectKeychain());
        QVERIFY(!store->description().isEmpty());
        if (!expectKeychain())
            QVERIFY(store->description().contains(QStringLiteral("memory")));
    }

    void writeReadOverwriteRemove()
    {
        QObject owner;
        CredentialStore *store = open(&owner);
        QVERIFY(store);
        QCOMPARE(store->isPersistent(), expectKeychain());

        auto missing = wait<Result<QString>>([&](auto done) { store->read(m_key, &owner, done); });
        QVERIFY(missing);
        QVERIFY(!*missing);
        QCOMPARE(missing->error().code, ErrorCode::NotFound);

        auto written = wait<Result<void>>(
            [&](auto done) { store->write(m_key, QStringLiteral("tok-1 é"), &owner, done); });
        QVERIFY(written && *written);
        auto read = wait<Result<QString>>([&](auto done) { store->read(m_key, &owner, done); });
        QVERIFY(read && *read);
        QCOMPARE(read->value(), QStringLiteral("tok-1 é"));

        written = wait<Result<void>>(
            [&](auto done) { store->write(m_key, QStringLiteral("tok-2"), &owner, done); });
        QVERIFY(written && *written);
        read = wait<Result<QString>>([&](auto done) { store->read(m_key, &owner, done); });
        QVERIFY(read && *read);
        QCOMPARE(read->value(), QStringLiteral("tok-2"));

        // A second store (as after a restart) sees the secret only with a real keychain.
        QObject other;
        CredentialStore *again = open(&other);
        QVERIFY(again);
        auto seen = wait<Result<QString>>([&](auto done) { again->read(m_key, &other, done); });
        QVERIFY(seen);
        QCOMPARE(seen->ok(), expectKeychain());
        if (expectKeychain())
            QCOMPARE(seen->value(), QStringLiteral("tok-2"));

        auto removed = wait<Result<void>>([&](auto done) { store->remove(m_key, &owner, done); });
        QVERIFY(removed && *removed);
        read = wait<Result<QString>>([&](auto done) { store->read(m_key, &owner, done); });
        QVERIFY(read);
        QCOMPARE(read->error().code, ErrorCode::NotFound);
        removed = wait<Result<void>>([&](auto done) { store->remove(m_key, &owner, done); });
        QVERIFY(removed && *removed); // removing twice is fine
    }

    void answersNeverArriveInsideTheCall()
    {
        MemoryCredentialStore store;
        QObject context;
        bool called = false;
        store.write(m_key, QStringLiteral("x"), &context, [&](Result<void>) { called = true; });
        QVERIFY(!called);
        QTRY_VERIFY(called);
    }

    void noAnswerAfterTheContextIsGone()
    {
        MemoryCredentialStore store;
        bool called = false;
        {
            QObject context;
            store.read(m_key, &context, [&](Result<QString>) { called = true; });
        }
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
