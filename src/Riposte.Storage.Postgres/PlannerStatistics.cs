using Npgsql;

namespace Riposte.Storage.Postgres;

/// <summary>
/// Keeps the planner's statistics up with bulk writes. PostgreSQL's autovacuum analyses a table only after
/// 10 % of it changed and then at most once a minute; until then a store that just grew from nothing (a new
/// node, an import, <c>riposte copy</c>) is planned as if empty, and the TAXII page query turned into 8–14 s
/// scans (quick replicas). So the store analyses its own tables once the rows it wrote since the last
/// analysis reach a fifth of what the tables held then (at least <see cref="MinimumRows"/>).
/// </summary>
public sealed class PlannerStatistics(NpgsqlDataSource source)
{
    public const int MinimumRows = 1_000;

    private const string Tables = "stix_objects, stix_collection_objects, stix_refs, stix_labels, stix_markings, stix_external_ids";

    private readonly Lock _gate = new();
    private long _writtenSinceAnalysis;
    private long _rowsAtAnalysis;

    /// <summary>Called after a write committed <paramref name="rows"/> new versions; analyses when they add up.</summary>
    public void Wrote(int rows)
    {
        if (rows <= 0)
            return;
        lock (_gate)
        {
            _writtenSinceAnalysis += rows;
            if (_writtenSinceAnalysis < Math.Max(MinimumRows, _rowsAtAnalysis / 5))
                return;
            _rowsAtAnalysis += _writtenSinceAnalysis;
            _writtenSinceAnalysis = 0;
        }
        // Outside the lock and after the commit: ANALYZE takes no lock that blocks readers or writers.
        using var connection = source.OpenConnection();
        using var analyse = new NpgsqlCommand("ANALYZE " + Tables, connection);
        analyse.ExecuteNonQuery();
    }
}
