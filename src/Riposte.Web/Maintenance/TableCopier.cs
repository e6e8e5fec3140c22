using System.Data.Common;
using System.Globalization;

namespace Riposte.Web.Maintenance;

/// <summary>
/// Copies a node's non-STIX tables row by row between any two providers: they name tables and columns
/// alike, and keep times as the same text, so values pass unchanged (the audit chain still verifies).
/// Only booleans differ (SQLite integers, PostgreSQL booleans) and are converted by the target's column type.
/// </summary>
internal static class TableCopier
{
    /// <summary>Parents before children, so foreign keys hold at every insert.</summary>
    public static IReadOnlyList<string> Tables { get; } =
    [
        "access_organization", "access_org_client", "access_group_member", "access_user", "access_token",
        "access_collection", "access_grant", "access_audit",
        "federation_meta", "federation_peer", "federation_cursor", "federation_status", "federation_provenance", "federation_tombstone",
        "taxii_status",
    ];

    public static long CountRows(DbConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return System.Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Copies every row of <paramref name="table"/>; a row whose key the target holds already is kept as the target has it. Returns rows inserted.</summary>
    public static long Copy(DbConnection source, DbConnection target, DbTransaction transaction, string table)
    {
        var targetTypes = ColumnTypes(target, transaction, table);
        using var read = source.CreateCommand();
        read.CommandText = $"SELECT * FROM {table}";
        using var reader = read.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        foreach (var column in columns)
        {
            if (!targetTypes.ContainsKey(column))
                throw new InvalidOperationException($"copy: column {table}.{column} of the source has no counterpart in the target; migrate the target with a build that knows it");
        }
        using var insert = target.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))}) ON CONFLICT DO NOTHING";
        var parameters = columns.Select((_, i) =>
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            insert.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        long copied = 0;
        while (reader.Read())
        {
            for (var i = 0; i < columns.Length; i++)
                parameters[i].Value = ToTargetType(reader.IsDBNull(i) ? null : reader.GetValue(i), targetTypes[columns[i]], table, columns[i]);
            copied += insert.ExecuteNonQuery();
        }
        return copied;
    }

    private static Dictionary<string, Type> ColumnTypes(DbConnection connection, DbTransaction transaction, string table)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT * FROM {table} LIMIT 0";
        using var reader = command.ExecuteReader();
        return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetFieldType, StringComparer.Ordinal);
    }

    private static object ToTargetType(object? value, Type target, string table, string column) => value switch
    {
        null => DBNull.Value,
        long n when target == typeof(bool) => n != 0,
        bool b when target == typeof(long) || target == typeof(int) => b ? 1L : 0L,
        int n when target == typeof(long) => (long)n,
        string or long or bool or double => value,
        _ => throw new InvalidOperationException($"copy: {table}.{column} holds a {value.GetType().Name}, which this copy does not convert"),
    };
}
