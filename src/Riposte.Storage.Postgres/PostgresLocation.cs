using Npgsql;

namespace Riposte.Storage.Postgres;

/// <summary>
/// Turns a <c>--db</c> value naming a PostgreSQL database into an Npgsql connection string. Accepts the
/// libpq URL form (<c>postgres://user:password@host:port/database?sslmode=require</c>) and Npgsql's own
/// key=value form (<c>Host=…;Database=…</c>), so operators can paste what their tooling already gives them.
/// </summary>
public static class PostgresLocation
{
    /// <summary>Whether <paramref name="location"/> names a PostgreSQL database rather than a SQLite file.</summary>
    public static bool Names(string location) =>
        StoreFactory.IsPostgres(location) || LooksLikeKeyValue(location);

    /// <exception cref="ArgumentException">The value is neither form, or names no database.</exception>
    public static string ToConnectionString(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        var builder = StoreFactory.IsPostgres(location) ? FromUrl(location) : FromKeyValue(location);
        if (string.IsNullOrEmpty(builder.Database))
            throw new ArgumentException($"'{StoreFactory.Redact(location)}' names no database: add one, e.g. postgres://host/riposte", nameof(location));
        return builder.ConnectionString;
    }

    /// <summary>The location as it may appear in a message: the password, in either form, replaced by ***.</summary>
    public static string Redact(string location)
    {
        if (StoreFactory.IsPostgres(location) || !LooksLikeKeyValue(location))
            return StoreFactory.Redact(location);
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(location);
            if (!string.IsNullOrEmpty(builder.Password))
                builder.Password = "***";
            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "(a PostgreSQL connection string that does not parse)";
        }
    }

    /// <summary>
    /// A clear error for a database that cannot be used: which location (password hidden) and the server's
    /// or the network's reason — wrong password, no such database, nothing listening.
    /// </summary>
    public static InvalidOperationException CannotOpen(string location, NpgsqlException error) =>
        new($"cannot open the PostgreSQL store '{Redact(location)}': {Reason(error)}", error);

    /// <summary>
    /// What went wrong, for a user: the server's own message (with its SQLSTATE) when it answered, else the
    /// network's reason (refused, reset, timed out). Npgsql's own messages never carry the password.
    /// </summary>
    public static string Reason(NpgsqlException error) => error switch
    {
        PostgresException server => $"{server.MessageText} (SQLSTATE {server.SqlState})",
        _ => error.InnerException?.Message ?? error.Message,
    };

    private static NpgsqlConnectionStringBuilder FromUrl(string location)
    {
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new ArgumentException($"'{StoreFactory.Redact(location)}' is not a PostgreSQL URL: expected postgres://user:password@host:port/database", nameof(location));
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (!uri.IsDefaultPort && uri.Port > 0)
            builder.Port = uri.Port;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
                builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        builder.Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            try
            {
                builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = value;
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"unknown or invalid PostgreSQL option '{key}' in '{StoreFactory.Redact(location)}': {e.Message}", nameof(location), e);
            }
        }
        return builder;
    }

    private static NpgsqlConnectionStringBuilder FromKeyValue(string location)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(location);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"not a valid PostgreSQL connection string: {e.Message}", nameof(location), e);
        }
    }

    private static bool LooksLikeKeyValue(string location)
    {
        var trimmed = location.TrimStart();
        return trimmed.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("Server=", StringComparison.OrdinalIgnoreCase);
    }
}
