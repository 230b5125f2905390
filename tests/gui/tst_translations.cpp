#include "Language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTest>
#include <QTranslator>

using namespace st;

// The .qm files are built from translations/*.ts and embedded in the binary.
class TestTranslations final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bothLanguagesAreEmbedded();
    void frenchTranslatesTheWindow();
    void englishPluralsReadWell();
    void frenchMessagesDoNotDependOnTheTasksGender();
    void aPreferenceOverridesTheSystem();
};

void TestTranslations::bothLanguagesAreEmbedded()
{
    for (const QString &lang : language::available()) {
        QTranslator t;
        QVERIFY2(t.load(QStringLiteral(":/i18n/studiotimer_") + lang + QStringLiteral(".qm")),
                 qPrintable(lang));
    }
}

void TestTranslations::frenchTranslatesTheWindow()
{
    QTranslator t;
    QVERIFY(t.load(QStringLiteral(":/i18n/studiotimer_fr.qm")));
    QCOMPARE(t.translate("st::MainWindow", "History"), QStringLiteral("Historique"));
    QCOMPARE(t.translate("st::NowView", "Stop"), QStringLiteral("Arrêter"));
    QCOMPARE(t.translate("st::profile", "Recording"), QStringLiteral("Enregistrement"));
    QCOMPARE(t.translate("st::Periods", "Last week"), QStringLiteral("La semaine dernière"));
}

void TestTranslations::frenchMessagesDoNotDependOnTheTasksGender()
{
    // Issue 16: "Enregistrement … démarrée" (the task's gender guessed wrong), and error prefixes
    // mixing "studiotimer :" and "studiotimer:" (main.cpp writes the latter, untranslated).
    QTranslator t;
    QVERIFY(t.load(QStringLiteral(":/i18n/studiotimer_fr.qm")));
    for (const char *source : {"Started %1.\n", "Stopped %1.\n", "Paused %1.\n", "Resumed %1.\n",
                               "Added %1.\n", "Adjusted %1.\n", "Restored %1.\n"}) {
        const QString fr = t.translate("st::CommandLine", source);
        QVERIFY2(!fr.isEmpty(), source);
        // The participle agrees with a word of the message (chronomètre, entrée), never with %1.
        QVERIFY2(!fr.startsWith(QStringLiteral("%1")), qPrintable(fr));
    }
    QCOMPARE(t.translate("st::CommandLine", "Started %1.\n"),
             QStringLiteral("Chronomètre démarré : %1.\n"));
    for (const char *source :
         {"studiotimer: %1\n", "studiotimer: %1\nTry \"studiotimer help\".\n"}) {
        const QString fr = t.translate("st::CommandLine", source);
        QVERIFY2(fr.startsWith(QStringLiteral("studiotimer: ")), qPrintable(fr));
    }
}

void TestTranslations::englishPluralsReadWell()
{
    QTranslator t;
    QVERIFY(t.load(QStringLiteral(":/i18n/studiotimer_en.qm")));
    QCoreApplication::installTranslator(&t);
    QCOMPARE(QCoreApplication::translate("st::HistoryView", "%n selected", nullptr, 1),
             QStringLiteral("1 selected"));
    QCOMPARE(QCoreApplication::translate("st::NowView", "Today: %1 · %2 · %n entries", nullptr, 1),
             QStringLiteral("Today: %1 · %2 · 1 entry"));
    QCoreApplication::removeTranslator(&t);
}

void TestTranslations::aPreferenceOverridesTheSystem()
{
    QCOMPARE(language::resolve(QStringLiteral("fr")), QStringLiteral("fr"));
    QCOMPARE(language::resolve(QStringLiteral("en")), QStringLiteral("en"));
    QVERIFY(language::available().contains(language::resolve({})));
    QVERIFY(language::available().contains(language::resolve(QStringLiteral("tlh"))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
