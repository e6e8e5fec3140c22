using System.Collections.Concurrent;
using static Riposte.Storage.Tests.StixSamples;

namespace Riposte.Storage.Tests;

/// <summary>
/// Several replicas on one database: writers on separate connection pools commit while readers page. The
/// commit-order lock must make sequence numbers and date_added grow in commit order, or a pager skips.
/// </summary>
public sealed class PostgresConcurrencyTests : IDisposable
{
    private const int Writers = 4;
    private const int BatchesPerWriter = 25;
    private const int BatchSize = 4;

    private readonly StoreUnderTest _temp = StoreUnderTest.Postgres(null);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Query_PagersBySequenceAndAddedAfterDuringConcurrentWrites_SeeEveryObjectOnce()
    {
        var written = new ConcurrentBag<string>();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() => Write(_temp.OpenAnother(), w, written), Ct)).ToArray();
        var bySequence = new SequencePager(_temp.OpenAnother());
        var byAddedAfter = new AddedAfterPager(_temp.OpenAnother());

        while (!writers.All(t => t.IsCompleted))
        {
            bySequence.Step();
            byAddedAfter.Step();
        }
        await Task.WhenAll(writers);
        bySequence.Step();
        byAddedAfter.Step();

        var expected = written.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Writers * BatchesPerWriter * BatchSize, expected.Length);
        Assert.Equal(expected, bySequence.Seen.Order(StringComparer.Ordinal));
        Assert.Equal(expected, byAddedAfter.Seen.Order(StringComparer.Ordinal));
        Assert.True(bySequence.Pages > 2, "the pager should have walked while the writers wrote");
    }

    [Fact]
    public async Task PutIfLatest_TwoStoresRacingForTheSameVersion_ExactlyOneWinsEachRound()
    {
        var stores = new[] { _temp.Store, _temp.OpenAnother() };
        var id = Id("indicator", 1);
        _temp.Store.Put([Indicator(1, Time(1), name: "v0")]);
        var expected = Time(1);

        for (var round = 2; round <= 20; round++)
        {
            using var start = new Barrier(stores.Length);
            var modified = Time(round);
            var results = await Task.WhenAll(stores.Select((store, i) => Task.Run(() =>
            {
                start.SignalAndWait(Ct);
                return store.PutIfLatest(Indicator(1, modified, name: $"store {i} round {round}"), expected);
            }, Ct)));

            Assert.Single(results, r => r.Written);
            Assert.All(results, r => Assert.Equal(modified, r.LatestVersion));
            expected = modified;
        }
        Assert.Equal(20, _temp.Store.GetVersions(id).Count);
    }

    private static void Write(IStixStore store, int writer, ConcurrentBag<string> written)
    {
        for (var batch = 0; batch < BatchesPerWriter; batch++)
        {
            var objects = Enumerable.Range(0, BatchSize)
                .Select(i => Indicator((writer * 10_000) + (batch * BatchSize) + i + 1, name: $"writer {writer}"))
                .ToList();
            Assert.All(store.Put(objects), o => Assert.Equal(WriteOutcome.Added, o));
            foreach (var obj in objects)
                written.Add(obj.Id);
        }
    }

    /// <summary>Walks by sequence number in small pages, as a TAXII next token does.</summary>
    private sealed class SequencePager(IStixStore store)
    {
        private long _after;

        public List<string> Seen { get; } = [];
        public int Pages { get; private set; }

        public void Step()
        {
            while (true)
            {
                var page = store.Query(new StixQuery { AfterSequence = _after, Limit = 7, Versions = VersionFilter.All }).ToList();
                if (page.Count == 0)
                    return;
                Pages++;
                Assert.All(page, o => Assert.True(o.Sequence > _after));
                Seen.AddRange(page.Select(o => o.Object.Id));
                _after = page[^1].Sequence;
            }
        }
    }

    /// <summary>Polls with added_after = the last date_added seen, as a TAXII client's X-TAXII-Date-Added-Last does.</summary>
    private sealed class AddedAfterPager(IStixStore store)
    {
        private DateTimeOffset _after = DateTimeOffset.MinValue;

        public List<string> Seen { get; } = [];

        public void Step()
        {
            var page = store.Query(new StixQuery { AddedAfter = _after, Versions = VersionFilter.All }).ToList();
            if (page.Count == 0)
                return;
            Seen.AddRange(page.Select(o => o.Object.Id));
            _after = page.Max(o => o.DateAdded);
        }
    }

    public void Dispose() => _temp.Dispose();
}
