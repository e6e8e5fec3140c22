using Riposte.Storage.Sqlite;

namespace Riposte.Storage.Tests;

public sealed class StoreFactoryTests
{
    [Theory]
    [InlineData("postgres://riposte:secret@db/riposte", "PostgreSQL stores are not supported yet ('postgres://riposte:***@db/riposte'); pass --db with a file path to use SQLite")]
    [InlineData("postgresql://db/riposte", "PostgreSQL stores are not supported yet ('postgresql://db/riposte'); pass --db with a file path to use SQLite")]
    [InlineData("mongodb://db", "no store provider for 'mongodb://db'; pass --db with a file path to use SQLite")]
    public void Open_UnsupportedUrl_ExplainsClearly(string location, string message)
    {
        var error = Assert.Throws<NotSupportedException>(() => StixStores.Open(location));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Open_FilePath_CreatesAndMigratesSqliteStore()
    {
        var folder = Directory.CreateTempSubdirectory("riposte-factory-").FullName;
        var path = Path.Combine(folder, "nested", "riposte.db");
        try
        {
            using (var store = StixStores.Open(path))
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
    public void Open_Blank_AsksForDb()
    {
        var error = Assert.Throws<ArgumentException>(() => StixStores.Open(" "));

        Assert.StartsWith("no store location given: pass --db with a file path (SQLite)", error.Message, StringComparison.Ordinal);
    }
}
