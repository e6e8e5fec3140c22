using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Riposte.Analytics.Storage;

/// <summary>
/// A prepared statement bound through SQLitePCL directly. On the bulk write path the ADO.NET parameter layer cost
/// more than SQLite itself (about half the time per row with 26 columns), so the hot statements skip it.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public void Bind(int index, string? value) => Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));

    public void Bind(int index, long? value) => Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_int64(_statement, index, value.Value));

    public void Bind(int index, byte[]? value) => Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_blob(_statement, index, value));

    public void Bind(int index, object value)
    {
        switch (value)
        {
            case string text: Bind(index, text); break;
            case long number: Bind(index, (long?)number); break;
            case byte[] blob: Bind(index, blob); break;
            default: throw new ArgumentException($"cannot bind a {value.GetType().Name}", nameof(value));
        }
    }

    /// <summary>Runs the statement and returns how many rows it changed.</summary>
    public int Execute()
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            if (result != raw.SQLITE_DONE && result != raw.SQLITE_ROW)
                Check(result);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Runs a query for one blob column: whether a row was found, and its value.</summary>
    public (bool Found, byte[]? Value) QueryBlob()
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            if (result == raw.SQLITE_DONE)
                return (false, null);
            if (result != raw.SQLITE_ROW)
                Check(result);
            return (true, raw.sqlite3_column_type(_statement, 0) == raw.SQLITE_NULL ? null : raw.sqlite3_column_blob(_statement, 0).ToArray());
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Steps a query; false when there are no more rows (call <see cref="Reset"/> to run it again).</summary>
    public bool Step()
    {
        var result = raw.sqlite3_step(_statement);
        if (result == raw.SQLITE_ROW)
            return true;
        if (result != raw.SQLITE_DONE)
            Check(result);
        return false;
    }

    public void Reset() => raw.sqlite3_reset(_statement);

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    public long? NullableInt64(int column) => IsNull(column) ? null : Int64(column);

    /// <summary>The UTF-8 bytes of a text column, valid until the next step.</summary>
    public ReadOnlySpan<byte> Utf8(int column) => raw.sqlite3_column_blob(_statement, column);

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
            throw new SqliteException($"SQLite error {result}: {raw.sqlite3_errmsg(_db).utf8_to_string()}", result);
    }

    public void Dispose() => _statement.Dispose();
}
