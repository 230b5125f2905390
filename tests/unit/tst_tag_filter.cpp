// The tag filter (issue 12, docs/REPORTS.md "Clients and projects"): EntryFilter::tags keeps the
// entries having any of the words, in any case, whole words only, and a report by tag with a tag
// filter has exactly the groups asked for, each adding up as the filtered report does. Also: a
// null ID in a filter's list stands for "none", as "" does (Sql::in).
#include "TestStore.h"
#include "report/ReportService.h"

#include <QDateTime>
#include <QTest>

using namespace st;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

Ms local(int day, int hour)
{
    return QDateTime(QDate(2025, 11, day), QTime(hour, 0)).toMSecsSinceEpoch();
}

// Entries on the 3rd to the 8th of November, an hour each, with these tags.
struct Tagged
{
    test::TestStore store;
    QStringList ids;

    Tagged()
    {
        const QList<QStringList> tags{{s("mix"), s("vocals")}, {s("Mix")}, {s("remix")},
                                      {s("mixing")},           {},         {s("a\"mix"), s("Été")}};
        int day = 3;
        for (const QStringList &words : tags) {
            ManualEntry m;
            m.userId = store.userId();
            m.taskTypeId = store.typeId(s("Recording"));
            m.startedAt = local(day, 10);
            m.endedAt = local(day, 11);
            m.tags = words;
            auto added = store.service->addManual(m);
            if (!added)
                qFatal("seed refused: %s", qPrintable(added.error().message));
            ids << added->id;
            ++day;
        }
    }

    // The IDs of the entries the tags keep, in the order they were added.
    QStringList having(const QStringList &tags) const
    {
        EntryFilter f;
        f.tags = tags;
        QStringList found;
        const QList<TimeEntry> entries = store.service->list(f, {EntrySortKey::StartedAt, false});
        for (const TimeEntry &e : entries)
            found << e.id;
        return found;
    }
};

} // namespace

class TestTagFilter final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsTheEntriesHavingAnyOfTheWords()
    {
        const Tagged t;
        // In any case; "remix" and "mixing" contain "mix" but are other words.
        QCOMPARE(t.having({s("mix")}), (QStringList{t.ids[0], t.ids[1]}));
        QCOMPARE(t.having({s("MIX")}), (QStringList{t.ids[0], t.ids[1]}));
        QCOMPARE(t.having({s("vocals"), s("remix")}), (QStringList{t.ids[0], t.ids[2]}));
        QCOMPARE(t.having({s("vocal")}), QStringList());
        // A quote inside a tag is part of the word, not its end; a non-ASCII word as typed.
        QCOMPARE(t.having({s("a\"mix")}), QStringList{t.ids[5]});
        QCOMPARE(t.having({s("Été")}), QStringList{t.ids[5]});
        // LIKE's own characters are plain letters here.
        QCOMPARE(t.having({s("m%")}), QStringList());
        QCOMPARE(t.having({s("mi_")}), QStringList());
        // No words: every entry.
        QCOMPARE(t.having({}).size(), t.ids.size());

        // Counts and totals agree with the list.
        EntryFilter f;
        f.tags = {s("mix")};
        QCOMPARE(t.store.service->count(f), 2);
        QCOMPARE(t.store.service->totals(f).billableMs, 2 * Ms(3'600'000));
    }

    void aReportByTagHasTheGroupsAskedFor()
    {
        const Tagged t;
        const ReportService reports(*t.store.service);
        EntryFilter f;
        f.from = local(1, 0);
        f.to = local(30, 0);
        f.tags = {s("MIX")};
        const auto filtered = reports.build(f, ReportGrouping::TaskType);
        const auto byTag = reports.build(f, ReportGrouping::Tag);
        QVERIFY(filtered && byTag);
        QCOMPARE(filtered->total.entries, 2);
        // One group, "mix" (its first spelling), not "vocals" nor "No tag": the same total.
        QCOMPARE(byTag->groups.size(), 1);
        QCOMPARE(byTag->groups.first().key, s("mix"));
        QCOMPARE(byTag->groups.first().entries, filtered->total.entries);
        QCOMPARE(byTag->groups.first().billableMs, filtered->total.billableMs);
        QCOMPARE(byTag->total.billableMs, filtered->total.billableMs);

        // Without the filter, every tag has its group, and "No tag" its own.
        f.tags.clear();
        const auto all = reports.build(f, ReportGrouping::Tag);
        QVERIFY(all);
        QStringList keys;
        for (const ReportGroup &g : all->groups)
            keys << g.key;
        QVERIFY2(keys.contains(s("vocals")) && keys.contains(s("remix")) &&
                     keys.contains(QString()),
                 qPrintable(keys.join(s(", "))));
    }

    void aNullIdStandsForNone()
    {
        Tagged t;
        Project p;
        p.name = s("Nightfall");
        p.color = s("#996633");
        const auto project = t.store.service->saveProject(p);
        QVERIFY(project);
        // "" and a null QString both mean "without a project": every seeded entry.
        EntryFilter none;
        none.projectIds = {QString()};
        QCOMPARE(t.store.service->count(none), int(t.ids.size()));
        none.projectIds = {s("")};
        QCOMPARE(t.store.service->count(none), int(t.ids.size()));
        none.projectIds = {project->id};
        QCOMPARE(t.store.service->count(none), 0);
    }
};

QTEST_GUILESS_MAIN(TestTagFilter)
#include "tst_tag_filter.moc"
