using System.Collections.Concurrent;
using Npgsql;

namespace Riposte.Storage.Postgres;

/// <summary>
/// One pooled <see cref="NpgsqlDataSource"/> per database for the whole process: the STIX store, the
/// access tables, the federation log and the TAXII statuses of one node share its connection pool.
/// </summary>
public static class PostgresDataSources
{
    private static readonly ConcurrentDictionary<string, Lazy<NpgsqlDataSource>> Sources = new(StringComparer.Ordinal);

    /// <summary>The data source for a <c>--db</c> value (URL or connection string).</summary>
    public static NpgsqlDataSource For(string location)
    {
        var connectionString = PostgresLocation.ToConnectionString(location);
        return Sources.GetOrAdd(connectionString, cs => new Lazy<NpgsqlDataSource>(() => NpgsqlDataSource.Create(cs))).Value;
    }
}
