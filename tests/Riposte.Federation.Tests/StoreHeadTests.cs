using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Riposte.Federation.Loopback;
using Riposte.Federation.Stream;
using Riposte.Stix.Markings;
using Riposte.Storage;
using Riposte.Storage.Sqlite;

namespace Riposte.Federation.Tests;

/// <summary>The store's highest sequence, found by probes through the store's seam, with gaps left by deletions.</summary>
public sealed class StoreHeadTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("riposte-storehead-");
    private readonly SqliteStixStore _store;

    public StoreHeadTests()
    {
        _store = new SqliteStixStore(Path.Combine(_folder.FullName, "head.db"));
        _store.Migrate();
    }

    [Property(MaxTest = 60)]
    public Property Find_AfterWritesAndDeletions_IsTheHighestSequenceHeld(PositiveInt writes, int deletionMask, NonNegativeInt knownBack)
    {
        var written = Enumerable.Range(0, Math.Min(writes.Get, 70)).Select(i => Objects.Campaign("identity--" + Guid.NewGuid().ToString("D"), TlpLevel.Green, "c" + i)).ToList();
        _store.Put(written);
        // Delete some, the last ones included now and then: gaps, and a head below the highest sequence ever given.
        for (var i = 0; i < written.Count; i++)
        {
            if ((deletionMask >> (i % 31) & 1) == 1)
                _store.Delete(written[i].Id);
        }
        var all = _store.Query(new StixQuery { Versions = VersionFilter.All }).Select(s => s.Sequence).ToList();
        var head = all.Count == 0 ? 0 : all.Max();
        var known = Math.Max(0, head - knownBack.Get);

        var found = StoreHead.Find(_store, known);

        return (found == Math.Max(head, known)).Label($"head {head}, known {known}, found {found}");
    }

    [Fact]
    public void Find_NothingAfterKnown_ReturnsKnown()
    {
        Assert.Equal(123, StoreHead.Find(_store, 123));
    }

    public void Dispose()
    {
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
