#pragma once

// The main() of a GUI test that opens the app's dialogs: settings and autostart are read when
// they open, so XDG_CONFIG_HOME points at a folder of the test's own, not the user's files.
// `setup` runs once the QApplication exists (a style to install, say).

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#define ST_GUI_TEST_MAIN(TestClass, setup)                                                         \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        QTemporaryDir config;                                                                      \
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()));                              \
        QApplication app(argc, argv);                                                              \
        setup;                                                                                     \
        TestClass test;                                                                            \
        return QTest::qExec(&test, argc, argv);                                                    \
    }
