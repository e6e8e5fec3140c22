using Npgsql;

namespace Riposte.Storage.Postgres.Schema;

/// <summary>The few ADO.NET shapes the repositories need, so each reads as SQL plus mapping. Parameters are named <c>@name</c>.</summary>
internal static class PostgresCommands
{
    public static int Execute(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Create(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static List<T> Query<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = Create(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var list = new List<T>();
        while (reader.Read())
            list.Add(map(reader));
        return list;
    }

    public static object? Scalar(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Create(connection, sql, parameters);
        return command.ExecuteScalar() is { } value and not DBNull ? value : null;
    }

    public static NpgsqlCommand Create(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.Add(Parameter(name, value));
        return command;
    }

    public static NpgsqlParameter Parameter(string name, object? value) =>
        // A null string parameter still needs a type, or PostgreSQL cannot infer "@p IS NULL".
        value is null ? new NpgsqlParameter(name, NpgsqlTypes.NpgsqlDbType.Text) { Value = DBNull.Value } : new NpgsqlParameter(name, value);

    public static string FormatTime(DateTimeOffset value) => StoredInstants.ToText(value);

    public static string? FormatTime(DateTimeOffset? value) => StoredInstants.ToText(value);

    public static DateTimeOffset ParseTime(string text) => StoredInstants.Parse(text);

    public static DateTimeOffset? TimeOrNull(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ParseTime(reader.GetString(ordinal));

    public static string? TextOrNull(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
