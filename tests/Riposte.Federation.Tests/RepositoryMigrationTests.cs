using Microsoft.Data.Sqlite;
using Riposte.Storage.Federation;
using Riposte.Storage.Sqlite.Federation;

namespace Riposte.Federation.Tests;

public sealed class RepositoryMigrationTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), "riposte-federation-migrate-" + Guid.NewGuid().ToString("N") + ".db");

    [Fact]
    public void Migrate_FileOfTheFirstVersion_AddsColumnsAndKeepsTombstonesAsDeletionsWithoutStubs()
    {
        // Arrange: the change log and status tables as the first version made them, with a deletion in the log.
        using (var connection = new SqliteConnection("Data Source=" + _db))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE federation_status (peer TEXT PRIMARY KEY, remote_head TEXT, last_contact TEXT, last_error TEXT, last_error_at TEXT,
                  applied INTEGER NOT NULL DEFAULT 0, rejected INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE federation_tombstone (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, version TEXT, collection_id TEXT, at TEXT NOT NULL);
                INSERT INTO federation_tombstone (id, version, collection_id, at) VALUES ('campaign--1', NULL, 'c1', '2026-11-01T00:00:00.0000000Z');
                """;
            command.ExecuteNonQuery();
        }
        var repository = SqliteFederationRepository.ForFile(_db);

        // Act: twice, as every start does.
        repository.Migrate();
        repository.Migrate();
        repository.AddJoined([("campaign--2", "2026-01-01T00:00:00.000Z")], "c1", DateTimeOffset.UnixEpoch);
        repository.AddTombstone("campaign--3", "2026-01-01T00:00:00.000Z", "c1", DateTimeOffset.UnixEpoch, "{\"id\":\"campaign--3\"}");
        repository.RecordContact("p", DateTimeOffset.UnixEpoch, "5-1", applied: 3, rejected: 1, unchanged: 2, lag: TimeSpan.FromSeconds(1.5));

        // Assert
        Assert.Equal([(ChangeKind.Deleted, null), (ChangeKind.Joined, null), (ChangeKind.Deleted, "{\"id\":\"campaign--3\"}")],
            repository.TombstonesAfter(0, 10).Select(e => (e.Kind, e.Stub)));
        Assert.Equal((3L, 1L, 2L, (TimeSpan?)TimeSpan.FromSeconds(1.5)), repository.GetStatus("p") is var s ? (s.Applied, s.Rejected, s.Unchanged, s.Lag) : default);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_db);
    }
}
