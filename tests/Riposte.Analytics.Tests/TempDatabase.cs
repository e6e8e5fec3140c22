using Riposte.Analytics.Storage;

namespace Riposte.Analytics.Tests;

/// <summary>A SQLite post store in a fresh temporary folder, deleted afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("riposte-posts-").FullName;

    public TempDatabase() => Store = new SqlitePostStore(DatabasePath);

    public string DatabasePath => Path.Combine(_folder, "riposte.db");

    public SqlitePostStore Store { get; }

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
