using Microsoft.Data.Sqlite;
using Riposte.Stix;
using static Riposte.Storage.Tests.StixSamples;

namespace Riposte.Storage.Tests;

/// <summary>What only the SQLite file has: schema upgrades of old files, WAL checkpoints, page size, crash safety.</summary>
public sealed class SqliteFileTests : IDisposable
{
    private readonly TempStore _temp = new();
    private IStixStore Store => _temp.Store;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Migrate_StoreAtVersion1_DropsTriggerAndHashAndElectsLatestItself()
    {
        Store.Put([Indicator(1, Time(1), name: "v1")]);
        Store.Dispose();
        using (var connection = new SqliteConnection($"Data Source={_temp.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                DELETE FROM schema_version WHERE version > 1;
                ALTER TABLE objects ADD COLUMN hash BLOB NOT NULL DEFAULT x'00';
                CREATE TRIGGER objects_latest AFTER INSERT ON objects WHEN NEW.is_latest = 1
                BEGIN UPDATE objects SET is_latest = 0 WHERE id = NEW.id AND is_latest = 1 AND seq <> NEW.seq; END;
                """;
            command.ExecuteNonQuery();
        }

        var reopened = _temp.Reopen();
        reopened.Put([Indicator(1, Time(2), name: "v2")]);

        Assert.Equal(2, reopened.SchemaVersion);
        Assert.Equal("v2", reopened.GetLatest(Id("indicator", 1))!.Object.Name);
        using var check = new SqliteConnection($"Data Source={_temp.Path};Pooling=False");
        check.Open();
        using var triggers = check.CreateCommand();
        triggers.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'";
        Assert.Equal(0L, triggers.ExecuteScalar());
        triggers.CommandText = "SELECT count(*) FROM pragma_table_info('objects') WHERE name = 'hash'";
        Assert.Equal(0L, triggers.ExecuteScalar());
    }

    [Fact]
    public async Task Put_ThousandsOfObjects_BackgroundCheckpointCopiesTheLogIntoTheFile()
    {
        var before = new FileInfo(_temp.Path).Length;

        foreach (var batch in Enumerable.Range(1, 3_000).Select(n => Indicator(n)).Chunk(1_000))
            Store.Put(batch);

        // The checkpoint runs on its own thread; give a loaded machine time.
        for (var waited = 0; new FileInfo(_temp.Path).Length <= before && waited < 20_000; waited += 50)
            await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.True(new FileInfo(_temp.Path).Length > before, "the database file never grew: nothing was checkpointed");
        Assert.Equal(3_000, Store.Stats().Objects);
    }

    [Fact]
    public void Dispose_RightAfterCheckpointIsAskedFor_ClosesCleanly()
    {
        // Each round asks the checkpoint thread for work and closes before it can start.
        for (var round = 0; round < 5; round++)
        {
            var store = _temp.Reopen();
            store.Put([.. Enumerable.Range(round * 2_000 + 1, 2_000).Select(n => Indicator(n))]);
        }

        Assert.Equal(10_000, _temp.Reopen().Stats().Objects);
    }

    [Fact]
    public void Open_NewFile_Uses8KiBPages()
    {
        Store.Put([Indicator(1)]);

        using var connection = new SqliteConnection($"Data Source={_temp.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        Assert.Equal(8192L, command.ExecuteScalar());
    }

    [Fact]
    public void Open_NewerSchemaThanKnown_RefusesClearly()
    {
        using (var connection = new SqliteConnection($"Data Source={_temp.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version VALUES (99, '2030-01-01', 'future')";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidOperationException>(() => _temp.Reopen());

        Assert.Equal("the store's schema version 99 is newer than this program knows (2); upgrade Riposte", error.Message);
    }

    [Fact]
    public void Put_CrashMidBatch_StoreKeepsCommittedBatchesOnly()
    {
        // Arrange: a committed batch, then a batch during which we snapshot the files as a killed process leaves them
        Store.Put([.. Enumerable.Range(1, 100).Select(n => Indicator(n))]);
        var crashFolder = Path.Combine(_temp.Folder, "crash");
        var midBatch = new SnapshotAtItem([.. Enumerable.Range(101, 3000).Select(n => Indicator(n, description: new string('d', 500)))],
            snapshotAt: 2500, () => CopyDatabaseFiles(_temp.Path, crashFolder));

        // Act
        Store.Put(midBatch);

        // Assert: the crashed copy opens, passes an integrity check and holds exactly the first batch
        using var crashed = new Sqlite.SqliteStixStore(Path.Combine(crashFolder, "store.db"));
        crashed.Migrate();
        Assert.Equal(100, crashed.Stats().Versions);
        Assert.NotNull(crashed.GetLatest(Id("indicator", 100)));
        Assert.Null(crashed.GetLatest(Id("indicator", 101)));
        Assert.Equal("ok", IntegrityCheck(Path.Combine(crashFolder, "store.db")));
        Assert.Equal(3100, Store.Stats().Versions);
    }

    private static void CopyDatabaseFiles(string database, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var suffix in (string[])["", "-wal"])
        {
            if (File.Exists(database + suffix))
            {
                using var source = new FileStream(database + suffix, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var target = File.Create(Path.Combine(folder, "store.db" + suffix));
                source.CopyTo(target);
            }
        }
    }

    private static string IntegrityCheck(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>A batch that runs an action when the store reaches one item: the moment of the simulated kill.</summary>
    private sealed class SnapshotAtItem(IReadOnlyList<StixObject> items, int snapshotAt, Action snapshot) : IReadOnlyList<StixObject>
    {
        public StixObject this[int index]
        {
            get
            {
                if (index == snapshotAt)
                    snapshot();
                return items[index];
            }
        }

        public int Count => items.Count;
        public IEnumerator<StixObject> GetEnumerator() => items.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
