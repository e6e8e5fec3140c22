using static Riposte.Storage.Tests.StixSamples;

namespace Riposte.Storage.Tests;

public sealed class SqliteStoreQueryTests() : StoreQueryTests(StoreUnderTest.Sqlite);

public sealed class PostgresStoreQueryTests() : StoreQueryTests(StoreUnderTest.Postgres);

public abstract class StoreQueryTests(Func<TimeProvider?, StoreUnderTest> open)
    : StoreTests(open, new ManualClock(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero)))
{
    private ManualClock ClockHand => (ManualClock)Clock!;

    private string[] Ids(StixQuery query) => [.. Store.Query(query).Select(s => s.Object.Id)];

    [Fact]
    public void Query_ByIdsAndTypes_FiltersBoth()
    {
        Store.Put([Identity(1, "A"), Indicator(2), Indicator(3)]);

        Assert.Equal([Id("indicator", 2), Id("indicator", 3)], Ids(new StixQuery { Types = ["indicator"] }));
        Assert.Equal([Id("indicator", 3)], Ids(new StixQuery { Types = ["indicator"], Ids = [Id("indicator", 3), Id("identity", 1)] }));
    }

    [Fact]
    public void Query_ByCollection_ReturnsOnlyMembers()
    {
        Store.Put([Indicator(1), Indicator(2)], "collection-a");
        Store.Put([Indicator(3)], "collection-b");
        Store.Put([Indicator(1)], "collection-b");

        Assert.Equal([Id("indicator", 1), Id("indicator", 2)], Ids(new StixQuery { CollectionId = "collection-a" }));
        Assert.Equal([Id("indicator", 1), Id("indicator", 3)], Ids(new StixQuery { CollectionId = "collection-b" }));
    }

    [Fact]
    public void Query_LatestInCollection_IsLatestThatCollectionHolds()
    {
        Store.Put([Indicator(1, Time(1), name: "old")], "shared");
        Store.Put([Indicator(1, Time(2), name: "new")], "private");

        var shared = Store.Query(new StixQuery { CollectionId = "shared" }).Single();

        Assert.Equal("old", shared.Object.Name);
        Assert.Equal("new", Store.GetLatest(Id("indicator", 1))!.Object.Name);
    }

    [Fact]
    public void Query_LatestInCollectionHoldingEveryVersion_OnlyTheNewest()
    {
        Store.Put([Indicator(1, Time(1), name: "old"), Indicator(2, Time(1), name: "only")], "shared");
        Store.Put([Indicator(1, Time(3), name: "newest")], "shared");
        Store.Put([Indicator(1, Time(2), name: "middle")], "shared");

        var names = Store.Query(new StixQuery { CollectionId = "shared" }).Select(s => s.Object.Name).Order(StringComparer.Ordinal);

        Assert.Equal(["newest", "only"], names);
    }

    [Fact]
    public void Query_ModifiedRange_IsHalfOpen()
    {
        Store.Put([Indicator(1, Time(1)), Indicator(2, Time(2)), Indicator(3, Time(3))]);

        var ids = Ids(new StixQuery { ModifiedFrom = DateTimeOffset.Parse(Time(2), System.Globalization.CultureInfo.InvariantCulture), ModifiedTo = DateTimeOffset.Parse(Time(3), System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal([Id("indicator", 2)], ids);
    }

    [Fact]
    public void Query_AddedAfter_IsStrictlyAfter()
    {
        Store.Put([Indicator(1)]);
        var firstAdded = Store.GetLatest(Id("indicator", 1))!.DateAdded;
        ClockHand.Advance(TimeSpan.FromSeconds(1));
        Store.Put([Indicator(2)]);

        Assert.Equal(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), firstAdded);
        Assert.Equal([Id("indicator", 2)], Ids(new StixQuery { AddedAfter = firstAdded }));
    }

    [Fact]
    public void Query_MarkingCreatorLabel_FilterEach()
    {
        Store.Put([
            Indicator(1, creator: Creator, markings: [TlpGreen], labels: ["disinformation"]),
            Indicator(2, markings: [TlpRed]),
            Indicator(3, labels: ["other"]),
        ]);

        Assert.Equal([Id("indicator", 1)], Ids(new StixQuery { MarkingRefs = [TlpGreen] }));
        Assert.Equal([Id("indicator", 1), Id("indicator", 2)], Ids(new StixQuery { MarkingRefs = [TlpGreen, TlpRed] }));
        Assert.Equal([Id("indicator", 1)], Ids(new StixQuery { CreatedByRef = Creator }));
        Assert.Equal([Id("indicator", 3)], Ids(new StixQuery { Label = "other" }));
    }

    [Fact]
    public void Query_ExternalId_FindsDisarmTechnique()
    {
        Store.Put([AttackPattern(1, "Amplify existing narrative", "T0049.003"), AttackPattern(2, "Other", "T0049.004")]);

        Assert.Equal([Id("attack-pattern", 1)], Ids(new StixQuery { ExternalId = "T0049.003" }));
    }

    [Fact]
    public void Query_SpecVersionAndLimit_FilterAndCap()
    {
        Store.Put([Indicator(1), Indicator(2), Indicator(3)]);

        Assert.Equal(2, Ids(new StixQuery { SpecVersions = ["2.1"], Limit = 2 }).Length);
        Assert.Empty(Ids(new StixQuery { SpecVersions = ["2.0"] }));
    }

    [Fact]
    public void Query_RelatedTo_ReturnsRelationshipsAndOtherEnds()
    {
        var actor = Identity(1, "actor");
        Store.Put([actor, Indicator(2), Indicator(3), Indicator(4),
            Relationship(10, Id("indicator", 2), actor.Id), Relationship(11, actor.Id, Id("indicator", 3), "related-to")]);

        var ids = Ids(new StixQuery { RelatedTo = actor.Id });

        Assert.Equal([Id("indicator", 2), Id("indicator", 3), Id("relationship", 10), Id("relationship", 11)], ids);
    }

    [Fact]
    public void Query_SourceRefs_ReturnsOnlyRelationshipsFromThoseSources()
    {
        var a = Id("indicator", 1);
        var b = Id("indicator", 2);
        var c = Id("indicator", 3);
        Store.Put([Indicator(1), Indicator(2), Indicator(3),
            Relationship(10, a, c), Relationship(11, b, c), Relationship(12, c, a), Relationship(13, c, b)]);

        var ids = Ids(new StixQuery { Types = ["relationship"], SourceRefs = [a, b] });

        Assert.Equal([Id("relationship", 10), Id("relationship", 11)], ids);
    }

    [Fact]
    public void Query_SourceRefsAfterRetarget_OnlyTheLatestVersionCounts()
    {
        var a = Id("indicator", 1);
        Store.Put([Relationship(10, a, Id("indicator", 2), modified: Time(1)), Relationship(10, Id("indicator", 3), a, modified: Time(2))]);

        Assert.Empty(Ids(new StixQuery { SourceRefs = [a] }));
        Assert.Single(Ids(new StixQuery { SourceRefs = [Id("indicator", 3)] }));
    }

    [Fact]
    public void GetRelationships_Directions_AreIndexedBothWays()
    {
        var a = Id("indicator", 1);
        var b = Id("indicator", 2);
        Store.Put([Indicator(1), Indicator(2), Relationship(10, a, b, "related-to")]);

        Assert.Equal([Id("relationship", 10)], Store.GetRelationships(a, RelationshipDirection.Outgoing).Select(s => s.Object.Id));
        Assert.Empty(Store.GetRelationships(a, RelationshipDirection.Incoming));
        Assert.Equal([Id("relationship", 10)], Store.GetRelationships(b, RelationshipDirection.Incoming).Select(s => s.Object.Id));
        Assert.Single(Store.GetRelationships(b));
    }

    [Fact]
    public void GetRelationships_NewVersionRetargets_OnlyLatestCounts()
    {
        var a = Id("indicator", 1);
        Store.Put([Relationship(10, a, Id("indicator", 2), modified: Time(1)), Relationship(10, a, Id("indicator", 3), modified: Time(2))]);

        Assert.Empty(Store.GetRelationships(Id("indicator", 2)));
        Assert.Single(Store.GetRelationships(Id("indicator", 3)));
    }

    [Fact]
    public void Query_PagingASmallCollectionInALargerStore_MembersOnlyInOrder()
    {
        Store.Put([.. Enumerable.Range(1, 60).Select(n => Indicator(n))]);
        Store.Put([.. Enumerable.Range(1, 60).Where(n => n % 7 == 0).Select(n => Indicator(n))], "sliver");
        Store.Put([Indicator(200)], "sliver");
        var seen = new List<long>();
        long? cursor = null;

        while (Store.Query(new StixQuery { CollectionId = "sliver", Types = ["indicator"], AfterSequence = cursor, Limit = 3 }).ToList() is { Count: > 0 } page)
        {
            seen.AddRange(page.Select(p => p.Sequence));
            cursor = page[^1].Sequence;
        }

        Assert.Equal(9, seen.Count); // 8 multiples of 7 up to 60, and indicator 200
        Assert.Equal(seen.Order(), seen);
        Assert.Equal([Id("indicator", 7)], Store.Query(new StixQuery { CollectionId = "sliver", Ids = [Id("indicator", 7)] }).Select(s => s.Object.Id));
        Assert.Empty(Store.Query(new StixQuery { CollectionId = "sliver", Ids = [Id("indicator", 8)] }));
    }

    [Fact]
    public void Query_PagingWhileInserting_NeitherSkipsNorRepeats()
    {
        // Arrange
        Store.Put([.. Enumerable.Range(1, 25).Select(n => Indicator(n))]);
        var seen = new List<string>();
        long? cursor = null;
        var next = 100;

        // Act: read pages of 10 while another writer adds objects between pages
        while (true)
        {
            var page = Store.Query(new StixQuery { AfterSequence = cursor, Limit = 10 }).ToList();
            if (page.Count == 0)
                break;
            seen.AddRange(page.Select(p => p.Object.Id));
            cursor = page[^1].Sequence;
            if (next < 103)
                Store.Put([Indicator(next++)]);
        }

        // Assert
        Assert.Equal(28, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(Id("indicator", 102), seen[^1]);
    }

    [Fact]
    public async Task Query_ConcurrentWriterThread_EveryObjectSeenOnce()
    {
        var writer = Task.Run(() =>
        {
            for (var batch = 0; batch < 20; batch++)
                Store.Put([.. Enumerable.Range(batch * 50 + 1, 50).Select(n => Indicator(n))]);
        }, TestContext.Current.CancellationToken);
        var seen = new HashSet<string>();
        long cursor = 0;
        while (!writer.IsCompleted || seen.Count < 1000)
        {
            foreach (var stored in Store.Query(new StixQuery { AfterSequence = cursor, Limit = 37 }))
            {
                Assert.True(seen.Add(stored.Object.Id), "repeated " + stored.Object.Id);
                cursor = stored.Sequence;
            }
            if (writer.IsFaulted)
                break;
        }
        await writer;

        Assert.Equal(1000, seen.Count);
    }
}
