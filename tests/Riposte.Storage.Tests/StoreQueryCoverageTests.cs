using System.Globalization;
using static Riposte.Storage.Tests.StixSamples;

namespace Riposte.Storage.Tests;

public sealed class SqliteStoreQueryCoverageTests() : StoreQueryCoverageTests(StoreUnderTest.Sqlite);

public sealed class PostgresStoreQueryCoverageTests() : StoreQueryCoverageTests(StoreUnderTest.Postgres);

/// <summary>
/// One case per <see cref="StixQuery"/> property, run on every provider over the same small store, and a guard
/// that fails when StixQuery gains a property without a case here: each provider must honour every filter.
/// </summary>
public abstract class StoreQueryCoverageTests(Func<TimeProvider?, StoreUnderTest> open)
    : StoreTests(open, new ManualClock(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero)))
{
    private static readonly DateTimeOffset SecondPut = new(2025, 3, 1, 12, 1, 0, TimeSpan.Zero);

    private static readonly string Identity1 = Id("identity", 1);
    private static readonly string Indicator1 = Id("indicator", 1);
    private static readonly string Indicator2 = Id("indicator", 2);
    private static readonly string Pattern1 = Id("attack-pattern", 1);
    private static readonly string Relationship1 = Id("relationship", 1);

    /// <summary>Property name → a query using it and the "id@version" answers expected, in sequence order.</summary>
    private static readonly Dictionary<string, (StixQuery Query, string[] Expected)> Cases = new(StringComparer.Ordinal)
    {
        [nameof(StixQuery.Ids)] = (new() { Ids = [Indicator2, Pattern1] }, [At(Indicator2, 3), At(Pattern1, 1)]),
        [nameof(StixQuery.Types)] = (new() { Types = ["identity", "relationship"] }, [At(Identity1, 1), At(Relationship1, 1)]),
        [nameof(StixQuery.CollectionId)] = (new() { CollectionId = "c1" }, [At(Identity1, 1), At(Indicator1, 1)]),
        [nameof(StixQuery.Versions)] = (new() { Ids = [Indicator1], Versions = VersionFilter.All }, [At(Indicator1, 1), At(Indicator1, 2)]),
        [nameof(StixQuery.ExactVersions)] = (new() { Versions = VersionFilter.Exact, ExactVersions = [Time(1)], Ids = [Indicator1, Indicator2] }, [At(Indicator1, 1)]),
        [nameof(StixQuery.ModifiedFrom)] = (new() { ModifiedFrom = DateTimeOffset.Parse(Time(2), CultureInfo.InvariantCulture) }, [At(Indicator2, 3), At(Indicator1, 2)]),
        [nameof(StixQuery.ModifiedTo)] = (new() { ModifiedTo = DateTimeOffset.Parse(Time(2), CultureInfo.InvariantCulture) }, [At(Identity1, 1), At(Pattern1, 1), At(Relationship1, 1)]),
        [nameof(StixQuery.AddedAfter)] = (new() { AddedAfter = SecondPut.AddSeconds(-1) }, [At(Indicator1, 2)]),
        [nameof(StixQuery.AfterSequence)] = (new() { AfterSequence = 4 }, [At(Relationship1, 1), At(Indicator1, 2)]),
        [nameof(StixQuery.MarkingRefs)] = (new() { MarkingRefs = [TlpRed] }, [At(Indicator2, 3)]),
        [nameof(StixQuery.CreatedByRef)] = (new() { CreatedByRef = Creator }, [At(Indicator1, 2)]),
        [nameof(StixQuery.Label)] = (new() { Label = "amplifier", Versions = VersionFilter.All }, [At(Indicator1, 1)]),
        [nameof(StixQuery.ExternalId)] = (new() { ExternalId = "T0049" }, [At(Pattern1, 1)]),
        [nameof(StixQuery.RelatedTo)] = (new() { RelatedTo = Pattern1 }, [At(Relationship1, 1), At(Indicator1, 2)]),
        [nameof(StixQuery.SourceRefs)] = (new() { SourceRefs = [Indicator1, Pattern1] }, [At(Relationship1, 1)]),
        [nameof(StixQuery.SpecVersions)] = (new() { SpecVersions = ["2.0"] }, []),
        [nameof(StixQuery.Limit)] = (new() { Limit = 2 }, [At(Identity1, 1), At(Indicator2, 3)]),
    };

    [Fact]
    public void Cases_EveryStixQueryProperty_HasOne()
    {
        var properties = typeof(StixQuery).GetProperties().Select(p => p.Name).Where(n => n != "EqualityContract").Order(StringComparer.Ordinal);

        Assert.Equal(properties, Cases.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Query_EachStixQueryProperty_FiltersAsSpecified()
    {
        Seed();
        var wrong = new List<string>();

        foreach (var (property, (query, expected)) in Cases)
        {
            var actual = Store.Query(query).Select(s => $"{s.Object.Id}@{s.Object.Version?.Text}").ToArray();
            if (!actual.SequenceEqual(expected, StringComparer.Ordinal))
                wrong.Add($"{property}: expected [{string.Join(", ", expected)}] got [{string.Join(", ", actual)}]");
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    /// <summary>Sequence 1–5 at the first instant, 6 a minute later.</summary>
    private void Seed()
    {
        Store.Put([Identity(1, "Agency"), Indicator(1, Time(1), creator: Creator, labels: ["amplifier"])], "c1");
        Store.Put([
            Indicator(2, Time(3), markings: [TlpRed]),
            AttackPattern(1, "Create inauthentic accounts", "T0049"),
            Relationship(1, Indicator1, Pattern1),
        ]);
        ((ManualClock)Clock!).Advance(SecondPut - Clock!.GetUtcNow());
        Store.Put([Indicator(1, Time(2), name: "v2", creator: Creator)]);
    }

    private static string At(string id, int day) => $"{id}@{Time(day)}";
}
