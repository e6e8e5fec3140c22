using Riposte.Storage.Postgres;
using Riposte.Storage.Sqlite;

namespace Riposte.Storage.Tests;

/// <summary>The factory with both providers, as the host and the command line register them.</summary>
public sealed class StoreFactoryTests
{
    private static readonly StoreFactory Factory = new([new PostgresStoreProvider(), new SqliteStoreProvider()]);

    [Theory]
    [InlineData("mongodb://ana:secret@db", "no store provider for 'mongodb://ana:***@db'; pass --db with a file path (SQLite) or a postgres:// URL")]
    [InlineData("mongodb://db", "no store provider for 'mongodb://db'; pass --db with a file path (SQLite) or a postgres:// URL")]
    public void Open_UnsupportedUrl_ExplainsClearly(string location, string message)
    {
        var error = Assert.Throws<NotSupportedException>(() => Factory.Open(location));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Open_FilePath_CreatesAndMigratesSqliteStore()
    {
        var folder = Directory.CreateTempSubdirectory("riposte-factory-").FullName;
        var path = Path.Combine(folder, "nested", "riposte.db");
        try
        {
            using (var store = Factory.Open(path))
            {
                var outcome = store.Put([StixSamples.Identity(1, "A")]);
                Assert.Equal([WriteOutcome.Added], outcome);
                Assert.IsType<SqliteStixStore>(store);
            }
            Assert.True(File.Exists(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Open_PostgresUrl_CreatesAndMigratesPostgresStore()
    {
        using var database = PostgresTestDatabase.Create();

        using var store = Factory.Open(database.Url);

        Assert.IsType<PostgresStixStore>(store);
        Assert.Equal([WriteOutcome.Added], store.Put([StixSamples.Identity(1, "A")]));
        Assert.Equal(PostgresStixStore.LatestSchemaVersion, ((PostgresStixStore)store).SchemaVersion);
    }

    [Fact]
    public void Open_Blank_AsksForDb()
    {
        var error = Assert.Throws<ArgumentException>(() => Factory.Open(" "));

        Assert.StartsWith("no store location given: pass --db with a file path (SQLite) or a postgres:// URL", error.Message, StringComparison.Ordinal);
    }
}
