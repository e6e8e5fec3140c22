using Microsoft.Data.Sqlite;

namespace Riposte.Storage.Sqlite.Access;

/// <summary>The few ADO.NET shapes the access repositories need, so each repository reads as SQL plus mapping.</summary>
internal static class SqliteCommands
{
    public static int Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Create(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = Create(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var list = new List<T>();
        while (reader.Read())
            list.Add(map(reader));
        return list;
    }

    public static SqliteCommand Create(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>True when the command failed on a PRIMARY KEY or UNIQUE constraint.</summary>
    public static bool IsUniqueViolation(SqliteException e) =>
        e.SqliteErrorCode == 19 && (e.SqliteExtendedErrorCode == 1555 || e.SqliteExtendedErrorCode == 2067);
}
