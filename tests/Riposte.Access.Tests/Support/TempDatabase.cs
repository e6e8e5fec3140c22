using Microsoft.Data.Sqlite;

namespace Riposte.Access.Tests.Support;

/// <summary>A real SQLite file in its own temporary folder, removed afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "riposte-access-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, "access.db");
    }

    public string Folder { get; }
    public string Path { get; }

    /// <summary>Runs raw SQL against the file, as someone with direct access to the database could.</summary>
    public int Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    public object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
