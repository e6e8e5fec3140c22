namespace Riposte.Storage.Postgres;

/// <summary>PostgreSQL keeps instants to the microsecond, in UTC; .NET has 100 ns ticks and offsets.</summary>
internal static class PostgresInstants
{
    /// <summary>
    /// The instant in UTC, cut (never rounded) to the microsecond, so a stored date_added compares with an
    /// <c>added_after</c> of any precision as the exact values would.
    /// </summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
